/**
 * Every read the API makes goes through here: a session per call, a read transaction (so the
 * database itself refuses writes), a timeout and metadata naming the feature that ran it.
 * The driver retries only errors it marks retriable; everything else is translated once.
 *
 * The server's transaction timeout does not cover everything: a query that overflows the
 * planner's stack (an expression nested a few hundred levels deep) never answers, and the driver
 * would wait for the server's own limit (minutes). So every read also has a client-side deadline,
 * the timeout plus DEADLINE_GRACE_MS: when it passes, the caller gets QueryTimeoutError at once and
 * the session's connection is closed (not reset: a RESET would wait on the stuck server too), which
 * takes it out of the pool and makes the server drop the transaction.
 */
import type { ManagedTransaction, RecordShape, Record as Neo4jRecord, Session } from 'neo4j-driver';
import type { Database } from './connect.js';
import { DatabaseUnavailableError, fromNeo4jError, QueryTimeoutError } from '../errors.js';

export interface ReadOptions {
  timeoutMs: number;
  /** Which feature ran the query; visible in `SHOW TRANSACTIONS` and the query log. */
  feature: string;
}

/** How long past the timeout the client waits for the server's own timeout before giving up. */
export const DEADLINE_GRACE_MS = 500;

/**
 * Runs `work` in one read transaction. `work` may be called again when the driver retries a
 * retriable error, so it must build its result from scratch each time.
 */
export async function readWith<T>(db: Database, options: ReadOptions, work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
  const session = db.driver.session({ database: db.name, defaultAccessMode: 'READ' });
  let expired = false;
  let started = false;
  // After the deadline the driver must not retry (a retry would start the same query again).
  const guarded = (tx: ManagedTransaction) => {
    if (expired) return Promise.reject(new QueryTimeoutError(options.timeoutMs));
    started = true;
    return work(tx);
  };
  const running = session.executeRead(guarded, { timeout: options.timeoutMs, metadata: { app: 'newsgraph', feature: options.feature } });
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      expired = true;
      // No transaction by the deadline: the driver spent it connecting and retrying, so the
      // database is what is missing, not the query that is slow.
      reject(started ? new QueryTimeoutError(options.timeoutMs) : new DatabaseUnavailableError('no transaction before the deadline'));
    }, options.timeoutMs + DEADLINE_GRACE_MS);
  });
  try {
    return await Promise.race([running, deadline]);
  } catch (error) {
    throw fromNeo4jError(error, options.timeoutMs);
  } finally {
    clearTimeout(timer);
    if (expired) {
      running.catch(() => {});
      abandonSession(session);
    } else {
      await session.close();
    }
  }
}

interface ClosableConnection {
  close(): Promise<void>;
}
interface ConnectionHolderLike {
  getConnection(): Promise<ClosableConnection | null>;
}

/**
 * Closes the socket under a session whose server stopped answering, then the session. The public
 * API has no way to do this: `session.close()` sends RESET and waits for the answer, which a stuck
 * server never gives, keeping the pool slot for minutes. The driver's pool destroys a connection
 * that is no longer open when it comes back, so closing it first frees the slot at once. If a
 * future driver changes these internals, the fallback is the plain close, in the background.
 */
export function abandonSession(session: Session): void {
  const holders = ['_readConnectionHolder', '_writeConnectionHolder']
    .map((key) => (session as unknown as Record<string, unknown>)[key])
    .filter((h): h is ConnectionHolderLike => typeof (h as ConnectionHolderLike | undefined)?.getConnection === 'function');
  const closing = holders.map((holder) =>
    holder
      .getConnection()
      .then((connection) => (typeof connection?.close === 'function' ? connection.close() : undefined))
      .catch(() => {}),
  );
  void Promise.all(closing)
    .then(() => session.close())
    .catch(() => {});
}

export async function readQuery<T extends RecordShape = RecordShape>(
  db: Database,
  cypher: string,
  params: Record<string, unknown>,
  options: ReadOptions,
): Promise<Neo4jRecord<T>[]> {
  return readWith(db, options, async (tx) => (await tx.run<T>(cypher, params)).records);
}
