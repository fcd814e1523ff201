import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    // The tests share one backend and the global `wx`: one file at a time.
    fileParallelism: false,
    testTimeout: 60000,
    hookTimeout: 60000,
  },
});
