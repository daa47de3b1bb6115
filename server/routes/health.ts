/** GET /api/health: is the database reachable, which server is it, how big is the graph. */
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { Router } from 'express';
import { z } from 'zod';
import type { AppDeps } from '../deps.js';
import { defineRoute } from '../http/define-route.js';
import { errors, json } from '../openapi.js';
import { readQuery } from '../../db/read.js';
import { DatabaseRestartingError } from '../../db/restarting-error.js';
import { DatabaseUnavailableError } from '../../db/errors.js';

export const HealthSchema = z.object({
  status: z.literal('ok'),
  database: z.object({ reachable: z.literal(true), agent: z.string(), version: z.string(), edition: z.string() }),
  counts: z.object({ nodes: z.number().int(), relationships: z.number().int() }),
});
export type Health = z.infer<typeof HealthSchema>;

const ComponentsRow = z.object({ version: z.string(), edition: z.string() });
const CountsRow = z.object({ nodes: z.number().int(), relationships: z.number().int() });

export function healthRouter(deps: AppDeps, registry: OpenAPIRegistry): Router {
  const router = Router();
  const doc = { summary: 'Database reachable, version, counts', responses: { 200: json(HealthSchema, 'Healthy'), 503: errors[503] } };
  defineRoute(router, registry, { method: 'get', path: '/api/health', ...doc }, async (_req, res) => {
    const options = { timeoutMs: 5_000, feature: 'health' };
    let health: Health;
    try {
      const info = await deps.db.driver.getServerInfo({ database: deps.db.name });
      const [components] = await readQuery(
        deps.db,
        'CALL dbms.components() YIELD versions, edition RETURN versions[0] AS version, edition',
        {},
        options,
      );
      // Both counts come from Neo4j's count store: constant time however big the graph is.
      const [counts] = await readQuery(
        deps.db,
        'CALL { MATCH (n) RETURN count(n) AS nodes } CALL { MATCH ()-[r]->() RETURN count(r) AS relationships } RETURN nodes, relationships',
        {},
        options,
      );
      const component = ComponentsRow.parse(components?.toObject());
      health = {
        status: 'ok',
        database: { reachable: true, agent: info.agent ?? 'unknown', version: component.version, edition: component.edition },
        counts: CountsRow.parse(counts?.toObject()),
      };
    } catch {
      // The driver's message names hosts and ports ("ECONNREFUSED 127.0.0.1:7687"): never pass it on.
      if (deps.db.bundled?.restarting()) throw new DatabaseRestartingError();
      throw new DatabaseUnavailableError();
    }
    res.json(health);
  });
  return router;
}
