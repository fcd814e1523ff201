// npm run generate            starts the built backend, reads /openapi/v1.json, writes src/generated/api.ts
// npm run generate -- <url>   reads it from a backend that is already running (e.g. http://localhost:5080)
// npm run generate -- <file>  reads a saved OpenAPI document
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { startBackend } from './backend.mjs';
import { fetchDocument, generatedFile, typesFromDocument } from './openapi-types.mjs';

const source = process.argv[2];
let document;
if (source && /^https?:/.test(source)) {
  document = await fetchDocument(source.replace(/\/+$/, ''));
} else if (source) {
  document = JSON.parse(readFileSync(source, 'utf8'));
} else {
  const backend = await startBackend();
  try {
    document = await fetchDocument(backend.url);
  } finally {
    await backend.stop();
  }
}
const text = await typesFromDocument(document);
const before = existsSync(generatedFile) ? readFileSync(generatedFile, 'utf8') : '';
writeFileSync(generatedFile, text);
console.log(before === text ? `${generatedFile}: unchanged` : `${generatedFile}: written (${Object.keys(document.paths).length} paths)`);
