/** Shared pieces for integration tests: a Database on the test Neo4j and a config for createApp. */
import { inject } from 'vitest';
import { loadConfig, type Config } from '../../server/config.js';
import { createDriver, type Database } from '../../db/connect.js';

/** The test Neo4j; `credentials` replaces the real ones (for tests of refused logins). */
export function testDatabase(credentials?: { user?: string; password?: string }): Database {
  const uri = inject('neo4jUri');
  const driver = createDriver(uri, credentials?.user ?? inject('neo4jUser'), credentials?.password ?? inject('neo4jPassword'));
  return { driver, name: process.env.NEO4J_TEST_DATABASE, uri, close: () => driver.close() };
}

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    NEO4J_URI: inject('neo4jUri'),
    NEO4J_USER: inject('neo4jUser'),
    NEO4J_PASSWORD: inject('neo4jPassword'),
    NEWSGRAPH_QUERY_TIMEOUT_MS: '3000',
    NEWSGRAPH_NLP_URI: inject('nlpUri'),
    ...overrides,
  });
}

/**
 * The environment for a child process (the seeding CLI, an app) that should use the test Neo4j and the
 * test run's CoreNLP (never a second bundled CoreNLP on the default port).
 */
export function testDatabaseEnv(): Record<string, string> {
  return { NEO4J_URI: inject('neo4jUri'), NEO4J_USER: inject('neo4jUser'), NEO4J_PASSWORD: inject('neo4jPassword'), NEWSGRAPH_NLP_URI: inject('nlpUri') };
}

/** The test run's CoreNLP server (started by tests/setup/global-neo4j.ts). */
export const testNlpUri = (): string => inject('nlpUri');
