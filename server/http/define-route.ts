/**
 * defineRoute: mounts an Express route and registers its OpenAPI path from one description, so the
 * served routes and the document cannot drift: the method and path are written once, a route
 * guarded by the write token is documented with bearer security because the same field mounts the
 * guard, and the path's parameters must be the keys of its documented params schema (checked when
 * the route is defined, so a mismatch stops the start).
 */
import type { OpenAPIRegistry, RouteConfig } from '@asteasolutions/zod-to-openapi';
import type { RequestHandler, Router } from 'express';
import { z } from 'zod';
import { BEARER_SCHEME } from '../openapi.js';

export interface RouteSpec {
  method: 'get' | 'post' | 'put' | 'delete';
  /** Express syntax (`/api/entities/:id`); documented as `/api/entities/{id}`. */
  path: string;
  summary: string;
  description?: string;
  request?: RouteConfig['request'];
  responses: RouteConfig['responses'];
  /** The write-token check (requireToken); runs first, and the route is documented with bearer security. */
  tokenGuard?: RequestHandler;
  /** Other middleware between the guard and the handler (a body parser of its own). */
  before?: readonly RequestHandler[];
}

const PATH_PARAM = /:([A-Za-z_][A-Za-z0-9_]*)/g;

/** `/api/queries/:name/run` → `/api/queries/{name}/run`. */
export const openApiPath = (expressPath: string) => expressPath.replace(PATH_PARAM, '{$1}');

function checkPathParams(spec: RouteSpec): void {
  const inPath = [...spec.path.matchAll(PATH_PARAM)].map((m) => m[1]!).sort();
  const params = spec.request?.params;
  const documented = params instanceof z.ZodObject ? Object.keys(params.shape).sort() : [];
  if (inPath.join(',') !== documented.join(',')) {
    throw new Error(`${spec.method.toUpperCase()} ${spec.path}: path parameters [${inPath.join(', ')}] but documented params [${documented.join(', ')}]`);
  }
}

export function defineRoute(router: Router, registry: OpenAPIRegistry, spec: RouteSpec, handler: RequestHandler): void {
  checkPathParams(spec);
  const { method, path, tokenGuard, before = [], ...doc } = spec;
  registry.registerPath({
    method,
    path: openApiPath(path),
    ...doc,
    ...(tokenGuard ? { security: [{ [BEARER_SCHEME]: [] }] } : {}),
  });
  router[method](path, ...(tokenGuard ? [tokenGuard] : []), ...before, handler);
}
