/**
 * Runs an analyst query (ad-hoc or saved) in a read transaction with the configured timeout,
 * streaming records into the result transformer until a cap is hit (one record past the cap
 * marks the result truncated, and the rest of the stream is discarded on the server).
 * Relationship endpoints the query did not return are fetched in the same transaction.
 *
 * This is the one place analyst Cypher passes through (ad-hoc /api/cypher, analysts' saved queries,
 * export by query), so every check is applied here, in order of cost: the text pre-check
 * (guard.ts), the bounds (bounds.ts), a slot of the analyst limiter (limiter.ts), then, in the
 * read transaction the query runs in, an EXPLAIN whose plan must be read-only (plan-check.ts).
 * Only the shipped files of cypher/ skip the text checks and the EXPLAIN (`trusted`).
 */
import type { Config } from '../config.js';
import type { Database } from '../../db/connect.js';
import { readWith } from '../../db/read.js';
import { ResultCollector } from '../transform/graph.js';
import type { QueryResult } from '../../model/api.js';
import type { Node } from 'neo4j-driver';
import { checkParamBounds, checkQueryBounds } from './bounds.js';
import { checkReadOnlyCypher } from './guard.js';
import { limiterFor } from './limiter.js';
import { explainAndCheck } from './plan-check.js';

export interface RunDeps {
  db: Database;
  config: Config;
}

export interface RunOptions {
  /** A query shipped with the app (cypher/*.cypher): no text checks, no EXPLAIN. */
  trusted?: boolean;
}

const limiter = (deps: RunDeps) => limiterFor(deps.db, deps.config.NEWSGRAPH_ANALYST_CONCURRENCY, deps.config.NEWSGRAPH_ANALYST_QUEUE_MS);

/** The text checks; returns the text to send (see checkReadOnlyCypher). */
function checkedText(cypher: string, params: Record<string, unknown>, options: RunOptions): string {
  checkParamBounds(params);
  if (options.trusted) return cypher;
  const { query } = checkReadOnlyCypher(cypher);
  checkQueryBounds(query);
  return query;
}

export async function runCollected(
  deps: RunDeps,
  cypher: string,
  params: Record<string, unknown>,
  feature: string,
  maxElements = deps.config.NEWSGRAPH_MAX_ELEMENTS,
  options: RunOptions = {},
): Promise<ResultCollector> {
  const query = checkedText(cypher, params, options);
  const timeoutMs = deps.config.NEWSGRAPH_QUERY_TIMEOUT_MS;
  return limiter(deps).run(() =>
    readWith(deps.db, { timeoutMs, feature }, async (tx) => {
      if (!options.trusted) await explainAndCheck(tx, query, params);
      const collector = new ResultCollector({ maxElements, maxRows: maxElements });
      const result = tx.run(query, params);
      for await (const record of result) {
        if (!collector.add(record)) break;
      }
      const missing = collector.pendingEndpoints();
      if (missing.length > 0) {
        const endpoints = await tx.run('MATCH (n) WHERE elementId(n) IN $ids RETURN n', { ids: missing });
        for (const r of endpoints.records) collector.addNode(r.get('n') as Node);
      }
      return collector;
    }),
  );
}

/**
 * The checks of runCollected without the run: for analysts' queries when they are saved, so a
 * query that would be refused when run is refused at once. No params: EXPLAIN needs none.
 */
export async function vetQuery(deps: RunDeps, cypher: string): Promise<void> {
  const query = checkedText(cypher, {}, {});
  const timeoutMs = deps.config.NEWSGRAPH_QUERY_TIMEOUT_MS;
  await limiter(deps).run(() => readWith(deps.db, { timeoutMs, feature: 'queries.vet' }, (tx) => explainAndCheck(tx, query, {})));
}

export async function runQuery(deps: RunDeps, cypher: string, params: Record<string, unknown>, feature: string, options: RunOptions = {}): Promise<QueryResult> {
  const started = performance.now();
  const collector = await runCollected(deps, cypher, params, feature, undefined, options);
  const graph = collector.graph();
  const table = collector.table();
  return {
    graph,
    table,
    kind: collector.sawGraph ? 'graph' : 'table',
    elapsedMs: Math.round(performance.now() - started),
    cached: false,
  };
}
