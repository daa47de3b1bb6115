/** GET /api/search: full-text over entity names, aliases and story titles, typo- and case-tolerant. */
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { Router } from 'express';
import { z } from 'zod';
import { SearchQuerySchema, SearchResponseSchema, type SearchResponse } from '../../model/api.js';
import { ENTITY_LABELS } from '../../model/graph-model.js';
import type { AppDeps } from '../deps.js';
import { defineRoute } from '../http/define-route.js';
import { errors, json } from '../openapi.js';
import { readWith } from '../../db/read.js';
import { BadRequestError } from '../../db/errors.js';
import { int } from '../transform/values.js';
import { parseInput } from '../validate.js';

export const SEARCHABLE_LABELS: readonly string[] = [...ENTITY_LABELS, 'Story'];

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/** Escapes every Lucene query-syntax character so user text is only ever matched, never parsed as syntax. */
export function escapeLucene(text: string): string {
  return text.replace(LUCENE_SPECIAL, (c) => `\\${c}`).replace(/\b(AND|OR|NOT|TO)\b/g, (w) => w.toLowerCase());
}

/**
 * Builds the Lucene query: every word must match (AND), each as an exact term (boosted), a prefix
 * (`term*`) and, for words of 4+ characters, a fuzzy term (`term~1`); plus the whole input as a
 * phrase, boosted, so an exact name ranks first. Null when the input holds no word at all.
 */
export function luceneQuery(input: string): string | null {
  const words = input
    .normalize('NFKC')
    .toLowerCase()
    // Dots and apostrophes inside a word stay (the index's tokenizer keeps "u.s" and "o'hare" whole).
    .split(/[^\p{L}\p{N}.'’]+/u)
    .map((w) => w.replace(/^[.'’]+|[.'’]+$/g, ''))
    .filter((w) => w.length > 0)
    .slice(0, 12);
  if (words.length === 0) return null;
  const groups = words.map((w) => {
    const t = escapeLucene(w);
    return w.length >= 4 ? `(${t}^3 OR ${t}*^2 OR ${t}~1)` : `(${t}^3 OR ${t}*^2)`;
  });
  const phrase = escapeLucene(words.join(' '));
  return `(${groups.join(' AND ')}) OR "${phrase}"^4`;
}

const HitRow = z.object({
  id: z.string(),
  label: z.string(),
  name: z.string(),
  score: z.number(),
  aliases: z.array(z.string()),
});
const SearchRow = z.object({ fetched: z.number(), hits: z.array(HitRow) });

/**
 * `{limit: $fetch}` hands the limit to Lucene, which then returns only the best $fetch hits:
 * without it every match (thousands of story titles containing "china") is sorted and streamed to
 * the LIMIT. The label filter runs after Lucene, so with a `types` filter the best $fetch hits may
 * hold fewer than $limit of the wanted labels; `fetched` (hits Lucene returned before the filter)
 * tells whether Lucene had more to give.
 */
const SEARCH_WINDOW = `CALL db.index.fulltext.queryNodes('search_names', $lucene, {limit: $fetch}) YIELD node, score
WITH collect(CASE WHEN $types IS NULL OR any(l IN labels(node) WHERE l IN $types) THEN {node: node, score: score} END) AS kept, count(*) AS fetched
RETURN fetched, [hit IN kept[0..$limit] | {id: hit.node.id, label: [l IN labels(hit.node) WHERE l <> 'Entity'][0],
       name: coalesce(hit.node.name, hit.node.title, hit.node.id), score: hit.score, aliases: coalesce(hit.node.aliases, [])}] AS hits`;

/** Every hit, filtered as it streams and stopped at the limit: the fallback when the window was too narrow. */
const SEARCH_ALL = `CALL db.index.fulltext.queryNodes('search_names', $lucene) YIELD node, score
WHERE any(l IN labels(node) WHERE l IN $types)
RETURN node.id AS id, [l IN labels(node) WHERE l <> 'Entity'][0] AS label, coalesce(node.name, node.title, node.id) AS name,
       score, coalesce(node.aliases, []) AS aliases
LIMIT $limit`;

export const SEARCH = { window: SEARCH_WINDOW, all: SEARCH_ALL } as const;

/**
 * With a types filter Lucene is first asked for this many times the limit: enough when the wanted
 * labels rank among the best hits (the usual case), and cheap either way. When the window holds
 * too few of them and Lucene had more, one filtered pass over every hit follows, so a label whose
 * hits rank low (an outlet named like a thousand story titles) is still found.
 */
const FILTERED_WINDOW = 10;

/** Query strings are text on the wire: the documented shape of the list and number parameters. */
const SearchQueryDoc = z.object({
  q: SearchQuerySchema.shape.q,
  types: z.string().optional().meta({ description: 'Comma-separated labels: Country, Official, Person, Company, Organization, Outlet, Place, Story' }),
  limit: z.number().int().min(1).max(100).optional(),
});

export function searchRouter(deps: AppDeps, registry: OpenAPIRegistry): Router {
  const router = Router();
  const doc = {
    summary: 'Full-text search over entity names, aliases and story titles (typo- and case-tolerant)',
    request: { query: SearchQueryDoc },
    responses: { 200: json(SearchResponseSchema, 'Ranked hits'), ...errors },
  };
  defineRoute(router, registry, { method: 'get', path: '/api/search', ...doc }, async (req, res) => {
    const input = parseInput(SearchQuerySchema, req.query, 'query string');
    const unknown = input.types?.filter((t) => !SEARCHABLE_LABELS.includes(t)) ?? [];
    if (unknown.length > 0) throw new BadRequestError(`Unknown type(s) ${unknown.join(', ')}; use ${SEARCHABLE_LABELS.join(', ')}.`, { unknown });
    const lucene = luceneQuery(input.q);
    let body: SearchResponse = { hits: [] };
    if (lucene) {
      const types = input.types && input.types.length > 0 ? input.types : null;
      const params = { lucene, types, limit: int(input.limit), fetch: int(types ? FILTERED_WINDOW * input.limit : input.limit) };
      // Both rounds in one read transaction (one session, one timeout for the whole search).
      body = await readWith(deps.db, { timeoutMs: deps.config.NEWSGRAPH_QUERY_TIMEOUT_MS, feature: 'search' }, async (tx) => {
        const [record] = (await tx.run(SEARCH.window, params)).records;
        const window = SearchRow.parse({ fetched: Number(record?.get('fetched') ?? 0), hits: record?.get('hits') ?? [] });
        if (window.hits.length >= input.limit || window.fetched < params.fetch.toNumber()) return { hits: window.hits };
        return { hits: (await tx.run(SEARCH.all, params)).records.map((r) => HitRow.parse(r.toObject())) };
      });
    }
    res.json(body);
  });
  return router;
}
