/** GET /api/search: full-text over entity names, aliases and story titles, typo- and case-tolerant. */
import { Router } from 'express';
import { z } from 'zod';
import { SearchQuerySchema, type SearchResponse } from '../../model/api.js';
import { ENTITY_LABELS } from '../../model/graph-model.js';
import type { AppDeps } from '../app.js';
import { readWith } from '../db/read.js';
import { BadRequestError } from '../errors.js';
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
 * `{limit: $fetch}` hands the limit to Lucene, which then scores and returns only the best $fetch
 * hits: without it every match (thousands of story titles containing "china") is materialised and
 * streamed to the LIMIT. The label filter runs after Lucene, so with a `types` filter the best
 * $fetch hits may hold fewer than $limit of the wanted labels; `fetched` (hits Lucene returned
 * before the filter) tells the caller whether Lucene had more to give.
 */
const search = (pushLimit: boolean) => `CALL db.index.fulltext.queryNodes('search_names', $lucene${pushLimit ? ', {limit: $fetch}' : ''}) YIELD node, score
WITH collect(CASE WHEN $types IS NULL OR any(l IN labels(node) WHERE l IN $types) THEN {node: node, score: score} END) AS kept, count(*) AS fetched
RETURN fetched, [hit IN kept[0..$limit] | {id: hit.node.id, label: [l IN labels(hit.node) WHERE l <> 'Entity'][0],
       name: coalesce(hit.node.name, hit.node.title, hit.node.id), score: hit.score, aliases: coalesce(hit.node.aliases, [])}] AS hits`;
/** With the limit handed to Lucene, and without (every hit: the last resort of a filtered search). */
export const SEARCH = { limited: search(true), unlimited: search(false) } as const;

/**
 * How many hits Lucene is asked for, round after round, as multiples of the limit: unfiltered,
 * exactly the limit; filtered by label, a wider window first and, only when the wanted labels rank
 * too low to fill it, every hit (null: no limit pushed down), so the answer never misses a hit.
 */
const FILTERED_WINDOWS: readonly (number | null)[] = [10, 100, null];

export function searchRouter(deps: AppDeps): Router {
  const router = Router();
  router.get('/api/search', async (req, res) => {
    const input = parseInput(SearchQuerySchema, req.query, 'query string');
    const unknown = input.types?.filter((t) => !SEARCHABLE_LABELS.includes(t)) ?? [];
    if (unknown.length > 0) throw new BadRequestError(`Unknown type(s) ${unknown.join(', ')}; use ${SEARCHABLE_LABELS.join(', ')}.`, { unknown });
    const lucene = luceneQuery(input.q);
    let body: SearchResponse = { hits: [] };
    if (lucene) {
      const types = input.types && input.types.length > 0 ? input.types : null;
      const windows = types ? FILTERED_WINDOWS.map((w) => (w === null ? null : w * input.limit)) : [input.limit];
      // Every round in one read transaction (one session, one timeout for the whole search).
      body = await readWith(deps.db, { timeoutMs: deps.config.NEWSGRAPH_QUERY_TIMEOUT_MS, feature: 'search' }, async (tx) => {
        for (const window of windows) {
          const text = window === null ? SEARCH.unlimited : SEARCH.limited;
          const params = window === null ? { lucene, types, limit: int(input.limit) } : { lucene, types, limit: int(input.limit), fetch: int(window) };
          const [record] = (await tx.run(text, params)).records;
          const row = SearchRow.parse({ fetched: Number(record?.get('fetched') ?? 0), hits: record?.get('hits') ?? [] });
          if (window === null || row.hits.length >= input.limit || row.fetched < window) return { hits: row.hits };
        }
        return { hits: [] };
      });
    }
    res.json(body);
  });
  return router;
}
