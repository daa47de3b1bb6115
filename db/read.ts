/**
 * Every read the API makes goes through here: a session per call, a read transaction (so the
 * database itself refuses writes), a timeout and metadata naming the feature that ran it.
 * The driver retries only errors it marks retriable; everything else is translated once.
 *
 * The server's transaction timeout does not cover everything: a query that overflows the
 * planner's stack (an expression nested a few hundred levels deep) never answers, and the driver
 * would wait for the server's own limit (minutes). So every read also has a client-side deadline,
 * the timeout plus DEADLINE_GRACE_MS: when it passes, the caller gets QueryTimeoutError at once and
 * the session's connection is closed and destroyed (not reset: a RESET would wait on the stuck
 * server too), which frees its pool slot and makes the server drop the transaction.
 */
import type { ManagedTransaction, RecordShape, Record as Neo4jRecord, Session } from 'neo4j-driver';
import type { Database } from './connect.js';
import { DatabaseUnavailableError, fromNeo4jError, QueryTimeoutError } from './errors.js';

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
  let connection: ReturnType<typeof currentConnection>;
  // After the deadline the driver must not retry (a retry would start the same query again).
  const guarded = (tx: ManagedTransaction) => {
    if (expired) return Promise.reject(new QueryTimeoutError(options.timeoutMs));
    started = true;
    connection = currentConnection(session);
    // Errors the server gives about this query (memory limits, terminated, syntax) are named here,
    // which also stops the driver from retrying them: a query that ran out of memory would only run
    // out again, until the deadline. A lost connection stays a driver error, so it is retried.
    return work(tx).catch((error: unknown) => {
      const named = fromNeo4jError(error, options.timeoutMs);
      throw named instanceof DatabaseUnavailableError ? error : named;
    });
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
      abandonSession(session, connection);
    } else {
      await session.close();
    }
  }
}

interface PooledConnectionLike {
  close(): Promise<void>;
  release(): Promise<unknown>;
}

/**
 * The connection the session's read transaction runs on, while it runs. Not public API: the
 * session's connection holder keeps a promise of it (`_connectionPromise`), replaced when the
 * connection is given back; read at the start of the work, it resolves to the live connection.
 */
function currentConnection(session: Session): Promise<PooledConnectionLike | null> | undefined {
  const holder = (session as unknown as { _readConnectionHolder?: { _connectionPromise?: unknown } })._readConnectionHolder;
  const promise = holder?._connectionPromise;
  return promise instanceof Promise ? (promise as Promise<PooledConnectionLike | null>) : undefined;
}

/**
 * Frees the pool slot of a session whose server stopped answering. The public API cannot: on close
 * the driver sends RESET and gives the connection back only when the server answers it, which a
 * stuck server never does, so the slot stayed taken (measured: 60 abandoned queries left the pool
 * of 50 full). So the socket is closed (the server then drops the transaction) and the connection
 * is given back at once; the pool destroys it because it is no longer open. `release` is made
 * one-shot first, so the driver's own pending give-back, should it ever run, cannot count it twice.
 * If a later driver changes these internals, what remains is the plain close, in the background.
 */
export function abandonSession(session: Session, connection: Promise<PooledConnectionLike | null> | undefined): void {
  const freed = (connection ?? Promise.resolve(null)).then(async (conn) => {
    if (!conn || typeof conn.close !== 'function' || typeof conn.release !== 'function') return;
    const release = conn.release.bind(conn);
    let released = false;
    conn.release = () => {
      if (released) return Promise.resolve();
      released = true;
      return release();
    };
    await conn.close();
    await conn.release();
  });
  void freed
    .catch(() => {})
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
