import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM helper shared with `npm run generate`
import { fetchDocument, generatedFile, typesFromDocument } from '../scripts/openapi-types.mjs';
import { backendUrl } from './setup';

describe('generated API types', () => {
  it('match what the current backend serves (run `npm run generate` after changing an endpoint)', async () => {
    const current = await typesFromDocument(await fetchDocument(backendUrl()));
    const committed = readFileSync(generatedFile, 'utf8');
    expect(committed === current, 'src/generated/api.ts is stale: run `cd miniprogram-api && npm run generate`').toBe(true);
  });
});
