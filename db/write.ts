/**
 * Every write goes through here: the seeding pipeline's batches and finalising, the API's own
 * writes (analysts' saved queries) and the reset before a fresh seed. A session per call, a write
 * transaction with a timeout and metadata naming the feature that ran it.
 *
 * `writeWith` leaves driver errors as they are, because its callers decide what they mean (the
 * ingest route names them, the seeding CLI prints them, and the driver's own retry of a retriable
 * error must still see them); `writeQuery`, for the API, names them once with `fromNeo4jError`.
 */
import type { ManagedTransaction, RecordShape, Record as Neo4jRecord } from 'neo4j-driver';
import type { Database } from './connect.js';
import { fromNeo4jError } from './errors.js';

export interface WriteOptions {
  /** Server-side transaction timeout. */
  timeoutMs: number;
  /** Which feature ran the transaction; visible in `SHOW TRANSACTIONS` and the query log. */
  feature: string;
}

/** The driver's transaction config for these options. */
export const transactionConfig = (options: WriteOptions) => ({ timeout: options.timeoutMs, metadata: { app: 'newsgraph', feature: options.feature } });

/**
 * Runs `work` in one write transaction: it all commits or none of it does. `work` may be called
 * again when the driver retries a retriable error, so it must build its result from scratch each
 * time. It may pipeline statements (send several `tx.run` before awaiting them).
 */
export async function writeWith<T>(db: Database, options: WriteOptions, work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
  return withWriteSession(db, (write) => write(options, work));
}

/** Runs one write transaction of the session `withWriteSession` opened. */
export type SessionWrite = <T>(options: WriteOptions, work: (tx: ManagedTransaction) => Promise<T>) => Promise<T>;

/**
 * Several write transactions one after the other on one session (a worker working through a queue
 * of chunks): each is the same unit as `writeWith`'s, but the session is opened and closed once, not
 * once per transaction.
 */
export async function withWriteSession<R>(db: Database, use: (write: SessionWrite) => Promise<R>): Promise<R> {
  const session = db.driver.session({ database: db.name, defaultAccessMode: 'WRITE' });
  try {
    return await use((options, work) => session.executeWrite(work, transactionConfig(options)));
  } finally {
    await session.close();
  }
}

/** One statement in a write transaction, its errors named for the API. */
export async function writeQuery<T extends RecordShape = RecordShape>(
  db: Database,
  cypher: string,
  params: Record<string, unknown>,
  options: WriteOptions,
): Promise<Neo4jRecord<T>[]> {
  try {
    return await writeWith(db, options, async (tx) => (await tx.run<T>(cypher, params)).records);
  } catch (error) {
    throw fromNeo4jError(error, options.timeoutMs);
  }
}

/**
 * Statements that must each run in an implicit (auto-commit) transaction, in order: the only kind
 * `CALL … IN TRANSACTIONS` may run in (bulk deletes that commit as they go). No retries: such a
 * statement is not one unit of work.
 */
export async function writeAutoCommit(db: Database, statements: readonly string[]): Promise<void> {
  const session = db.driver.session({ database: db.name, defaultAccessMode: 'WRITE' });
  try {
    for (const statement of statements) await session.run(statement);
  } finally {
    await session.close();
  }
}
