/** Nodes per label and relationships per type, for the seed summary and idempotency checks. */
import { z } from 'zod';
import { DOCUMENT_RELATIONS, ENTITY_LABELS, FACT_TYPES } from '../../model/graph-model.js';
import type { Database } from '../../db/connect.js';

export interface GraphCounts {
  nodes: Record<string, number>;
  relationships: Record<string, number>;
}

const Row = z.object({ name: z.string(), count: z.number() });

// Generated from the model's fixed lists (never from input). A label- or type-scoped count is
// answered from Neo4j's count store, so these stay constant-time on large graphs.
const LABELS = [...ENTITY_LABELS, 'Story', 'Evidence'];
const TYPES = [...FACT_TYPES, ...DOCUMENT_RELATIONS];
const NODE_COUNTS = LABELS.map((l) => `MATCH (n:${l}) RETURN '${l}' AS name, count(n) AS count`).join(' UNION ALL ');
const REL_COUNTS = TYPES.map((t) => `MATCH ()-[r:${t}]->() RETURN '${t}' AS name, count(r) AS count`).join(' UNION ALL ');

export async function graphCounts(db: Database): Promise<GraphCounts> {
  const run = async (cypher: string) => {
    const { records } = await db.driver.executeQuery(cypher, {}, { database: db.name, routing: 'READ' });
    return Object.fromEntries(records.map((r) => Row.parse(r.toObject())).map((r) => [r.name, r.count]));
  };
  return { nodes: await run(NODE_COUNTS), relationships: await run(REL_COUNTS) };
}
