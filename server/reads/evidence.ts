/**
 * The quotes behind facts, one page per fact, and how many each fact has: read by the fact route
 * (one fact, paged) and by the export route (every fact of a subgraph, for the Markdown brief).
 */
import { z } from 'zod';
import { EvidenceSchema, StorySummarySchema, type FactDetail } from '../../model/api.js';
import { int } from '../transform/values.js';
import { parseClaim } from './facts.js';

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
