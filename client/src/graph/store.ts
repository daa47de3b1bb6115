/**
 * Graph data apart from view state: the result of each step, fetched once and cached, and the
 * union of the current steps' results, which is what the canvas shows.
 */
import { api } from '../api/client.js';
import type { Graph, GraphEdge, GraphNode, QueryResult, Table } from '../api/types.js';
import type { Step } from '../state.js';

export interface StepResult {
  graph: Graph;
  table: Table | null;
  elapsedMs?: number;
}

const cache = new Map<string, StepResult>();
const keyOf = (step: Step) => JSON.stringify(step);

export function emptyGraph(): Graph {
  return { nodes: [], edges: [], truncated: false };
}

function fromQuery(result: QueryResult): StepResult {
  return { graph: result.graph ?? emptyGraph(), table: result.table ?? null, elapsedMs: result.elapsedMs };
}

async function fetchStep(step: Step): Promise<StepResult> {
  switch (step.kind) {
    case 'open':
      return {
        graph: { nodes: step.nodes.map((n) => ({ id: n.id, labels: [n.label], props: { name: n.name } })), edges: [], truncated: false },
        table: null,
      };
    case 'expand':
      return { graph: await api.expand(step.ids, step.depth, { includeStories: step.stories === true }), table: null };
    case 'path':
      return { graph: await api.path(step.from, step.to), table: null };
    case 'query':
      return fromQuery(await api.runQuery(step.name, step.params));
    case 'cypher':
      return fromQuery(await api.cypher(step.query, step.params));
  }
}

/** The result of one step, from the cache when it ran before. */
export async function resultOf(step: Step): Promise<StepResult> {
  const key = keyOf(step);
  const hit = cache.get(key);
  if (hit) return hit;
  const result = await fetchStep(step);
  cache.set(key, result);
  return result;
}

/** Lets a step show a result it already has (e.g. an ad-hoc query just run). */
export function remember(step: Step, result: StepResult): void {
  cache.set(keyOf(step), result);
}

/** Merges graphs in order: later nodes/edges with the same id add to (and override) earlier props. */
export function union(graphs: Graph[]): Graph {
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, GraphEdge>();
  let truncated = false;
  for (const g of graphs) {
    truncated ||= g.truncated;
    for (const n of g.nodes) {
      const prev = nodes.get(n.id);
      nodes.set(n.id, prev ? { id: n.id, labels: [...new Set([...prev.labels, ...n.labels])], props: { ...prev.props, ...n.props } } : n);
    }
    for (const e of g.edges) edges.set(e.id, { ...edges.get(e.id), ...e });
  }
  // Edges need both endpoints in the view.
  for (const [id, e] of edges) if (!nodes.has(e.source) || !nodes.has(e.target)) edges.delete(id);
  return { nodes: [...nodes.values()], edges: [...edges.values()], truncated };
}

/** The results of all steps; a step that fails is reported and left out. */
export async function resolve(steps: Step[], onError: (step: Step, error: unknown) => void): Promise<{ graph: Graph; table: Table | null }> {
  const results = await Promise.all(
    steps.map((s) =>
      resultOf(s).catch((error) => {
        onError(s, error);
        return null;
      }),
    ),
  );
  const ok = results.filter((r): r is StepResult => r !== null);
  const last = ok[ok.length - 1];
  return { graph: union(ok.map((r) => r.graph)), table: last?.table ?? null };
}
