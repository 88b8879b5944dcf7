import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // The embedding model runs in each worker; two cores, so keep the pool small.
    pool: 'forks',
    maxWorkers: 2,
  },
});
