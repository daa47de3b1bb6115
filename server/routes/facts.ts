/**
 * GET /api/facts/:key?offset=&limit=: one fact, its endpoints and one page of the quotes that
 * support it, newest first, with the total. A hub fact can have tens of thousands of quotes, so
 * a response never holds them all: the database sorts, skips and limits, and sends one page.
 */
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { Router } from 'express';
import { z } from 'zod';
import { readWith } from '../../db/read.js';
import { FactDetailSchema, FactEvidenceQuerySchema, type FactDetail } from '../../model/api.js';
import type { AppDeps } from '../deps.js';
import { NotFoundError } from '../errors.js';
import { defineRoute } from '../http/define-route.js';
import { errors, json } from '../openapi.js';
import { EVIDENCE_OF_FACTS, EVIDENCE_TOTALS, evidencePage, evidenceRow } from '../reads/evidence.js';
import { factsByKeys } from '../reads/facts.js';
import { toPlain } from '../transform/values.js';
import { parseInput } from '../validate.js';

export const FactParamsSchema = z.object({ key: z.string().trim().min(1).max(200) });

export function factsRouter(deps: AppDeps, registry: OpenAPIRegistry): Router {
  const router = Router();
  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: '/api/facts/:key',
      summary: "A fact's evidence, one page of quotes (newest first, `offset`/`limit`) with its story, outlet, date, url, offsets, confidence, claim and occurrences, plus `evidenceTotal` and `evidenceNextOffset`",
      request: { params: FactParamsSchema, query: FactEvidenceQuerySchema },
      responses: { 200: json(FactDetailSchema, 'The fact'), ...errors },
    },
    async (req, res) => {
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
    },
  );
  return router;
}
