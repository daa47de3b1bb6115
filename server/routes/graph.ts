/**
 * POST /api/graph/expand: the neighbourhood of some nodes, breadth first, within an element cap.
 * At each level every frontier node contributes only its most reported facts (ORDER BY storyCount
 * with a per-node LIMIT inside a subquery), so a hub with tens of thousands of neighbours costs one
 * top-k scan, not a transfer of all of them. The level's candidates are then ranked together and
 * taken until the cap; anything left out marks the result truncated.
 *
 * GET /api/graph/path: the shortest chains of facts between two entities (allShortestPaths,
 * at most 6 hops).
 */
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { Router } from 'express';
import type { Node, Path, Relationship } from 'neo4j-driver';
import { z } from 'zod';
import { ExpandRequestSchema, GraphSchema, PathQuerySchema, PathResponseSchema, type Graph, type GraphEdge, type GraphNode, type PathResponse } from '../../model/api.js';
import { DOCUMENT_RELATIONS, ENTITY_LABELS, FACT_TYPES } from '../../model/graph-model.js';
import type { AppDeps } from '../deps.js';
import { defineRoute } from '../http/define-route.js';
import { errors, json, jsonBody } from '../openapi.js';
import { readWith } from '../../db/read.js';
import { BadRequestError } from '../../db/errors.js';
import { NotFoundError } from '../errors.js';
import { ResultCollector, toGraphEdge, toGraphNode } from '../transform/graph.js';
import { int } from '../transform/values.js';
import { parseInput } from '../validate.js';

const EXPANDABLE_TYPES: readonly string[] = [...FACT_TYPES, ...DOCUMENT_RELATIONS];
/** Stories added per seed with includeStories (newest first). */
const STORIES_PER_SEED = 25;

/** Entities or stories by id, each through its uniqueness index (a label disjunction would scan). */
const NODES_BY_ID = `UNWIND $ids AS id
OPTIONAL MATCH (e:Entity {id: id})
OPTIONAL MATCH (s:Story {id: id})
WITH coalesce(e, s) AS n WHERE n IS NOT NULL`;

const SEEDS = `${NODES_BY_ID}
RETURN n`;

/**
 * The relationship types named in a pattern, from the model's fixed lists only (never from input).
 * With the types in the pattern Neo4j reads only those relationship groups of a dense node: from a
 * hub such as China it skips the tens of thousands of MENTIONS it would otherwise walk and filter
 * away. `type(r) IN $types` stays in each query for the exact selection the request asked for.
 */
const FACT_PATTERN = FACT_TYPES.join('|');
const EXPANDABLE_PATTERN = EXPANDABLE_TYPES.join('|');

/**
 * A fixed text per pattern. Facts only: facts join entities and always carry storyCount, so the
 * text neither tests the far end's labels nor reads a second property to rank each candidate
 * (China at 10k: 16.7k → 11.5k db hits). With document relations: MENTIONS ranked by `count`.
 */
const TEXT_PARTS = {
  facts: { pattern: FACT_PATTERN, end: '', weight: 'coalesce(r.storyCount, 0)' },
  all: { pattern: EXPANDABLE_PATTERN, end: ' AND (m:Entity OR m:Story)', weight: 'coalesce(r.storyCount, r.count, 0)' },
} as const;
type TextKind = keyof typeof TEXT_PARTS;

const neighbours = (kind: TextKind) => `${NODES_BY_ID}
CALL (n) {
  MATCH (n)-[r:${TEXT_PARTS[kind].pattern}]-(m)
  WHERE type(r) IN $types${TEXT_PARTS[kind].end} AND ($labels IS NULL OR any(l IN labels(m) WHERE l IN $labels))
  RETURN r, m
  ORDER BY ${TEXT_PARTS[kind].weight} DESC
  LIMIT $perNode
}
RETURN n.id AS from, r, m, startNode(r) = n AS out`;

const linksAmong = (kind: TextKind) => `${NODES_BY_ID}
MATCH (n)-[r:${TEXT_PARTS[kind].pattern}]->(b)
WHERE type(r) IN $types AND b.id IN $ids
RETURN n.id AS source, r, b.id AS target
ORDER BY ${TEXT_PARTS[kind].weight} DESC
LIMIT $limit`;

