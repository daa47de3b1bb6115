/** defineRoute mounts a route and documents it from one description, so the two cannot drift. */
import { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import express, { Router } from 'express';
import supertest from 'supertest';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineRoute, openApiPath } from '../../server/http/define-route.js';
import { BEARER_SCHEME } from '../../server/openapi.js';

describe('defineRoute', () => {
  it('serves the route and registers the same method and path, in OpenAPI syntax', async () => {
    const router = Router();
    const registry = new OpenAPIRegistry();
    const params = z.object({ name: z.string() });
    defineRoute(router, registry, { method: 'post', path: '/api/things/:name/run', summary: 'Run', request: { params }, responses: { 204: { description: 'Ran' } } }, (req, res) => {
      res.status(204).setHeader('X-Name', String(req.params.name)).end();
    });
    const res = await supertest(express().use(router)).post('/api/things/abc/run');
    expect(res.status).toBe(204);
    expect(res.headers['x-name']).toBe('abc');
    const [definition] = registry.definitions;
    expect(definition).toMatchObject({ type: 'route', route: { method: 'post', path: '/api/things/{name}/run', summary: 'Run' } });
  });

  it('documents a token-guarded route with bearer security and runs the guard first', async () => {
    const router = Router();
    const registry = new OpenAPIRegistry();
    const order: string[] = [];
    defineRoute(
      router,
      registry,
      {
        method: 'delete',
        path: '/api/x',
        summary: 'Delete',
        responses: { 204: { description: 'Deleted' } },
        tokenGuard: (_req, _res, next) => (order.push('guard'), next()),
        before: [(_req, _res, next) => (order.push('before'), next())],
      },
      (_req, res) => (order.push('handler'), res.status(204).end()),
    );
    await supertest(express().use(router)).delete('/api/x');
    expect(order).toEqual(['guard', 'before', 'handler']);
    expect(registry.definitions[0]).toMatchObject({ route: { security: [{ [BEARER_SCHEME]: [] }] } });
  });

  it('refuses a path whose parameters are not the documented ones', () => {
    const spec = { method: 'get', path: '/api/things/:id', summary: 'x', responses: { 200: { description: 'ok' } } } as const;
    expect(() => defineRoute(Router(), new OpenAPIRegistry(), spec, () => {})).toThrow(/path parameters \[id\] but documented params \[\]/);
    expect(() => defineRoute(Router(), new OpenAPIRegistry(), { ...spec, request: { params: z.object({ key: z.string() }) } }, () => {})).toThrow(/\[key\]/);
    expect(openApiPath('/api/a/:b/c/:d')).toBe('/api/a/{b}/c/{d}');
  });
});
