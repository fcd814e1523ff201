import type { TestProject } from 'vitest/node';
// @ts-expect-error plain ESM helper shared with `npm run generate`
import { startBackend, testSettings } from '../scripts/backend.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    backendUrl: string;
    backendError: string;
  }
}

/** One real backend for every test file. A backend that does not start fails each test that needs it (not silence). */
export default async function setup(project: TestProject) {
  try {
    const backend = await startBackend(testSettings);
    project.provide('backendUrl', backend.url);
    project.provide('backendError', '');
    return () => backend.stop();
  } catch (error) {
    project.provide('backendUrl', '');
    project.provide('backendError', (error as Error).message);
    return undefined;
  }
}
