/**
 * One driver per process. Connects to NEO4J_URI when set, otherwise starts the bundled Neo4j.
 */
import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import type { Config } from '../config.js';
import { BundledNeo4jError, portIsFree, startBundledNeo4j, type BundledNeo4j } from './bundled-neo4j.js';

export interface Database {
  driver: Driver;
  /** Database name for sessions; undefined means the server default. */
  name: string | undefined;
  /** Where it runs, for logs (never includes credentials). */
  uri: string;
  close(): Promise<void>;
}

export function createDriver(uri: string, user: string, password: string): Driver {
  return neo4j.driver(uri, neo4j.auth.basic(user, password), {
    // Integers come back as JS numbers when safe; the result transformer still handles Integer.
    disableLosslessIntegers: true,
    maxConnectionPoolSize: 50,
    connectionAcquisitionTimeout: 10_000,
    connectionTimeout: 5_000,
    maxTransactionRetryTime: 5_000,
  });
}

export async function connectDatabase(config: Config, log: (line: string) => void = console.log): Promise<Database> {
  let bundled: BundledNeo4j | undefined;
  let uri = config.NEO4J_URI;
  if (!uri && !(await portIsFree(config.NEO4J_BOLT_PORT))) {
    // The bundled Neo4j may already be running (`npm start` in another terminal): share it.
    uri = `bolt://127.0.0.1:${config.NEO4J_BOLT_PORT}`;
    const probe = createDriver(uri, config.NEO4J_USER, config.NEO4J_PASSWORD);
    try {
      await probe.verifyConnectivity();
      log(`Using the Neo4j already running on ${uri}.`);
    } catch {
      throw new BundledNeo4jError(
        `Port ${config.NEO4J_BOLT_PORT} on 127.0.0.1 is in use by something that is not a reachable Neo4j, so the bundled Neo4j cannot start. ` +
          'Stop whatever uses it, choose another port with NEO4J_BOLT_PORT, or set NEO4J_URI.',
      );
    } finally {
      await probe.close();
    }
  } else if (!uri) {
    log(`Starting the bundled Neo4j on bolt://127.0.0.1:${config.NEO4J_BOLT_PORT}…`);
    bundled = await startBundledNeo4j({
      dataDir: path.join(config.NEWSGRAPH_DATA_DIR, 'neo4j'),
      boltPort: config.NEO4J_BOLT_PORT,
      heap: config.NEO4J_HEAP,
      pageCache: config.NEO4J_PAGECACHE,
      log,
    });
    uri = bundled.uri;
  }
  const driver = createDriver(uri, config.NEO4J_USER, config.NEO4J_PASSWORD);
  try {
    await driver.verifyConnectivity({ database: config.NEO4J_DATABASE });
  } catch (error) {
    await driver.close();
    await bundled?.stop();
    throw error;
  }
  return {
    driver,
    name: config.NEO4J_DATABASE,
    uri,
    async close() {
      await driver.close();
      await bundled?.stop();
    },
  };
}
