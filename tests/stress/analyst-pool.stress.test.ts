/**
 * Analyst queries cannot starve the app: 60 slow ad-hoc queries at once (more than the driver's
 * pool of 50 connections) with the default analyst limit, and meanwhile searches are still served
 * at once; the analyst queries beyond the limit are answered 503 `overloaded` with Retry-After,
 * the others 504 at the timeout — none 500. Before the limiter, the slow queries took the whole
 * pool and a search failed with 500 "Connection acquisition timed out" after 10 s.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { seedSample } from '../int/api-fixture.js';
import { testConfig, testDatabase } from '../int/helpers.js';

const db = testDatabase();
const TIMEOUT_MS = 15_000;
const config = testConfig({ NEWSGRAPH_QUERY_TIMEOUT_MS: String(TIMEOUT_MS) });
const app = createApp({ db, config, log: () => {} });

beforeAll(() => seedSample(db));
afterAll(() => db.close());

describe('a full pool of analyst queries', () => {
  it('keeps searches at 200 and answers the overflow 503 overloaded, never 500', async () => {
    const slow = 'UNWIND range(1, 100000) AS x UNWIND range(1, 100000) AS y RETURN count(*) AS n';
    const started = Date.now();
    const analysts = Promise.all(Array.from({ length: 60 }, () => request(app).post('/api/cypher').send({ query: slow }).then((r) => ({ r, ms: Date.now() - started }))));
    await new Promise((r) => setTimeout(r, 500));
    // Searches while the analyst queries hold their slots: each is answered well before the pool's 10 s acquisition timeout.
    for (let i = 0; i < 5; i++) {
      const t = Date.now();
      const search = await request(app).get('/api/search').query({ q: 'china' });
      expect(search.status, JSON.stringify(search.body)).toBe(200);
      expect(Date.now() - t).toBeLessThan(3_000);
      await new Promise((r) => setTimeout(r, 1_000));
    }
    const results = await analysts;
    const statuses = results.map(({ r }) => r.status);
    expect(statuses.filter((s) => s !== 503 && s !== 504), JSON.stringify(statuses)).toHaveLength(0);
    const overloaded = results.filter(({ r }) => r.status === 503);
    expect(overloaded.length).toBeGreaterThanOrEqual(60 - config.NEWSGRAPH_ANALYST_CONCURRENCY);
    for (const { r } of overloaded) {
      expect(r.body.error.code).toBe('overloaded');
      expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
    }
    // Every analyst request is answered within the timeout plus one second.
    for (const { ms } of results) expect(ms).toBeLessThan(TIMEOUT_MS + 1_000);
  }, 120_000);
});
