/**
 * GET /api/stories: stories filtered by entity, outlet, date range and title words, newest first.
 * GET /api/stories/:id: one story with its text, outlet, the entities it mentions and the facts
 * extracted from it (Evidence -[:IN_STORY]-> story, relKey → fact) with quotes and offsets. The
 * facts, their quotes and the mentions are capped (model/api.ts STORY_*), with totals and flags.
 */
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { Router } from 'express';
import type { Node } from 'neo4j-driver';
import { z } from 'zod';
import {
  EvidenceSchema, STORY_EVIDENCE_PER_FACT, StoriesResponseSchema, StoryDetailSchema, STORY_FACTS_LIMIT, STORY_MENTIONS_LIMIT, StoriesQuerySchema, StorySummarySchema,
  type StoriesResponse, type StoryDetail,
} from '../../model/api.js';
import type { AppDeps } from '../deps.js';
import { defineRoute } from '../http/define-route.js';
import { errors, json } from '../openapi.js';
import { factsByKeys, parseClaim } from '../reads/facts.js';
import { readQuery, readWith } from '../../db/read.js';
import { BadRequestError } from '../../db/errors.js';
import { NotFoundError } from '../errors.js';
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
const EvidenceRow = EvidenceSchema.extend({ claim: z.unknown() });
const StoryFactRow = z.object({ relKey: z.string(), total: z.number(), evidence: z.array(EvidenceRow) });
const MentionRow = z.object({ id: z.string(), label: z.string(), name: z.string(), count: z.number(), first: z.string().nullable() });

/**
 * The facts of one story, in order of their first quote, each with its first `$perFact` quotes and
 * its total; at most `$maxFacts` facts, plus how many there are. One pass over the story's own
 * evidence (grouped in the database), so the work is linear in it and the rows sent back bounded.
 */
const STORY_FACTS = `MATCH (:Story {id: $id})<-[:IN_STORY]-(ev:Evidence)
WITH ev ORDER BY ev.start, ev.id
WITH ev.relKey AS relKey, collect(ev) AS quotes
WITH relKey, size(quotes) AS total, quotes[0..$perFact] AS shown
ORDER BY shown[0].start, relKey
WITH collect({relKey: relKey, total: total, shown: shown}) AS facts
RETURN size(facts) AS factsTotal,
       [f IN facts[0..$maxFacts] | {relKey: f.relKey, total: f.total, evidence: [ev IN f.shown | {
          id: ev.id, quote: ev.quote, start: ev.start, end: ev.end, confidence: ev.confidence, extractor: ev.extractor,
          claim: ev.claim, occurrences: coalesce(ev.occurrences, 1)}]}] AS facts`;

const STORY_MENTIONS = `MATCH (:Story {id: $id})-[m:MENTIONS]->(e:Entity)
RETURN e.id AS id, [l IN labels(e) WHERE l <> 'Entity'][0] AS label, e.name AS name, coalesce(m.count, 1) AS count, m.first AS first
ORDER BY count DESC, name
LIMIT $limit`;

const STORY_MENTIONS_TOTAL = 'MATCH (s:Story {id: $id}) RETURN COUNT { (s)-[:MENTIONS]->(:Entity) } AS total';

/** Query strings are text on the wire: the documented shape of the number parameter. */
const StoriesQueryDoc = StoriesQuerySchema.omit({ limit: true }).extend({ limit: z.number().int().min(1).max(500).optional() });

const docs = {
  list: {
    summary: 'Stories filtered by entity, outlet, dates and title words, newest first',
    request: { query: StoriesQueryDoc },
    responses: { 200: json(StoriesResponseSchema, 'Stories'), ...errors },
  },
  get: {
    summary: 'One story with its text, outlet, mentions and the facts extracted from it (facts, quotes per fact and mentions capped, with totals and truncation flags)',
    request: { params: StoryParamsSchema },
    responses: { 200: json(StoryDetailSchema, 'The story'), ...errors },
  },
};

export function storiesRouter(deps: AppDeps, registry: OpenAPIRegistry): Router {
  const router = Router();
  const options = (feature: string) => ({ timeoutMs: deps.config.NEWSGRAPH_QUERY_TIMEOUT_MS, feature });

  defineRoute(router, registry, { method: 'get', path: '/api/stories', ...docs.list }, async (req, res) => {
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

  defineRoute(router, registry, { method: 'get', path: '/api/stories/:id', ...docs.get }, async (req, res) => {
    const { id } = parseInput(StoryParamsSchema, req.params, 'path');
    const story = await readWith(deps.db, options('stories.get'), async (tx) => {
      const found = await tx.run('MATCH (s:Story {id: $id}) OPTIONAL MATCH (s)-[:PUBLISHED_BY]->(o:Outlet) RETURN s, o LIMIT 1', { id });
      const record = found.records[0];
      if (!record) return undefined;
      const s = toPlain((record.get('s') as Node).properties) as Record<string, unknown>;
      const outletNode = record.get('o') as Node | null;
      const o = outletNode ? (toPlain(outletNode.properties) as Record<string, unknown>) : null;
      const factRecord = (
        await tx.run(STORY_FACTS, { id, perFact: int(STORY_EVIDENCE_PER_FACT), maxFacts: int(STORY_FACTS_LIMIT) })
      ).records[0];
      const factsTotal = factRecord ? Number(toPlain(factRecord.get('factsTotal'))) : 0;
      const storyFacts = z.array(StoryFactRow).parse(toPlain(factRecord?.get('facts') ?? []));
      const facts = await factsByKeys(tx, storyFacts.map((f) => f.relKey));
      const mentions = (await tx.run(STORY_MENTIONS, { id, limit: int(STORY_MENTIONS_LIMIT) })).records.map((r) => MentionRow.parse(toPlain(r.toObject())));
      const mentionsTotal = Number(toPlain((await tx.run(STORY_MENTIONS_TOTAL, { id })).records[0]?.get('total') ?? 0));
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
        // Each fact looked up by key (a Map), its quotes already grouped: linear, no facts × quotes filter.
        facts: storyFacts.flatMap((sf) => {
          const f = facts.get(sf.relKey);
          if (!f) return []; // evidence of a fact that no longer exists
          const evidence = sf.evidence.map(({ claim, ...e }) => ({ ...e, claim: parseClaim(claim) }));
          return [{ ...f, evidence, evidenceTotal: sf.total, evidenceTruncated: sf.total > evidence.length }];
        }),
        factsTotal,
        factsTruncated: factsTotal > storyFacts.length,
        mentions,
        mentionsTotal,
        mentionsTruncated: mentionsTotal > mentions.length,
      };
      return detail;
    });
    if (!story) throw new NotFoundError(`No story with id ${id}`);
    res.json(story);
  });
  return router;
}
