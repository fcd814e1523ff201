import { describe, expect, inject, it } from 'vitest';

describe('example mini-program', () => {
  it('type-checks against the SDK and the mini-program typings', () => {
    // Run by tests/global-setup.ts while the backend starts.
    const result = inject('exampleTypecheck');
    expect(result.output).toBe('');
    expect(result.status).toBe(0);
  });
});
