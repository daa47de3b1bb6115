/**
 * Wraps a Database so every Cypher statement run through a session transaction is recorded with
 * its parameters. The query benchmark uses it to replay exactly what the API sent to Neo4j.
 */
import neo4j, { type Session } from 'neo4j-driver';
import type { Database } from '../db/connect.js';

export interface RecordedQuery {
  cypher: string;
  params: Record<string, unknown>;
}

export function recordingDatabase(db: Database, log: RecordedQuery[]): Database {
  const wrapTx = <T extends { run: (...args: never[]) => unknown }>(tx: T): T =>
    new Proxy(tx, {
      get(target, prop, receiver) {
        if (prop !== 'run') return Reflect.get(target, prop, receiver);
        return (cypher: string, params: Record<string, unknown> = {}) => {
          log.push({ cypher, params });
          return (target.run as (c: string, p: Record<string, unknown>) => unknown)(cypher, params);
        };
      },
    });
  const wrapSession = (session: Session): Session =>
    new Proxy(session, {
      get(target, prop, receiver) {
        if (prop === 'executeRead' || prop === 'executeWrite') {
          return (work: (tx: never) => unknown, config?: unknown) =>
            (target[prop] as (w: (tx: never) => unknown, c?: unknown) => unknown).call(target, (tx: never) => work(wrapTx(tx as never) as never), config);
        }
        const value = Reflect.get(target, prop, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  const driver = new Proxy(db.driver, {
    get(target, prop, receiver) {
      if (prop === 'session') return (...args: Parameters<typeof target.session>) => wrapSession(target.session(...args));
      const value = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { ...db, driver };
}

/** Marks a Neo4j Integer in JSON, so it is restored as one (`LIMIT $n` refuses a float). */
const INT_MARK = '__neo4jInt';

/** Recorded queries as JSON for another process (the API runs in its own process in the benchmark). */
export function serializeRecorded(queries: RecordedQuery[]): string {
  return JSON.stringify(queries, (_key, value: unknown) => (neo4j.isInt(value) ? { [INT_MARK]: value.toString() } : value));
}

export function parseRecorded(text: string): RecordedQuery[] {
  return JSON.parse(text, (_key, value: unknown) =>
    value !== null && typeof value === 'object' && INT_MARK in value ? neo4j.int((value as Record<string, string>)[INT_MARK]!) : value,
  ) as RecordedQuery[];
}
