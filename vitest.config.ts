import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    // jieba's wasm loads once per worker; two cores, so two workers.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
  },
});
