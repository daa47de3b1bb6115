/**
 * Every read the API makes goes through here: a session per call, a read transaction (so the
 * database itself refuses writes), a timeout and metadata naming the feature that ran it.
 * The driver retries only errors it marks retriable; everything else is translated once.
 */
import type { ManagedTransaction, RecordShape, Record as Neo4jRecord } from 'neo4j-driver';
import type { Database } from './connect.js';
import { fromNeo4jError } from '../errors.js';

export interface ReadOptions {
  timeoutMs: number;
  /** Which feature ran the query; visible in `SHOW TRANSACTIONS` and the query log. */
  feature: string;
}

/**
 * Runs `work` in one read transaction. `work` may be called again when the driver retries a
 * retriable error, so it must build its result from scratch each time.
 */
export async function readWith<T>(db: Database, options: ReadOptions, work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
  const session = db.driver.session({ database: db.name, defaultAccessMode: 'READ' });
  try {
    return await session.executeRead(work, { timeout: options.timeoutMs, metadata: { app: 'newsgraph', feature: options.feature } });
  } catch (error) {
    throw fromNeo4jError(error, options.timeoutMs);
  } finally {
    await session.close();
  }
}

export async function readQuery<T extends RecordShape = RecordShape>(
  db: Database,
  cypher: string,
  params: Record<string, unknown>,
  options: ReadOptions,
): Promise<Neo4jRecord<T>[]> {
  return readWith(db, options, async (tx) => (await tx.run<T>(cypher, params)).records);
}
