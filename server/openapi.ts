/**
 * The OpenAPI 3 document of the API, generated from the same zod schemas that validate requests
 * (model/api.ts and the route modules). Served at GET /api/openapi.json.
 */
import { OpenApiGeneratorV3, OpenAPIRegistry, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import {
  IngestResponseSchema,
  CypherRequestSchema,
  EntityDetailSchema,
  ErrorBodySchema,
  ExpandRequestSchema,
  ExportRequestSchema,
  FactDetailSchema,
  FactEvidenceQuerySchema,
  GraphSchema,
  PathQuerySchema,
  PathResponseSchema,
  QueryResultSchema,
  RunQueryRequestSchema,
  SavedQueryInfoSchema,
  SavedQueryInputSchema,
  SavedQueryListSchema,
  SearchQuerySchema,
  SearchResponseSchema,
  StoriesQuerySchema,
  StoriesResponseSchema,
  StoryDetailSchema,
} from '../model/api.js';
import { EntityParamsSchema, EntityQuerySchema } from './routes/entities.js';
import { FactParamsSchema } from './routes/facts.js';
import { HealthSchema } from './routes/health.js';
import { QueryNameParamsSchema } from './routes/queries.js';
import { StoryParamsSchema } from './routes/stories.js';
import { StoryInputSchema } from '../model/types.js';

/** Query strings are text on the wire: the documented shape of list/number parameters. */
const SearchQueryDoc = z.object({
  q: SearchQuerySchema.shape.q,
  types: z.string().optional().meta({ description: 'Comma-separated labels: Country, Official, Person, Company, Organization, Outlet, Place, Story' }),
  limit: z.number().int().min(1).max(100).optional(),
});
const PathQueryDoc = z.object({
  from: PathQuerySchema.shape.from,
  to: PathQuerySchema.shape.to,
  maxHops: z.number().int().min(1).max(6).optional(),
  limit: z.number().int().min(1).max(100).optional(),
});
const StoriesQueryDoc = StoriesQuerySchema.omit({ limit: true }).extend({ limit: z.number().int().min(1).max(500).optional() });

const json = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema } } });
const errors = {
  400: json(ErrorBodySchema, 'Invalid input, or a query that is not allowed ({error: {code, message, details}})'),
  404: json(ErrorBodySchema, 'Not found'),
  413: json(ErrorBodySchema, 'Request body too large'),
  503: json(ErrorBodySchema, 'The database is not reachable'),
  504: json(ErrorBodySchema, 'The query timed out'),
};
const writeErrors = { ...errors, 401: json(ErrorBodySchema, 'Missing or wrong bearer token (when NEWSGRAPH_API_TOKEN is set)'), 409: json(ErrorBodySchema, 'Name taken') };

