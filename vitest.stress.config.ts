import { defineConfig } from 'vitest/config';

// `npm run test:stress`: the long reliability tests (faults, kills, sustained load), against the
// same kind of real, throwaway Neo4j as `npm test`.
export default defineConfig({
  test: {
    include: ['tests/stress/**/*.stress.test.ts'],
    globalSetup: ['tests/setup/global-neo4j.ts'],
    testTimeout: 300_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
