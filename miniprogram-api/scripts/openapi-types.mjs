// Turns the backend's OpenAPI document into src/generated/api.ts. Shared by `npm run generate` and the test that
// fails when the committed file differs from what the running backend serves.
import openapiTS, { astToString } from 'openapi-typescript';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const generatedFile = join(dirname(fileURLToPath(import.meta.url)), '../src/generated/api.ts');

const header = `/**
 * GENERATED from the backend's /openapi/v1.json by \`npm run generate\` (openapi-typescript). Do not edit.
 */

`;

export async function typesFromDocument(document) {
  const ast = await openapiTS(document, { alphabetize: true });
  return header + astToString(ast);
}

export async function fetchDocument(baseUrl) {
  const res = await fetch(`${baseUrl}/openapi/v1.json`);
  if (!res.ok) throw new Error(`GET ${baseUrl}/openapi/v1.json answered ${res.status}`);
  return res.json();
}
