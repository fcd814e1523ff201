import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('example mini-program', () => {
  it('type-checks against the SDK and the mini-program typings', () => {
    const tsc = join(__dirname, '../node_modules/typescript/bin/tsc');
    const run = spawnSync(process.execPath, [tsc, '-p', join(__dirname, '../example/tsconfig.json')], { encoding: 'utf8' });
    expect(run.stdout + run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});
