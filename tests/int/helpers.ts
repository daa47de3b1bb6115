/** Shared pieces for integration tests: a Database on the test Neo4j and a config for createApp. */
import { inject } from 'vitest';
import { loadConfig, type Config } from '../../server/config.js';
import { createDriver, type Database } from '../../server/db/connect.js';

export function testDatabase(): Database {
  const uri = inject('neo4jUri');
  const driver = createDriver(uri, process.env.NEO4J_TEST_USER ?? 'neo4j', process.env.NEO4J_TEST_PASSWORD ?? '');
  return { driver, name: process.env.NEO4J_TEST_DATABASE, uri, close: () => driver.close() };
}

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({ NEO4J_URI: inject('neo4jUri'), NEWSGRAPH_QUERY_TIMEOUT_MS: '3000', ...overrides });
}
