/** GET /api/facts/:key: one fact, its endpoints and every quote that supports it, newest first. */
import { Router } from 'express';
import { z } from 'zod';
import { EvidenceSchema, StorySummarySchema, type FactDetail } from '../../model/api.js';
import type { AppDeps } from '../app.js';
import { factsByKeys, parseClaim } from '../db/facts.js';
import { readWith } from '../db/read.js';
import { NotFoundError } from '../errors.js';
import { toPlain } from '../transform/values.js';
import { parseInput } from '../validate.js';

export const FactParamsSchema = z.object({ key: z.string().trim().min(1).max(200) });

/** An evidence row with its story; `claim` is still the stored JSON text here. */
const Row = EvidenceSchema.extend({ claim: z.unknown(), storyId: z.string() }).extend(StorySummarySchema.omit({ id: true }).shape);

export const EVIDENCE_OF_FACTS = `MATCH (ev:Evidence) WHERE ev.relKey IN $keys
MATCH (ev)-[:IN_STORY]->(s:Story)
OPTIONAL MATCH (s)-[:PUBLISHED_BY]->(o:Outlet)
RETURN ev.relKey AS relKey, ev.id AS id, ev.quote AS quote, ev.start AS start, ev.end AS end, ev.confidence AS confidence,
       ev.extractor AS extractor, ev.claim AS claim, s.id AS storyId, s.title AS title, coalesce(s.outlet, o.name) AS outlet,
       o.id AS outletId, s.published AS published, s.url AS url
ORDER BY s.published IS NULL, s.published DESC, s.title, ev.start`;

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
    story: { id: r.storyId, title: r.title },
    outlet: r.outlet,
    outletId: r.outletId,
    published: r.published,
    url: r.url,
  };
}

export function factsRouter(deps: AppDeps): Router {
  const router = Router();
  router.get('/api/facts/:key', async (req, res) => {
    const { key } = parseInput(FactParamsSchema, req.params, 'path');
    const detail = await readWith(deps.db, { timeoutMs: deps.config.NEWSGRAPH_QUERY_TIMEOUT_MS, feature: 'facts.get' }, async (tx) => {
      const fact = (await factsByKeys(tx, [key])).get(key);
      if (!fact) return undefined;
      const rows = (await tx.run(EVIDENCE_OF_FACTS, { keys: [key] })).records.map((r) => evidenceRow(toPlain(r.toObject())));
      const result: FactDetail = { ...fact, evidence: rows.map(({ relKey: _k, ...e }) => e) };
      return result;
    });
    if (!detail) throw new NotFoundError(`No fact with key ${key}`);
    res.json(detail);
  });
  return router;
}
