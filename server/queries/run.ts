/**
 * Runs an analyst query (ad-hoc or saved) in a read transaction with the configured timeout,
 * streaming records into the result transformer until a cap is hit (one record past the cap
 * marks the result truncated, and the rest of the stream is discarded on the server).
 * Relationship endpoints the query did not return are fetched in the same transaction.
 */
import type { Config } from '../config.js';
import type { Database } from '../db/connect.js';
import { readWith } from '../db/read.js';
import { ResultCollector } from '../transform/graph.js';
import type { QueryResult } from '../../model/api.js';
import type { Node } from 'neo4j-driver';

export interface RunDeps {
  db: Database;
  config: Config;
}

export async function runCollected(
  deps: RunDeps,
  cypher: string,
  params: Record<string, unknown>,
  feature: string,
  maxElements = deps.config.NEWSGRAPH_MAX_ELEMENTS,
): Promise<ResultCollector> {
  const timeoutMs = deps.config.NEWSGRAPH_QUERY_TIMEOUT_MS;
  return readWith(deps.db, { timeoutMs, feature }, async (tx) => {
    const collector = new ResultCollector({ maxElements, maxRows: maxElements });
    const result = tx.run(cypher, params);
    for await (const record of result) {
      if (!collector.add(record)) break;
    }
    const missing = collector.pendingEndpoints();
    if (missing.length > 0) {
      const endpoints = await tx.run('MATCH (n) WHERE elementId(n) IN $ids RETURN n', { ids: missing });
      for (const r of endpoints.records) collector.addNode(r.get('n') as Node);
    }
    return collector;
  });
}

export async function runQuery(deps: RunDeps, cypher: string, params: Record<string, unknown>, feature: string): Promise<QueryResult> {
  const started = performance.now();
  const collector = await runCollected(deps, cypher, params, feature);
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
