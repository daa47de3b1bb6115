/**
 * Fuzzing the API: every endpoint, on random query strings, path segments and bodies, answers
 * 2xx or 4xx with a JSON body — never 5xx, never a crash.
 */
import fc from 'fast-check';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { seedSample } from './api-fixture.js';
import { testConfig, testDatabase } from './helpers.js';

const db = testDatabase();
const app = createApp({ db, config: testConfig({ NEWSGRAPH_QUERY_TIMEOUT_MS: '3000' }), log: () => {} });
beforeAll(() => seedSample(db));
afterAll(() => db.close());

const text = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom('', ' ', 'china', 'country:CHN', "'", '"', '`', '\\', '*', '~', 'AND', '(', ')', '[', ']', '{', '}', '%', '\u0000', '-1', '1e309', 'NaN', 'null'),
);
const json: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, fc.constant(null), fc.boolean(), fc.integer(), fc.double(), text, fc.array(tie('value'), { maxLength: 4 }), fc.dictionary(text, tie('value'), { maxKeys: 4 })),
})).value;
/** Bodies shaped like the real ones with random values, and random JSON. */
const body = fc.oneof(
  json,
  fc.record({ ids: fc.oneof(fc.array(text, { maxLength: 4 }), json), depth: fc.oneof(fc.integer({ min: -2, max: 6 }), json), limit: json, types: json }, { requiredKeys: [] }),
  fc.record({ query: fc.oneof(text, json), params: json, format: fc.oneof(fc.constantFrom('json', 'graphml', 'csv', 'cypher', 'markdown'), text), ids: json }, { requiredKeys: [] }),
  fc.record({ title: fc.oneof(text, json), body: fc.oneof(text, json), outlet: json, published: json, url: json }, { requiredKeys: [] }),
);

function ok(res: request.Response): void {
  expect(res.status, `${res.status} ${JSON.stringify(res.body)}`).toBeLessThan(500);
  expect(res.headers['content-type'] ?? '').not.toBe('');
  if (res.status >= 400) expect(res.body.error.code).toBeTypeOf('string');
}

const RUNS = 25;

describe('API under fuzzing', () => {
  it('GET endpoints with random query strings and path segments', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('/api/search', '/api/graph/path', '/api/stories', '/api/entities/', '/api/stories/', '/api/facts/'), fc.dictionary(fc.constantFrom('q', 'types', 'limit', 'from', 'to', 'maxHops', 'entity', 'outlet'), text, { maxKeys: 5 }), text, async (route, query, segment) => {
        const url = route.endsWith('/') ? route + encodeURIComponent(segment || 'x') : route;
        ok(await request(app).get(url).query(query));
      }),
      { numRuns: RUNS * 3 },
    );
  });

  it('POST endpoints with random bodies', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('/api/graph/expand', '/api/cypher', '/api/export', '/api/queries/china-russia-trade/run', '/api/queries/no-such-query/run', '/api/stories', '/api/queries'), body, async (route, payload) => {
        const res = await request(app).post(route).set('Content-Type', 'application/json').send(JSON.stringify(payload) ?? 'null');
        ok(res);
      }),
      { numRuns: RUNS * 4 },
    );
    // Whatever was ingested or saved by the fuzzer goes away with the next seeding.
    await seedSample(db, { force: true });
  });

  it('raw, broken bodies', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('/api/graph/expand', '/api/cypher', '/api/export', '/api/stories'), fc.string({ unit: 'binary', maxLength: 200 }), fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', 'application/octet-stream'), async (route, raw, type) => {
        // The custom header lets non-JSON bodies past the cross-site guard, so they reach the parsers.
        ok(await request(app).post(route).set('Content-Type', type).set('X-Newsgraph-Request', '1').send(raw));
      }),
      { numRuns: RUNS },
    );
    await seedSample(db, { force: true });
  });
});
