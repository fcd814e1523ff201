import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
// @ts-expect-error plain ESM helper shared with `npm run generate`
import { startBackend, testSettings } from '../scripts/backend.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    backendUrl: string;
    simulatorUrl: string;
    backendError: string;
    exampleTypecheck: { status: number | null; output: string };
  }
}

/** Type-checks the example mini-program (tests/example.test.ts reads the result) while the backend starts. */
function typecheckExample(): Promise<{ status: number | null; output: string }> {
  const tsc = join(__dirname, '../node_modules/typescript/bin/tsc');
  const child = spawn(process.execPath, [tsc, '-p', join(__dirname, '../example/tsconfig.json')]);
  let output = '';
  child.stdout.on('data', (c) => { output += c; });
  child.stderr.on('data', (c) => { output += c; });
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, output })));
}

/** One real backend for every test file. A backend that does not start fails each test that needs it (not silence). */
export default async function setup(project: TestProject) {
  const typecheck = typecheckExample();
  let stop: (() => Promise<void>) | undefined;
  try {
    const backend = await startBackend(testSettings);
    stop = backend.stop;
    project.provide('backendUrl', backend.url);
    project.provide('simulatorUrl', backend.simulatorUrl);
    project.provide('backendError', '');
  } catch (error) {
    project.provide('backendUrl', '');
    project.provide('simulatorUrl', '');
    project.provide('backendError', (error as Error).message);
  }
  project.provide('exampleTypecheck', await typecheck);
  return stop;
}
