import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dist = join(__dirname, '../miniprogram_dist');
const forbidden = ['fetch', 'WebSocket', 'XMLHttpRequest', 'Buffer', 'process', 'URL', 'URLSearchParams', 'require("ws")'];

/** Code without comments and string contents, so a word in a message or a doc comment does not count. */
function codeOnly(source: string): string {
  return source
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/\/\/[^\n]*/g, ' ')
    .replace(/`(?:\\[\s\S]|[^`\\])*`/g, '``')
    .replace(/'(?:\\.|[^'\\\n])*'/g, "''")
    .replace(/"(?:\\.|[^"\\\n])*"/g, '""');
}

/** Uses of a global: the name not reached through a property (`x.fetch`) and not an object key (`{ fetch: … }`). */
export function globalsUsed(source: string): string[] {
  const code = codeOnly(source);
  return forbidden.filter((name) => new RegExp(`(?<![.\\w$])${name.replace(/[()".]/g, '\\$&')}\\b(?!\\s*:)`).test(code));
}

function jsFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? jsFiles(join(folder, e.name)) : e.name.endsWith('.js') ? [join(folder, e.name)] : []);
}

describe('the built package runs in the mini-program runtime', () => {
  it('the scanner recognises globals and ignores properties, keys and words in strings', () => {
    expect(globalsUsed('const r = fetch(u); new WebSocket(x); Buffer.from(s); process.env.X; new URL(a)'))
      .toEqual(['fetch', 'WebSocket', 'Buffer', 'process', 'URL']);
    expect(globalsUsed('wx.request({ fetch: 1 }); a.process(); // fetch the URL\n const s = "Buffer";')).toEqual([]);
  });

  it('uses no fetch, WebSocket, XMLHttpRequest, Buffer, process or URL globals', () => {
    const files = jsFiles(dist);
    expect(files.length).toBeGreaterThan(5);
    const offences = files.map((f) => ({ file: f.slice(dist.length + 1), globals: globalsUsed(readFileSync(f, 'utf8')) }))
      .filter((o) => o.globals.length > 0);
    expect(offences).toEqual([]);
  });

  it('is ES2017: no optional chaining, nullish coalescing or async generators', () => {
    for (const file of jsFiles(dist)) {
      const code = codeOnly(readFileSync(file, 'utf8'));
      expect(code, file).not.toMatch(/\?\.[\w$[(]|\?\?|async\s+function\s*\*/);
    }
  });

  it('main points at the compiled entry with its types', () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, '../package.json'), 'utf8'));
    expect(pkg.main).toBe('miniprogram_dist/index.js');
    expect(readdirSync(dist)).toEqual(expect.arrayContaining(['index.js', 'index.d.ts']));
  });
});