/** Fixed texts: facts only (the default), or facts and document relations when any is asked for. */
export const NEIGHBOURS = { facts: neighbours('facts'), all: neighbours('all') } as const;
export const LINKS_AMONG = { facts: linksAmong('facts'), all: linksAmong('all') } as const;
const patternFor = (types: readonly string[]): TextKind => (types.every((t) => (FACT_TYPES as readonly string[]).includes(t)) ? 'facts' : 'all');

const STORIES_OF = `UNWIND $ids AS id
MATCH (n:Entity {id: id})
CALL (n) {
  MATCH (s:Story)-[r:MENTIONS]->(n)
  RETURN s, r
  ORDER BY s.published IS NULL, s.published DESC
  LIMIT $perSeed
}
RETURN n.id AS to, s, r`;

/** One query text per hop bound: the bound is a validated integer 1–6 choosing among fixed texts. */
export const PATH_QUERIES: readonly string[] = [1, 2, 3, 4, 5, 6].map(
  (hops) => `MATCH (a:Entity {id: $from})
MATCH (b:Entity {id: $to})
MATCH p = allShortestPaths((a)-[:${FACT_TYPES.join('|')}*..${hops}]-(b))
RETURN p
LIMIT $limit`,
);

class Budget {
  readonly nodes = new Map<string, GraphNode>();
  readonly edges = new Map<string, GraphEdge>();
  truncated = false;
  constructor(readonly cap: number) {}
  get used(): number {
    return this.nodes.size + this.edges.size;
  }
  /** Adds an edge and the node at its far end if both fit; false otherwise. */
  take(edge: GraphEdge, node?: GraphNode): boolean {
    const need = (this.edges.has(edge.id) ? 0 : 1) + (node && !this.nodes.has(node.id) ? 1 : 0);
    if (need === 0) return true;
    if (this.used + need > this.cap) {
      this.truncated = true;
      return false;
    }
    if (node && !this.nodes.has(node.id)) this.nodes.set(node.id, node);
    this.edges.set(edge.id, edge);
    return true;
  }
  graph(): Graph {
    return { nodes: [...this.nodes.values()], edges: [...this.edges.values()], truncated: this.truncated };
  }
}

const weight = (rel: Relationship) => Number(rel.properties.storyCount ?? rel.properties.count ?? 0);

/** Query strings are text on the wire: the documented shape of the number parameters. */
const PathQueryDoc = z.object({
  from: PathQuerySchema.shape.from,
  to: PathQuerySchema.shape.to,
  maxHops: z.number().int().min(1).max(6).optional(),
  limit: z.number().int().min(1).max(100).optional(),
});

const docs = {
  expand: {
    summary: 'Neighbourhood of nodes (depth 1–3), most reported facts first, within an element cap',
    request: jsonBody(ExpandRequestSchema),
    responses: { 200: json(GraphSchema, 'Graph elements'), ...errors },
  },
  path: {
    summary: 'Shortest chains of facts between two entities (at most 6 hops)',
    request: { query: PathQueryDoc },
    responses: { 200: json(PathResponseSchema, 'Paths as graph elements'), ...errors },
  },
};

