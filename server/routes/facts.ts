/**
 * GET /api/facts/:key?offset=&limit=: one fact, its endpoints and one page of the quotes that
 * support it, newest first, with the total. A hub fact can have tens of thousands of quotes, so
 * a response never holds them all: the database sorts, skips and limits, and sends one page.
 */
import { Router } from 'express';
import { z } from 'zod';
import { EvidenceSchema, FactEvidenceQuerySchema, StorySummarySchema, type FactDetail } from '../../model/api.js';
import type { AppDeps } from '../app.js';
import { factsByKeys, parseClaim } from '../reads/facts.js';
import { readWith } from '../../db/read.js';
import { NotFoundError } from '../errors.js';
import { int, toPlain } from '../transform/values.js';
import { parseInput } from '../validate.js';

export const FactParamsSchema = z.object({ key: z.string().trim().min(1).max(200) });

/** An evidence row with its story; `claim` is still the stored JSON text here. */
const Row = EvidenceSchema.extend({ claim: z.unknown(), storyId: z.string() }).extend(StorySummarySchema.omit({ id: true }).shape);

/**
 * For each fact key, the quotes from `$offset` on, at most `$limit`, newest story first. The sort
 * and the limit run per key inside the subquery, and the outlet is looked up only for the rows
 * kept, so what is sent back (and sorted again, in key order) is bounded by keys × limit however
 * many quotes a fact has.
 */
export const EVIDENCE_OF_FACTS = `UNWIND $keys AS key
CALL (key) {
  MATCH (ev:Evidence {relKey: key})-[:IN_STORY]->(s:Story)
  WITH ev, s ORDER BY s.published IS NULL, s.published DESC, s.title, ev.start
  SKIP $offset LIMIT $limit
  RETURN ev, s, head([(s)-[:PUBLISHED_BY]->(o:Outlet) | o]) AS o
}
WITH key, ev, s, o ORDER BY key, s.published IS NULL, s.published DESC, s.title, ev.start
RETURN key AS relKey, ev.id AS id, ev.quote AS quote, ev.start AS start, ev.end AS end, ev.confidence AS confidence,
       ev.extractor AS extractor, ev.claim AS claim, coalesce(ev.occurrences, 1) AS occurrences, s.id AS storyId,
       s.title AS title, coalesce(s.outlet, o.name) AS outlet, o.id AS outletId, s.published AS published, s.url AS url`;

/** How many quotes each fact has (an index seek on `relKey` per key). */
export const EVIDENCE_TOTALS = `UNWIND $keys AS key
CALL (key) { MATCH (ev:Evidence {relKey: key}) RETURN count(ev) AS total }
RETURN key, total`;

export type EvidenceRow = z.infer<typeof Row> & { relKey: string };

export function evidenceRow(raw: unknown): FactDetail['evidence'][number] & { relKey: string } {
  const r = Row.extend({ relKey: z.string() }).parse(raw);
  return {
    relKey: r.relKey,
    id: r.id,
    quote: r.quote,
    start: r.start,
    end: r.end,
    confidence: r.confidence,
    extractor: r.extractor,
    claim: parseClaim(r.claim),
    occurrences: r.occurrences,
    story: { id: r.storyId, title: r.title },
    outlet: r.outlet,
    outletId: r.outletId,
    published: r.published,
    url: r.url,
  };
}

/** Parameters of EVIDENCE_OF_FACTS; integers, as SKIP and LIMIT need. */
export const evidencePage = (keys: string[], offset: number, limit: number) => ({ keys, offset: int(offset), limit: int(limit) });

export function factsRouter(deps: AppDeps): Router {
  const router = Router();
  router.get('/api/facts/:key', async (req, res) => {
    const { key } = parseInput(FactParamsSchema, req.params, 'path');
    const { offset, limit } = parseInput(FactEvidenceQuerySchema, req.query, 'query string');
    const detail = await readWith(deps.db, { timeoutMs: deps.config.NEWSGRAPH_QUERY_TIMEOUT_MS, feature: 'facts.get' }, async (tx) => {
      const fact = (await factsByKeys(tx, [key])).get(key);
      if (!fact) return undefined;
      const totals = await tx.run(EVIDENCE_TOTALS, { keys: [key] });
      const total = Number(toPlain(totals.records[0]?.get('total') ?? 0));
      const rows = (await tx.run(EVIDENCE_OF_FACTS, evidencePage([key], offset, limit))).records.map((r) => evidenceRow(toPlain(r.toObject())));
      const result: FactDetail = {
        ...fact,
        evidence: rows.map(({ relKey: _k, ...e }) => e),
        evidenceTotal: total,
        evidenceNextOffset: offset + rows.length < total && rows.length > 0 ? offset + rows.length : null,
      };
      return result;
    });
    if (!detail) throw new NotFoundError(`No fact with key ${key}`);
    res.json(detail);
  });
  return router;
}
