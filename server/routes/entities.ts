/** GET /api/entities/:id: properties, aliases, degree by type, the stories that mention it, its facts. */
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { Router } from 'express';
import type { Node, Relationship } from 'neo4j-driver';
import { z } from 'zod';
import { EntityDetailSchema, StorySummarySchema, type EntityDetail, type EntityFact } from '../../model/api.js';
import { FACT_TYPES } from '../../model/graph-model.js';
import type { AppDeps } from '../deps.js';
import { defineRoute } from '../http/define-route.js';
import { errors, json } from '../openapi.js';
import { entityRef } from '../reads/facts.js';
import { readWith } from '../../db/read.js';
import { NotFoundError } from '../errors.js';
import { mainLabel, nodeProps } from '../transform/graph.js';
import { int, toPlain } from '../transform/values.js';
import { parseInput } from '../validate.js';

export const EntityParamsSchema = z.object({ id: z.string().trim().min(1).max(200) });
export const EntityQuerySchema = z.object({ stories: z.coerce.number().int().min(0).max(500).default(50) });

const StoryRow = StorySummarySchema.extend({ mentions: z.number() });

export function entitiesRouter(deps: AppDeps, registry: OpenAPIRegistry): Router {
  const router = Router();
  const doc = {
    summary: 'An entity: properties, aliases, degree by relationship type, stories, facts',
    request: { params: EntityParamsSchema, query: z.object({ stories: EntityQuerySchema.shape.stories }) },
    responses: { 200: json(EntityDetailSchema, 'The entity'), ...errors },
  };
  defineRoute(router, registry, { method: 'get', path: '/api/entities/:id', ...doc }, async (req, res) => {
    const { id } = parseInput(EntityParamsSchema, req.params, 'path');
    const { stories: storiesLimit } = parseInput(EntityQuerySchema, req.query, 'query string');
    const cap = deps.config.NEWSGRAPH_MAX_ELEMENTS;
    const detail = await readWith(deps.db, { timeoutMs: deps.config.NEWSGRAPH_QUERY_TIMEOUT_MS, feature: 'entity' }, async (tx) => {
      const found = await tx.run('MATCH (n:Entity {id: $id}) RETURN n', { id });
      const node = found.records[0]?.get('n') as Node | undefined;
      if (!node) return undefined;
      const degreeRows = await tx.run('MATCH (n:Entity {id: $id})-[r]-() RETURN type(r) AS type, count(*) AS count ORDER BY type', { id });
      const degree: Record<string, number> = {};
      for (const r of degreeRows.records) degree[r.get('type') as string] = Number(toPlain(r.get('count')));
      const storyRows = await tx.run(
        `MATCH (n:Entity {id: $id})<-[m:MENTIONS]-(s:Story)
         OPTIONAL MATCH (s)-[:PUBLISHED_BY]->(o:Outlet)
         RETURN s.id AS id, s.title AS title, s.outlet AS outlet, o.id AS outletId, s.published AS published, s.url AS url,
                coalesce(m.count, 1) AS mentions
         ORDER BY s.published IS NULL, s.published DESC, s.title
         LIMIT $limit`,
        { id, limit: int(storiesLimit) },
      );
      const factRows = await tx.run(
        `MATCH (n:Entity {id: $id})-[f]-(o:Entity)
         WHERE type(f) IN $types
         RETURN f, startNode(f) = n AS out, o
         ORDER BY coalesce(f.storyCount, 0) DESC, o.name
         LIMIT $limit`,
        { id, types: FACT_TYPES, limit: int(cap + 1) },
      );
      const facts: EntityFact[] = factRows.records.slice(0, cap).map((r) => {
        const f = r.get('f') as Relationship;
        const props: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(f.properties)) props[k] = toPlain(v);
        return {
          key: String(props.key ?? f.elementId),
          type: f.type,
          direction: r.get('out') ? 'out' : 'in',
          other: entityRef(r.get('o') as Node),
          storyCount: Number(props.storyCount ?? 0),
          props,
        };
      });
      const props = nodeProps(node);
      const result: EntityDetail = {
        id,
        label: mainLabel(node.labels),
        labels: [...node.labels],
        name: String(props.name ?? id),
        aliases: Array.isArray(props.aliases) ? props.aliases.map(String) : [],
        props,
        degree,
        stories: storyRows.records.map((r) => StoryRow.parse(toPlain(r.toObject()))),
        storiesTotal: degree.MENTIONS ?? 0,
        facts,
        factsTruncated: factRows.records.length > cap,
      };
      return result;
    });
    if (!detail) throw new NotFoundError(`No entity with id ${id}`);
    res.json(detail);
  });
  return router;
}
