/**
 * GET /api/health: is the database reachable, which server is it, how big is the graph; and the NLP
 * server's state (up, down, or not used with the rules extractor), which never fails the database's
 * health: with CoreNLP down the app still serves reads, only ingest answers 503 nlp_unavailable.
 */
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { Router } from 'express';
import { z } from 'zod';
import type { AppDeps } from '../deps.js';
import { defineRoute } from '../http/define-route.js';
import { errors, json } from '../openapi.js';
import { readQuery } from '../../db/read.js';
import { DatabaseRestartingError } from '../../db/restarting-error.js';
import { DatabaseUnavailableError } from '../../db/errors.js';
import { EXTRACTOR_NAMES } from '../../nlp/config.js';

export const HealthSchema = z.object({
  status: z.literal('ok'),
  database: z.object({ reachable: z.literal(true), agent: z.string(), version: z.string(), edition: z.string() }),
  counts: z.object({ nodes: z.number().int(), relationships: z.number().int() }),
  nlp: z
    .object({
      state: z.enum(['up', 'down', 'not_used']).meta({ description: '`not_used`: NEWSGRAPH_EXTRACTOR=rules, no CoreNLP runs' }),
      extractor: z.enum(EXTRACTOR_NAMES),
      server: z.literal('Stanford CoreNLP'),
    })
    .meta({ description: 'The NLP server (Stanford CoreNLP) that the nlp extractor needs; its state never changes the status code' }),
});
export type Health = z.infer<typeof HealthSchema>;

const ComponentsRow = z.object({ version: z.string(), edition: z.string() });
const CountsRow = z.object({ nodes: z.number().int(), relationships: z.number().int() });

export function healthRouter(deps: AppDeps, registry: OpenAPIRegistry): Router {
  const router = Router();
  const doc = { summary: 'Database reachable, version, counts; the NLP server\'s state', responses: { 200: json(HealthSchema, 'Healthy'), 503: errors[503] } };
  defineRoute(router, registry, { method: 'get', path: '/api/health', ...doc }, async (_req, res) => {
    const options = { timeoutMs: 5_000, feature: 'health' };
    const extractor = deps.config.NEWSGRAPH_EXTRACTOR;
    // Asked alongside the database, so a slow CoreNLP does not add to the database's time.
    const nlpState: Promise<Health['nlp']['state']> =
      extractor === 'rules' ? Promise.resolve('not_used') : deps.nlp ? deps.nlp.ready().then((up) => (up ? 'up' : 'down')) : Promise.resolve('down');
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
        nlp: { state: await nlpState, extractor, server: 'Stanford CoreNLP' },
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
