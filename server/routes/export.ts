/**
 * POST /api/export: a subgraph — given `ids` (those nodes and every relationship among them),
 * an ad-hoc read `query`, or a `savedQuery` — as Cytoscape JSON, GraphML, CSV, a Cypher script or
 * a Markdown brief, with Content-Disposition naming the file. See export/formats.ts for each format.
 */
import { Router } from 'express';
import { ExportRequestSchema, type Graph } from '../../model/api.js';
import type { AppDeps } from '../app.js';
import { readQuery, readWith } from '../../db/read.js';
import { BadRequestError } from '../../db/errors.js';
import { NotFoundError } from '../errors.js';
import { BRIEF_QUOTES_PER_FACT, toCsv, toCypherScript, toCytoscapeJson, toGraphML, toMarkdown, type BriefEvidence } from '../export/formats.js';
import type { QueryCatalog } from '../queries/catalog.js';
import { runCollected } from '../queries/run.js';
import { int, toNeo4jParams, toPlain } from '../transform/values.js';
import { parseInput } from '../validate.js';
import { EVIDENCE_OF_FACTS, EVIDENCE_TOTALS, evidencePage, evidenceRow } from './facts.js';

/** The given nodes and every relationship between them (each pair once, in its stored direction). */
const SUBGRAPH = `UNWIND $ids AS id
OPTIONAL MATCH (e:Entity {id: id})
OPTIONAL MATCH (s:Story {id: id})
WITH coalesce(e, s) AS n WHERE n IS NOT NULL
OPTIONAL MATCH (n)-[r]->(m)
WHERE m.id IN $ids AND (m:Entity OR m:Story)
RETURN n, r`;

const STORIES_MENTIONING = `UNWIND $ids AS id
MATCH (:Entity {id: id})<-[:MENTIONS]-(s:Story)
RETURN DISTINCT s.id AS id
LIMIT $limit`;

const FORMATS = {
  json: { ext: 'cyjs', type: 'application/json; charset=utf-8' },
  graphml: { ext: 'graphml', type: 'application/graphml+xml; charset=utf-8' },
  csv: { ext: 'csv', type: 'text/csv; charset=utf-8' },
  cypher: { ext: 'cypher', type: 'text/plain; charset=utf-8' },
  markdown: { ext: 'md', type: 'text/markdown; charset=utf-8' },
} as const;

export function exportRouter(deps: AppDeps, catalog: QueryCatalog): Router {
  const router = Router();
  const options = (feature: string) => ({ timeoutMs: deps.config.NEWSGRAPH_QUERY_TIMEOUT_MS, feature });

  async function subgraph(input: ReturnType<typeof ExportRequestSchema.parse>): Promise<Graph> {
    if (input.ids) {
      let ids = [...new Set(input.ids)];
      if (input.includeStories) {
        const rows = await readQuery(deps.db, STORIES_MENTIONING, { ids, limit: int(deps.config.NEWSGRAPH_MAX_ELEMENTS) }, options('export.stories'));
        ids = [...new Set([...ids, ...rows.map((r) => r.get('id') as string)])];
      }
      const collector = await runCollected(deps, SUBGRAPH, { ids }, 'export.ids', undefined, { trusted: true });
      const graph = collector.graph();
      if (graph.nodes.length === 0) throw new NotFoundError('None of the ids is an entity or story.');
      return graph;
    }
    if (input.query) {
      // runCollected applies every check of analyst Cypher (text, bounds, EXPLAIN of the plan).
      return (await runCollected(deps, input.query, toNeo4jParams(input.params) as Record<string, unknown>, 'export.cypher')).graph();
    }
    if (input.savedQuery) {
      const { cypher, params } = await catalog.prepare(input.savedQuery, input.params);
      return (await runCollected(deps, cypher, params, `export.saved-query:${input.savedQuery}`)).graph();
    }
    throw new BadRequestError('Give ids, query or savedQuery.');
  }

  /**
   * The newest BRIEF_QUOTES_PER_FACT quotes of each fact and every fact's total, grouped by key in
   * one pass (Map + push: linear in the rows, which the query bounds by facts × quotes per fact).
   */
  async function evidenceOf(graph: Graph): Promise<{ quotes: Map<string, BriefEvidence[]>; totals: Map<string, number> }> {
    const keys = [...new Set(graph.edges.map((e) => e.props.key).filter((k): k is string => typeof k === 'string'))];
    const quotes = new Map<string, BriefEvidence[]>();
    const totals = new Map<string, number>();
    if (keys.length === 0) return { quotes, totals };
    const [rows, counted] = await readWith(deps.db, options('export.evidence'), async (tx) => [
      (await tx.run(EVIDENCE_OF_FACTS, evidencePage(keys, 0, BRIEF_QUOTES_PER_FACT))).records,
      (await tx.run(EVIDENCE_TOTALS, { keys })).records,
    ]);
    for (const r of rows) {
      const { relKey, ...ev } = evidenceRow(toPlain(r.toObject()));
      const list = quotes.get(relKey);
      if (list) list.push(ev);
      else quotes.set(relKey, [ev]);
    }
    for (const r of counted) totals.set(String(r.get('key')), Number(toPlain(r.get('total'))));
    // Brief entries are looked up by edge id, which is the fact key for facts.
    return { quotes, totals };
  }

  router.post('/api/export', async (req, res) => {
    const input = parseInput(ExportRequestSchema, req.body, 'request body');
    const graph = await subgraph(input);
    let text: string;
    switch (input.format) {
      case 'json':
        text = toCytoscapeJson(graph);
        break;
      case 'graphml':
        text = toGraphML(graph);
        break;
      case 'csv':
        text = toCsv(graph, input.part);
        break;
      case 'cypher':
        text = toCypherScript(graph);
        break;
      case 'markdown': {
        const { quotes, totals } = await evidenceOf(graph);
        text = toMarkdown(graph, quotes, new Date(), { totals });
        break;
      }
    }
    const format = FORMATS[input.format];
    const stamp = new Date().toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
    const suffix = input.format === 'csv' && input.part !== 'all' ? `-${input.part}` : '';
    res.setHeader('Content-Type', format.type);
    res.setHeader('Content-Disposition', `attachment; filename="newsgraph-${stamp}${suffix}.${format.ext}"`);
    res.setHeader('X-Newsgraph-Truncated', String(graph.truncated));
    res.send(text);
  });
  return router;
}
