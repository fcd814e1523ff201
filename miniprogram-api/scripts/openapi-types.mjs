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

/**
 * ASP.NET Core describes numbers as \`integer | string\` (it also reads numbers written as strings). The server
 * always writes numbers, so the SDK types them as numbers.
 */
function numbersAsNumbers(node) {
  if (Array.isArray(node)) return node.forEach(numbersAsNumbers);
  if (node === null || typeof node !== 'object') return;
  if (Array.isArray(node.type) && node.type.includes('string') && (node.type.includes('integer') || node.type.includes('number'))) {
    node.type = node.type.filter((t) => t !== 'string');
    delete node.pattern;
  }
  for (const value of Object.values(node)) numbersAsNumbers(value);
}

export async function typesFromDocument(document) {
  const copy = JSON.parse(JSON.stringify(document));
  numbersAsNumbers(copy);
  const ast = await openapiTS(copy, { alphabetize: true });
  return header + astToString(ast);
}

export async function fetchDocument(baseUrl) {
  const res = await fetch(`${baseUrl}/openapi/v1.json`);
  if (!res.ok) throw new Error(`GET ${baseUrl}/openapi/v1.json answered ${res.status}`);
  return res.json();
}