export function graphRouter(deps: AppDeps, registry: OpenAPIRegistry): Router {
  const router = Router();
  const options = (feature: string) => ({ timeoutMs: deps.config.NEWSGRAPH_QUERY_TIMEOUT_MS, feature });

  defineRoute(router, registry, { method: 'post', path: '/api/graph/expand', ...docs.expand }, async (req, res) => {
    const input = parseInput(ExpandRequestSchema, req.body, 'request body');
    const types = input.types ?? [...FACT_TYPES];
    const badTypes = types.filter((t) => !EXPANDABLE_TYPES.includes(t));
    if (badTypes.length > 0) throw new BadRequestError(`Unknown relationship type(s) ${badTypes.join(', ')}.`, { unknown: badTypes });
    const labels = input.labels ?? null;
    const badLabels = (labels ?? []).filter((l) => !(ENTITY_LABELS as readonly string[]).includes(l) && l !== 'Story');
    if (badLabels.length > 0) throw new BadRequestError(`Unknown label(s) ${badLabels.join(', ')}.`, { unknown: badLabels });
    const cap = Math.min(input.limit, deps.config.NEWSGRAPH_MAX_ELEMENTS);

    const graph = await readWith(deps.db, options('graph.expand'), async (tx) => {
      const budget = new Budget(cap);
      const seeds = (await tx.run(SEEDS, { ids: input.ids })).records.map((r) => toGraphNode(r.get('n') as Node));
      if (seeds.length === 0) return undefined;
      for (const seed of seeds) {
        if (budget.used >= cap) {
          budget.truncated = true;
          break;
        }
        budget.nodes.set(seed.id, seed);
      }
      let frontier = [...budget.nodes.keys()];
      for (let level = 1; level <= input.depth && frontier.length > 0 && budget.used < cap; level++) {
        const remaining = cap - budget.used;
        const perNode = Math.max(5, Math.min(remaining, Math.ceil((2 * remaining) / frontier.length)));
        const rows = (await tx.run(NEIGHBOURS[patternFor(types)], { ids: frontier, types, labels, perNode: int(perNode) })).records;
        // Rank the whole level together: the most reported facts first.
        rows.sort((a, b) => weight(b.get('r') as Relationship) - weight(a.get('r') as Relationship));
        const next: string[] = [];
        for (const row of rows) {
          const rel = row.get('r') as Relationship;
          const other = toGraphNode(row.get('m') as Node);
          const from = row.get('from') as string;
          const edge = row.get('out') ? toGraphEdge(rel, from, other.id) : toGraphEdge(rel, other.id, from);
          const isNew = !budget.nodes.has(other.id);
          if (budget.take(edge, other) && isNew) next.push(other.id);
        }
        if (rows.length >= perNode * frontier.length && budget.used >= cap) budget.truncated = true;
        frontier = next;
      }
      if (input.includeStories && budget.used < cap) {
        const entitySeeds = seeds.filter((s) => !s.labels.includes('Story')).map((s) => s.id);
        const rows = (await tx.run(STORIES_OF, { ids: entitySeeds, perSeed: int(STORIES_PER_SEED) })).records;
        for (const row of rows) {
          const story = toGraphNode(row.get('s') as Node);
          budget.take(toGraphEdge(row.get('r') as Relationship, story.id, row.get('to') as string), story);
        }
      }
      // Facts (and, with stories, MENTIONS) between nodes already chosen, most reported first.
      if (budget.used < cap) {
        const linkTypes = input.includeStories ? [...new Set([...types, 'MENTIONS'])] : types;
        const rows = (await tx.run(LINKS_AMONG[patternFor(linkTypes)], { ids: [...budget.nodes.keys()], types: linkTypes, limit: int(cap - budget.used + 1) })).records;
        for (const row of rows) budget.take(toGraphEdge(row.get('r') as Relationship, row.get('source') as string, row.get('target') as string));
      }
      return budget.graph();
    });
    if (!graph) throw new NotFoundError(`None of the ids ${input.ids.slice(0, 5).join(', ')} is an entity or story.`);
    res.json(graph);
  });

  defineRoute(router, registry, { method: 'get', path: '/api/graph/path', ...docs.path }, async (req, res) => {
    const input = parseInput(PathQuerySchema, req.query, 'query string');
    if (input.from === input.to) throw new BadRequestError('from and to are the same entity.');
    const body = await readWith(deps.db, options('graph.path'), async (tx) => {
      const found = await tx.run('UNWIND [$from, $to] AS id MATCH (n:Entity {id: id}) RETURN n.id AS id', { from: input.from, to: input.to });
      const ids = new Set(found.records.map((r) => r.get('id') as string));
      const missing = [input.from, input.to].filter((id) => !ids.has(id));
      if (missing.length > 0) throw new NotFoundError(`No entity with id ${missing.join(' or ')}`);
      const collector = new ResultCollector({ maxElements: deps.config.NEWSGRAPH_MAX_ELEMENTS, maxRows: input.limit });
      const result = await tx.run(PATH_QUERIES[input.maxHops - 1]!, { from: input.from, to: input.to, limit: int(input.limit + 1) });
      const paths: PathResponse['paths'] = [];
      for (const record of result.records) {
        if (!collector.add(record)) break;
        const p = record.get('p') as Path;
        const nodeIds = [p.start, ...p.segments.map((s) => s.end)].map((n) => toGraphNode(n).id);
        const edgeIds = p.segments.map((s, i) => toGraphEdge(s.relationship, nodeIds[i]!, nodeIds[i + 1]!).id);
        paths.push({ nodes: nodeIds, edges: edgeIds });
      }
      const graph = collector.graph();
      const response: PathResponse = { ...graph, paths, hops: paths[0] ? paths[0].edges.length : null };
      return response;
    });
    res.json(body);
  });
  return router;
}
