import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..');

/** The TypeScript block under the README's "## Ten lines" heading, exactly as a reader copies it. */
function tenLines(): string {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const section = readme.split(/^## /m).find((s) => s.startsWith('Ten lines'));
  const block = section && /```ts\n([\s\S]*?)```/.exec(section);
  if (!block) throw new Error('The README has no "## Ten lines" section with a ```ts block.');
  return block[1];
}

describe("the README's ten lines", () => {
  it('type-check as written against the built package, as a mini-program that installed it sees it', () => {
    // Inside example/, so the import resolves through example/node_modules (the file: dependency `npm test` links)
    // to the package's own types, and the mini-program typings through the SDK's node_modules: no path mapping.
    const dir = join(root, 'example', `.readme-snippet-${process.pid}`);
    mkdirSync(dir, { recursive: true });
    try {
      writeFileSync(join(dir, 'snippet.ts'), tenLines());
      writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
        compilerOptions: {
          target: 'ES2017', module: 'commonjs', lib: ['ES2017'], types: ['miniprogram-api-typings'],
          strict: true, noEmit: true, skipLibCheck: true,
        },
        files: ['snippet.ts'],
      }));
      const tsc = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(dir, 'tsconfig.json')],
        { encoding: 'utf8' });
      expect(tsc.stdout + tsc.stderr).toBe('');
      expect(tsc.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
