/**
 * POST /api/export: a subgraph — given `ids` (those nodes and every relationship among them),
 * an ad-hoc read `query`, or a `savedQuery` — as Cytoscape JSON, GraphML, CSV, a Cypher script or
 * a Markdown brief, with Content-Disposition naming the file. The formats are a registry: their
 * declarative part in model/export-formats.ts (which this route documents), their writers in
 * export/writers.ts; nothing here names a format.
 */
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { Router } from 'express';
import { z } from 'zod';
import { ExportRequestSchema, type Graph } from '../../model/api.js';
import type { AppDeps } from '../deps.js';
import { defineRoute } from '../http/define-route.js';
import { errors, jsonBody } from '../openapi.js';
import { EVIDENCE_OF_FACTS, EVIDENCE_TOTALS, evidencePage, evidenceRow } from '../reads/evidence.js';
import { readQuery, readWith } from '../../db/read.js';
import { BadRequestError } from '../../db/errors.js';
import { NotFoundError } from '../errors.js';
import { EXPORT_FORMATS, exportFormat } from '../../model/export-formats.js';
import { exportContext, type BriefEvidence, type FactEvidence } from '../export/writer.js';
import { EXPORT_WRITERS } from '../export/writers.js';
import type { QueryCatalog } from '../queries/catalog.js';
import { runCollected } from '../queries/run.js';
import { int, toNeo4jParams, toPlain } from '../transform/values.js';
import { parseInput } from '../validate.js';

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

/** "A, B or C". */
const inWords = (items: readonly string[]) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`);

const doc = {
  summary: `Export a subgraph as ${inWords(EXPORT_FORMATS.map((f) => f.phrase))}`,
  description: [
    ...EXPORT_FORMATS.flatMap((f) => ('note' in f ? [f.note] : [])),
    'The response is a file (Content-Disposition: attachment); X-Newsgraph-Truncated tells whether a limit cut the selection.',
  ].join(' '),
  request: jsonBody(ExportRequestSchema),
  responses: {
    200: {
      description: 'The file',
      // A JSON format is documented as an object, every other as text.
      content: Object.fromEntries(
        EXPORT_FORMATS.map((f) => [f.mime, { schema: f.mime === 'application/json' ? z.object({}).passthrough() : z.string() }]),
      ),
    },
    ...errors,
  },
};

export function exportRouter(deps: AppDeps, catalog: QueryCatalog, registry: OpenAPIRegistry): Router {
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
   * The newest `quotesPerFact` quotes of each fact and every fact's total, grouped by key in one
   * pass (Map + push: linear in the rows, which the query bounds by facts × quotes per fact).
   */
  async function evidenceOf(graph: Graph, quotesPerFact: number): Promise<FactEvidence> {
    const keys = [...new Set(graph.edges.map((e) => e.props.key).filter((k): k is string => typeof k === 'string'))];
    const quotes = new Map<string, BriefEvidence[]>();
    const totals = new Map<string, number>();
    if (keys.length === 0) return { quotes, totals };
    const [rows, counted] = await readWith(deps.db, options('export.evidence'), async (tx) => [
      (await tx.run(EVIDENCE_OF_FACTS, evidencePage(keys, 0, quotesPerFact))).records,
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

  defineRoute(router, registry, { method: 'post', path: '/api/export', ...doc }, async (req, res) => {
    const input = parseInput(ExportRequestSchema, req.body, 'request body');
    const graph = await subgraph(input);
    const writer = EXPORT_WRITERS[input.format];
    // Only a format that declares it needs the evidence costs the extra read.
    const needed = writer.needs?.evidence;
    const evidence = needed ? await evidenceOf(graph, needed.quotesPerFact) : undefined;
    const context = exportContext(input.format, input.part, evidence);
    const text = writer.write(graph, context);
    const format = exportFormat(input.format);
    const stamp = new Date().toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
    const suffix = writer.fileSuffix?.(context) ?? '';
    res.setHeader('Content-Type', `${format.mime}; charset=utf-8`);
    res.setHeader('Content-Disposition', `attachment; filename="newsgraph-${stamp}${suffix}.${format.extension}"`);
    res.setHeader('X-Newsgraph-Truncated', String(graph.truncated));
    res.send(text);
  });
  return router;
}
