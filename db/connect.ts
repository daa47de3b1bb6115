/**
 * One driver per process. Connects to NEO4J_URI when set, otherwise starts the bundled Neo4j (or
 * shares the one another newsgraph process already runs on the same store and port).
 */
import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import type { DbConfig } from './config.js';
import { BundledNeo4jError, portIsFree, startBundledNeo4j, type BundledNeo4j } from './bundled-neo4j.js';
import { stopOrphanedJvm } from './neo4j-orphan.js';
import { readBundledPassword } from './neo4j-password.js';

export interface Database {
  driver: Driver;
  /** Database name for sessions; undefined means the server default. */
  name: string | undefined;
  /** Where it runs, for logs (never includes credentials). */
  uri: string;
  /** Set when this process runs the bundled Neo4j: whether it is being restarted after dying. */
  bundled?: Pick<BundledNeo4j, 'restarting' | 'pid'>;
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

export async function connectDatabase(config: DbConfig, log: (line: string) => void = console.log): Promise<Database> {
  let bundled: BundledNeo4j | undefined;
  let uri = config.NEO4J_URI;
  let user = config.NEO4J_USER;
  let password = config.NEO4J_PASSWORD;
  const dataDir = path.join(config.NEWSGRAPH_DATA_DIR, 'neo4j');
  // A JVM orphaned by a killed app would otherwise pass for "already running" below, forever.
  if (!uri) await stopOrphanedJvm(dataDir, log);
  if (!uri && !(await portIsFree(config.NEO4J_BOLT_PORT))) {
    // The bundled Neo4j may already be running (`npm start` in another terminal): share it, with
    // the password its store keeps (NEO4J_PASSWORD still wins when set).
    uri = `bolt://127.0.0.1:${config.NEO4J_BOLT_PORT}`;
    user = 'neo4j';
    password = config.NEO4J_PASSWORD || readBundledPassword(dataDir) || '';
    const probe = createDriver(uri, user, password);
    try {
      await probe.verifyConnectivity();
      log(`Using the Neo4j already running on ${uri}.`);
    } catch (error) {
      const code = (error as { code?: string }).code ?? '';
      throw new BundledNeo4jError(
        code.startsWith('Neo.ClientError.Security.')
          ? `The Neo4j on port ${config.NEO4J_BOLT_PORT} refused the password in ${path.join(dataDir, 'neo4j-password')} (or NEO4J_PASSWORD). ` +
              'It may belong to another data folder: set NEWSGRAPH_DATA_DIR to that folder, choose another port with NEO4J_BOLT_PORT, or set NEO4J_URI.'
          : `Port ${config.NEO4J_BOLT_PORT} on 127.0.0.1 is in use by something that is not a reachable Neo4j, so the bundled Neo4j cannot start. ` +
              'Stop whatever uses it, choose another port with NEO4J_BOLT_PORT, or set NEO4J_URI.',
      );
    } finally {
      await probe.close();
    }
  } else if (!uri) {
    log(`Starting the bundled Neo4j on bolt://127.0.0.1:${config.NEO4J_BOLT_PORT}…`);
    bundled = await startBundledNeo4j({
      dataDir,
      boltPort: config.NEO4J_BOLT_PORT,
      heap: config.NEO4J_HEAP,
      pageCache: config.NEO4J_PAGECACHE,
      password: config.NEO4J_PASSWORD || undefined,
      log,
    });
    uri = bundled.uri;
    user = bundled.user;
    password = bundled.password;
  }
  const driver = createDriver(uri, user, password);
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
    bundled,
    async close() {
      await driver.close();
      await bundled?.stop();
    },
  };
}
