import { defineConfig } from 'vitest/config';

// Three tiers, told apart by name:
//   tests/unit/**/*.test.ts      pure functions, no database
//   tests/int/**/*.int.test.ts   against a real Neo4j the global setup starts on its own port and store
//   tests/e2e/**/*.e2e.test.ts   headless Chromium against the real API and database
//   (tests/stress/**: `npm run test:stress`, not part of `npm test`)
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The long reliability tests run with `npm run test:stress` (vitest.stress.config.ts).
    exclude: ['tests/stress/**', 'node_modules/**'],
    globalSetup: ['tests/setup/global-neo4j.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Integration files share one database; run files one at a time so their data never collide.
    fileParallelism: false,
  },
});
