import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 20_000,
    // Set-up hooks run many turns (e.g. every demo person says hello); on a busy machine they need more.
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
