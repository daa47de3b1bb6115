/**
 * The OpenAPI 3 document of the API. Routes register their own paths as they are mounted
 * (defineRoute in http/define-route.ts), with the same zod schemas that validate requests, so the
 * document lists exactly the routes the app serves. Served at GET /api/openapi.json.
 *
 * This module holds what every route's documentation shares (the error responses, the bearer
 * scheme) and turns the registry into the document; it imports no route.
 */
import { OpenApiGeneratorV3, OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import type { z } from 'zod';
import { ErrorBodySchema } from '../model/api.js';

/** The security scheme of the write endpoints (NEWSGRAPH_API_TOKEN). */
export const BEARER_SCHEME = 'bearer';

export function createApiRegistry(): OpenAPIRegistry {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', BEARER_SCHEME, { type: 'http', scheme: 'bearer' });
  return registry;
}

/** A JSON response (or body) of this schema. */
export const json = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema } } });

/** A JSON request body of this schema. */
export const jsonBody = (schema: z.ZodType) => ({ body: { content: { 'application/json': { schema } } } });

export const errors = {
  400: json(ErrorBodySchema, 'Invalid input, or a query that is not allowed ({error: {code, message, details}})'),
  404: json(ErrorBodySchema, 'Not found'),
  413: json(ErrorBodySchema, 'Request body too large'),
  503: json(ErrorBodySchema, 'The database is not reachable'),
  504: json(ErrorBodySchema, 'The query timed out'),
};
export const writeErrors = {
  ...errors,
  401: json(ErrorBodySchema, 'Missing or wrong bearer token (when NEWSGRAPH_API_TOKEN is set)'),
  409: json(ErrorBodySchema, 'Name taken'),
};

export type OpenApiDocument = ReturnType<OpenApiGeneratorV3['generateDocument']>;

export function openApiDocument(registry: OpenAPIRegistry): OpenApiDocument {
  return new OpenApiGeneratorV3(registry.definitions).generateDocument({
    openapi: '3.0.3',
    info: { title: 'newsgraph Explorer API', version: '1.0.0', description: 'Knowledge graph of geopolitical news: entities, facts with evidence, stories.' },
    servers: [{ url: '/' }],
  });
}
