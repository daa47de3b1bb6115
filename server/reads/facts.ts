/**
 * Facts by key. A fact is a typed relationship between entities with a `key` property; Evidence
 * nodes point at it by `relKey`. Relationship types cannot be parameters, so the lookup is one
 * UNION branch per fact type of the model (each served by its `fact_key_*` index), generated once
 * from model/graph-model.ts — no user text ever reaches the query string.
 */
import type { ManagedTransaction, Node, Relationship } from 'neo4j-driver';
import { z } from 'zod';
import { FACT_TYPES } from '../../model/graph-model.js';
import type { EntityRefSchema } from '../../model/api.js';
import { mainLabel } from '../transform/graph.js';
import { toPlain } from '../transform/values.js';

export const FACTS_BY_KEYS = `UNWIND $keys AS k
CALL (k) {
${FACT_TYPES.map((t) => `  MATCH (a)-[f:${t} {key: k}]->(b) RETURN f, a, b`).join('\n  UNION ALL\n')}
}
RETURN f, a, b`;

export interface FactRow {
  key: string;
  type: string;
  source: z.infer<typeof EntityRefSchema>;
  target: z.infer<typeof EntityRefSchema>;
  props: Record<string, unknown>;
}

export function entityRef(node: Node): z.infer<typeof EntityRefSchema> {
  const p = node.properties as Record<string, unknown>;
  return { id: String(p.id ?? node.elementId), label: mainLabel(node.labels), name: String(p.name ?? p.title ?? p.id ?? '') };
}

export async function factsByKeys(tx: ManagedTransaction, keys: string[]): Promise<Map<string, FactRow>> {
  const out = new Map<string, FactRow>();
  if (keys.length === 0) return out;
  const result = await tx.run(FACTS_BY_KEYS, { keys });
  for (const record of result.records) {
    const f = record.get('f') as Relationship;
    const props: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(f.properties)) props[k] = toPlain(v);
    const key = String(props.key);
    out.set(key, { key, type: f.type, source: entityRef(record.get('a') as Node), target: entityRef(record.get('b') as Node), props });
  }
  return out;
}

/** An Evidence node's `claim` (a JSON string) as an object; null when absent or unreadable. */
export function parseClaim(claim: unknown): Record<string, unknown> | null {
  if (typeof claim !== 'string' || claim === '') return null;
  try {
    const value: unknown = JSON.parse(claim);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
