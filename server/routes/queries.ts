/**
 * Saved and ad-hoc queries:
 *   GET    /api/queries               the saved queries (files in cypher/ and analysts' own)
 *   POST   /api/queries/:name/run     run one with {params}
 *   POST   /api/queries               save an analyst's query (token when configured)
 *   PUT    /api/queries/:name         replace it
 *   DELETE /api/queries/:name         delete it
 *   POST   /api/cypher                ad-hoc read-only Cypher with {query, params}
 */
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { Router } from 'express';
import { z } from 'zod';
import {
  CypherRequestSchema, QueryNameSchema, QueryResultSchema, RunQueryRequestSchema, SavedQueryInfoSchema, SavedQueryInputSchema, SavedQueryListSchema,
  type SavedQueryInfo,
} from '../../model/api.js';
import type { AppDeps } from '../deps.js';
import { defineRoute } from '../http/define-route.js';
import { errors, json, jsonBody, writeErrors } from '../openapi.js';
import { requireToken } from '../auth.js';
import { BadRequestError } from '../../db/errors.js';
import { ConflictError, NotFoundError } from '../errors.js';
import type { QueryCatalog } from '../queries/catalog.js';
import { runQuery, vetQuery } from '../queries/run.js';
import { paramProblems, RESERVED_QUERY_NAMES } from '../queries/saved.js';
import { createStoredQuery, deleteStoredQuery, updateStoredQuery } from '../queries/store.js';
import { toNeo4jParams } from '../transform/values.js';
import { parseInput } from '../validate.js';

export const QueryNameParamsSchema = z.object({ name: QueryNameSchema });

const docs = {
  list: { summary: "Saved queries (files in cypher/ and analysts' own)", responses: { 200: json(SavedQueryListSchema, 'Queries'), ...errors } },
  run: {
    summary: 'Run a saved query; params are validated against its header',
    request: { params: QueryNameParamsSchema, ...jsonBody(RunQueryRequestSchema) },
    responses: { 200: json(QueryResultSchema, 'Graph and table'), ...errors },
  },
  create: {
    summary: "Save an analyst's query (read-only Cypher; name must not clash with a file query)",
    request: jsonBody(SavedQueryInputSchema),
    responses: { 201: json(SavedQueryInfoSchema, 'Saved'), ...writeErrors },
  },
  replace: {
    summary: "Replace an analyst's saved query",
    request: { params: QueryNameParamsSchema, ...jsonBody(SavedQueryInputSchema.omit({ name: true })) },
    responses: { 200: json(SavedQueryInfoSchema, 'Replaced'), ...writeErrors },
  },
  delete: {
    summary: "Delete an analyst's saved query",
    request: { params: QueryNameParamsSchema },
    responses: { 204: { description: 'Deleted' }, ...writeErrors },
  },
  cypher: {
    summary: 'Ad-hoc read-only Cypher (read transaction, timeout, caps; admin procedures, LOAD CSV and several statements refused)',
    request: jsonBody(CypherRequestSchema),
    responses: { 200: json(QueryResultSchema, 'Graph and table'), ...errors },
  },
};

export function queriesRouter(deps: AppDeps, catalog: QueryCatalog, registry: OpenAPIRegistry): Router {
  const router = Router();
  const tokenGuard = requireToken(deps.config);

  defineRoute(router, registry, { method: 'get', path: '/api/queries', ...docs.list }, async (_req, res) => {
    res.json({ queries: await catalog.list() });
  });

  defineRoute(router, registry, { method: 'post', path: '/api/queries/:name/run', ...docs.run }, async (req, res) => {
    const { name } = parseInput(QueryNameParamsSchema, req.params, 'path');
    const { params } = parseInput(RunQueryRequestSchema, req.body ?? {}, 'request body');
    // Already JSON text (a cache hit is served as stored).
    res.type('application/json').send(await catalog.runBody(name, params));
  });

  defineRoute(router, registry, { method: 'post', path: '/api/cypher', ...docs.cypher }, async (req, res) => {
    const input = parseInput(CypherRequestSchema, req.body, 'request body');
    // runQuery applies every check (text, bounds, limiter, EXPLAIN of the plan).
    res.json(await runQuery(deps, input.query, toNeo4jParams(input.params) as Record<string, unknown>, 'cypher'));
  });

  /**
   * Validates an analyst's query: no clash with a file query or a reserved name, params agree with
   * the text, and read-only by the same checks as a run (text pre-check, bounds and the EXPLAIN of
   * the plan), so a query that would be refused when run is never stored.
   */
  const validated = async (body: unknown) => {
    const input = parseInput(SavedQueryInputSchema, body, 'request body');
    if (catalog.isFileQuery(input.name)) throw new ConflictError(`${input.name} is a built-in query (cypher/${input.name}.cypher); choose another name.`);
    if (RESERVED_QUERY_NAMES.has(input.name)) throw new ConflictError(`${input.name} is a reserved name; choose another name.`);
    const problems = paramProblems(input.params, input.cypher);
    if (problems.length > 0) throw new BadRequestError(`The declared params and the query disagree: ${problems.join('; ')}`, { problems });
    await vetQuery(deps, input.cypher);
    return input;
  };
  const info = (input: Awaited<ReturnType<typeof validated>>): SavedQueryInfo => ({ ...input, source: 'saved' });

  defineRoute(router, registry, { method: 'post', path: '/api/queries', ...docs.create, tokenGuard }, async (req, res) => {
    const input = await validated(req.body);
    const created = await createStoredQuery(deps.db, input);
    deps.resultCache?.invalidate();
    if (!created) throw new ConflictError(`A saved query named ${input.name} exists already; PUT /api/queries/${input.name} replaces it.`);
    res.status(201).json(info(input));
  });

  defineRoute(router, registry, { method: 'put', path: '/api/queries/:name', ...docs.replace, tokenGuard }, async (req, res) => {
    const { name } = parseInput(QueryNameParamsSchema, req.params, 'path');
    const input = await validated({ ...(req.body ?? {}), name });
    const updated = await updateStoredQuery(deps.db, input);
    deps.resultCache?.invalidate();
    if (!updated) throw new NotFoundError(`No saved query named ${name}`);
    res.json(info(input));
  });

  defineRoute(router, registry, { method: 'delete', path: '/api/queries/:name', ...docs.delete, tokenGuard }, async (req, res) => {
    const { name } = parseInput(QueryNameParamsSchema, req.params, 'path');
    if (catalog.isFileQuery(name)) throw new ConflictError(`${name} is a built-in query (cypher/${name}.cypher) and cannot be deleted here.`);
    const deleted = await deleteStoredQuery(deps.db, name);
    deps.resultCache?.invalidate();
    if (!deleted) throw new NotFoundError(`No saved query named ${name}`);
    res.status(204).end();
  });
  return router;
}