export function openApiDocument(): ReturnType<OpenApiGeneratorV3['generateDocument']> {
  const registry = new OpenAPIRegistry();
  const bearer = registry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });
  const path = (config: RouteConfig) => registry.registerPath(config);

  path({ method: 'get', path: '/api/health', summary: 'Database reachable, version, counts', responses: { 200: json(HealthSchema, 'Healthy'), 503: errors[503] } });
  path({
    method: 'get',
    path: '/api/search',
    summary: 'Full-text search over entity names, aliases and story titles (typo- and case-tolerant)',
    request: { query: SearchQueryDoc },
    responses: { 200: json(SearchResponseSchema, 'Ranked hits'), ...errors },
  });
  path({
    method: 'get',
    path: '/api/entities/{id}',
    summary: 'An entity: properties, aliases, degree by relationship type, stories, facts',
    request: { params: EntityParamsSchema, query: z.object({ stories: EntityQuerySchema.shape.stories }) },
    responses: { 200: json(EntityDetailSchema, 'The entity'), ...errors },
  });
  path({
    method: 'post',
    path: '/api/graph/expand',
    summary: 'Neighbourhood of nodes (depth 1–3), most reported facts first, within an element cap',
    request: { body: { content: { 'application/json': { schema: ExpandRequestSchema } } } },
    responses: { 200: json(GraphSchema, 'Graph elements'), ...errors },
  });
  path({
    method: 'get',
    path: '/api/graph/path',
    summary: 'Shortest chains of facts between two entities (at most 6 hops)',
    request: { query: PathQueryDoc },
    responses: { 200: json(PathResponseSchema, 'Paths as graph elements'), ...errors },
  });
  path({
    method: 'get',
    path: '/api/stories',
    summary: 'Stories filtered by entity, outlet, dates and title words, newest first',
    request: { query: StoriesQueryDoc },
    responses: { 200: json(StoriesResponseSchema, 'Stories'), ...errors },
  });
  path({
    method: 'post',
    path: '/api/stories',
    summary: 'Ingest one story (JSON) or one page of text (text/plain, any layout the seeder reads) through the seeding pipeline',
    security: [{ [bearer.name]: [] }],
    request: {
      body: {
        content: {
          'application/json': { schema: StoryInputSchema },
          'text/plain': { schema: z.string().meta({ description: 'A page: title line, then the body (at most 2 MB)' }) },
        },
      },
    },
    responses: { 201: json(IngestResponseSchema, 'What was created or merged'), ...writeErrors },
  });
  path({
    method: 'get',
    path: '/api/stories/{id}',
    summary: 'One story with its text, outlet, mentions and the facts extracted from it (facts, quotes per fact and mentions capped, with totals and truncation flags)',
    request: { params: StoryParamsSchema },
    responses: { 200: json(StoryDetailSchema, 'The story'), ...errors },
  });
  path({
    method: 'get',
    path: '/api/facts/{key}',
    summary: "A fact's evidence, one page of quotes (newest first, `offset`/`limit`) with its story, outlet, date, url, offsets, confidence, claim and occurrences, plus `evidenceTotal` and `evidenceNextOffset`",
    request: { params: FactParamsSchema, query: FactEvidenceQuerySchema },
    responses: { 200: json(FactDetailSchema, 'The fact'), ...errors },
  });
  path({ method: 'get', path: '/api/queries', summary: 'Saved queries (files in cypher/ and analysts\' own)', responses: { 200: json(SavedQueryListSchema, 'Queries'), ...errors } });
  path({
    method: 'post',
    path: '/api/queries/{name}/run',
    summary: 'Run a saved query; params are validated against its header',
    request: { params: QueryNameParamsSchema, body: { content: { 'application/json': { schema: RunQueryRequestSchema } } } },
    responses: { 200: json(QueryResultSchema, 'Graph and table'), ...errors },
  });
  path({
    method: 'post',
    path: '/api/queries',
    summary: "Save an analyst's query (read-only Cypher; name must not clash with a file query)",
    security: [{ [bearer.name]: [] }],
    request: { body: { content: { 'application/json': { schema: SavedQueryInputSchema } } } },
    responses: { 201: json(SavedQueryInfoSchema, 'Saved'), ...writeErrors },
  });
  path({
    method: 'put',
    path: '/api/queries/{name}',
    summary: "Replace an analyst's saved query",
    security: [{ [bearer.name]: [] }],
    request: { params: QueryNameParamsSchema, body: { content: { 'application/json': { schema: SavedQueryInputSchema.omit({ name: true }) } } } },
    responses: { 200: json(SavedQueryInfoSchema, 'Replaced'), ...writeErrors },
  });
  path({
    method: 'delete',
    path: '/api/queries/{name}',
    summary: "Delete an analyst's saved query",
    security: [{ [bearer.name]: [] }],
    request: { params: QueryNameParamsSchema },
    responses: { 204: { description: 'Deleted' }, ...writeErrors },
  });
  path({
    method: 'post',
    path: '/api/cypher',
    summary: 'Ad-hoc read-only Cypher (read transaction, timeout, caps; admin procedures, LOAD CSV and several statements refused)',
    request: { body: { content: { 'application/json': { schema: CypherRequestSchema } } } },
    responses: { 200: json(QueryResultSchema, 'Graph and table'), ...errors },
  });
  path({
    method: 'post',
    path: '/api/export',
    summary: 'Export a subgraph as Cytoscape JSON, GraphML, CSV, a Cypher script or a Markdown brief',
    description:
      'CSV: part=nodes or part=edges gives one table; part=all (default) the nodes table, an empty line, then the edges table. ' +
      'The response is a file (Content-Disposition: attachment); X-Newsgraph-Truncated tells whether a limit cut the selection.',
    request: { body: { content: { 'application/json': { schema: ExportRequestSchema } } } },
    responses: {
      200: {
        description: 'The file',
        content: {
          'application/json': { schema: z.object({}).passthrough() },
          'application/graphml+xml': { schema: z.string() },
          'text/csv': { schema: z.string() },
          'text/plain': { schema: z.string() },
          'text/markdown': { schema: z.string() },
        },
      },
      ...errors,
    },
  });
  return new OpenApiGeneratorV3(registry.definitions).generateDocument({
    openapi: '3.0.3',
    info: { title: 'newsgraph Explorer API', version: '1.0.0', description: 'Knowledge graph of geopolitical news: entities, facts with evidence, stories.' },
    servers: [{ url: '/' }],
  });
}
