/**
 * GET /api/stories: stories filtered by entity, outlet, date range and title words, newest first.
 * GET /api/stories/:id: one story with its text, outlet, the entities it mentions and the facts
 * extracted from it (Evidence -[:IN_STORY]-> story, relKey → fact) with quotes and offsets.
 */
import { Router } from 'express';
import type { Node } from 'neo4j-driver';
import { z } from 'zod';
import { EvidenceSchema, StoriesQuerySchema, StorySummarySchema, type StoriesResponse, type StoryDetail } from '../../model/api.js';
import type { AppDeps } from '../app.js';
import { factsByKeys, parseClaim } from '../db/facts.js';
import { readQuery, readWith } from '../db/read.js';
import { BadRequestError, NotFoundError } from '../errors.js';
import { int, toPlain } from '../transform/values.js';
import { parseInput } from '../validate.js';

export const StoryParamsSchema = z.object({ id: z.string().trim().min(1).max(200) });

/** Database rows are parsed with the wire schema they become. */
const SummaryRow = StorySummarySchema;

const FILTERS = `WHERE ($from IS NULL OR s.published >= date($from))
  AND ($to IS NULL OR s.published <= date($to))
  AND ($outlet IS NULL OR toLower(coalesce(s.outlet, '')) = toLower($outlet)
       OR EXISTS { MATCH (s)-[:PUBLISHED_BY]->(o:Outlet) WHERE o.id = $outlet OR toLower(o.name) = toLower($outlet) })
  AND ($q IS NULL OR toLower(s.title) CONTAINS toLower($q))
OPTIONAL MATCH (s)-[:PUBLISHED_BY]->(po:Outlet)
RETURN s.id AS id, s.title AS title, s.outlet AS outlet, po.id AS outletId, s.published AS published, s.url AS url
ORDER BY s.published IS NULL, s.published DESC, s.title
LIMIT $limit`;
/** Starting from the entity when there is one keeps a hub's filter to its own mentions. */
const STORIES_OF_ENTITY = `MATCH (:Entity {id: $entity})<-[:MENTIONS]-(s:Story)\n${FILTERS}`;
const ALL_STORIES = `MATCH (s:Story)\n${FILTERS}`;

/** `claim` is still the stored JSON text here. */
const EvidenceRow = EvidenceSchema.extend({ relKey: z.string(), claim: z.unknown() });
const MentionRow = z.object({ id: z.string(), label: z.string(), name: z.string(), count: z.number(), first: z.string().nullable() });

export function storiesRouter(deps: AppDeps): Router {
  const router = Router();
  const options = (feature: string) => ({ timeoutMs: deps.config.NEWSGRAPH_QUERY_TIMEOUT_MS, feature });

  router.get('/api/stories', async (req, res) => {
    const input = parseInput(StoriesQuerySchema, req.query, 'query string');
    if (input.from && input.to && input.from > input.to) throw new BadRequestError('from is after to.');
    const records = await readQuery(
      deps.db,
      input.entity ? STORIES_OF_ENTITY : ALL_STORIES,
      {
        entity: input.entity ?? null,
        outlet: input.outlet ?? null,
        from: input.from ?? null,
        to: input.to ?? null,
        q: input.q ?? null,
        limit: int(input.limit + 1),
      },
      options('stories.list'),
    );
    const stories = records.map((r) => SummaryRow.parse(toPlain(r.toObject())));
    const body: StoriesResponse = { stories: stories.slice(0, input.limit), truncated: stories.length > input.limit };
    res.json(body);
  });

  router.get('/api/stories/:id', async (req, res) => {
    const { id } = parseInput(StoryParamsSchema, req.params, 'path');
    const story = await readWith(deps.db, options('stories.get'), async (tx) => {
      const found = await tx.run('MATCH (s:Story {id: $id}) OPTIONAL MATCH (s)-[:PUBLISHED_BY]->(o:Outlet) RETURN s, o LIMIT 1', { id });
      const record = found.records[0];
      if (!record) return undefined;
      const s = toPlain((record.get('s') as Node).properties) as Record<string, unknown>;
      const outletNode = record.get('o') as Node | null;
      const o = outletNode ? (toPlain(outletNode.properties) as Record<string, unknown>) : null;
      const evidence = (
        await tx.run(
          `MATCH (ev:Evidence)-[:IN_STORY]->(:Story {id: $id})
           RETURN ev.id AS id, ev.relKey AS relKey, ev.quote AS quote, ev.start AS start, ev.end AS end,
                  ev.confidence AS confidence, ev.extractor AS extractor, ev.claim AS claim
           ORDER BY ev.start`,
          { id },
        )
      ).records.map((r) => EvidenceRow.parse(toPlain(r.toObject())));
      const facts = await factsByKeys(tx, [...new Set(evidence.map((e) => e.relKey))]);
      const mentions = (
        await tx.run(
          `MATCH (:Story {id: $id})-[m:MENTIONS]->(e:Entity)
           RETURN e.id AS id, [l IN labels(e) WHERE l <> 'Entity'][0] AS label, e.name AS name, coalesce(m.count, 1) AS count, m.first AS first
           ORDER BY count DESC, name`,
          { id },
        )
      ).records.map((r) => MentionRow.parse(toPlain(r.toObject())));
      const str = (v: unknown) => (typeof v === 'string' ? v : null);
      const detail: StoryDetail = {
        id,
        title: String(s.title ?? ''),
        outlet: str(s.outlet) ?? str(o?.name),
        outletId: str(o?.id),
        published: str(s.published),
        url: str(s.url),
        body: String(s.body ?? ''),
        pages: Array.isArray(s.pages) ? s.pages.map(String) : [],
        outletInfo: o ? { id: String(o.id), name: String(o.name ?? o.id), country: str(o.country), ownership: str(o.ownership) } : null,
        facts: [...facts.values()].map((f) => ({
          ...f,
          evidence: evidence
            .filter((e) => e.relKey === f.key)
            .map(({ relKey: _relKey, claim, ...e }) => ({ ...e, claim: parseClaim(claim) })),
        })),
        mentions,
      };
      return detail;
    });
    if (!story) throw new NotFoundError(`No story with id ${id}`);
    res.json(story);
  });
  return router;
}
