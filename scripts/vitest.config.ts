import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['src/**/*.test.ts', 'scripts/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/faults/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
