import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['integration/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Each file starts its own servers on port 0 with its own SQLite files.
    pool: 'forks',
    fileParallelism: true,
    maxWorkers: 2,
    // The JSON report feeds the CI summary line (scripts/test-summary.mjs).
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
  },
});
