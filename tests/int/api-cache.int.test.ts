/**
 * Saved-query results are cached in the process, say so (`cached`), and are never served stale
 * after the app's own writes (an ingest) or past their TTL; with a TTL of 0 nothing is cached.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryResultSchema } from '../../model/api.js';
import { createApp } from '../../server/app.js';
import { forgetSeeding, seedSample } from './api-fixture.js';
import { testConfig, testDatabase } from './helpers.js';

const db = testDatabase();
const app = createApp({ db, config: testConfig({ NEWSGRAPH_QUERY_CACHE_TTL_MS: '60000' }) });
const run = (target = app, params: Record<string, unknown> = {}) =>
  request(target).post('/api/queries/co-mentioned-entities/run').send({ params }).expect(200).then((res) => QueryResultSchema.parse(res.body));
const names = (result: { table: { rows: unknown[][]; columns: string[] } }) => result.table.rows.map((r) => r[result.table.columns.indexOf('name')]);

beforeAll(async () => {
  await seedSample(db);
});
afterAll(async () => {
  // The ingest below changed the sample: the next file that needs it reseeds.
  forgetSeeding(db);
  await db.close();
});

describe('saved-query result cache', () => {
  it('answers a repeated run from the cache, the same result with cached: true', async () => {
    const first = await run(app, { entity: 'Russia' });
    expect(first.cached).toBe(false);
    const second = await run(app, { entity: 'Russia' });
    expect(second.cached).toBe(true);
    expect({ ...second, cached: false }).toEqual(first);
    // Params equal to the defaults, given or omitted, are the same entry.
    const withDefaults = await run(app, { limit: 25, entity: 'Russia' });
    expect(withDefaults.cached).toBe(true);
    expect((await run(app, { entity: 'Peru' })).cached).toBe(false);
  });

  it('is emptied by an ingest through the API, so the new story counts at once', async () => {
    await run(app, { entity: 'Peru', limit: 100 });
    const before = await run(app, { entity: 'Peru', limit: 100 });
    expect(before.cached).toBe(true);
    expect(names(before)).not.toContain('Quixotic Cache Lines');
    await request(app)
      .post('/api/stories')
      .send({ title: 'Peru and Quixotic Cache Lines', body: 'Peru signed a port deal with Quixotic Cache Lines, a shipping company, on Monday.' })
      .expect(201);
    const after = await run(app, { entity: 'Peru', limit: 100 });
    expect(after.cached).toBe(false);
    expect(names(after)).toContain('Quixotic Cache Lines');
  });

  it('expires entries after the TTL (writes made outside the process), and caches nothing with a TTL of 0', async () => {
    const shortLived = createApp({ db, config: testConfig({ NEWSGRAPH_QUERY_CACHE_TTL_MS: '300' }) });
    await run(shortLived);
    expect((await run(shortLived)).cached).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect((await run(shortLived)).cached).toBe(false);

    const uncached = createApp({ db, config: testConfig({ NEWSGRAPH_QUERY_CACHE_TTL_MS: '0' }) });
    await run(uncached);
    expect((await run(uncached)).cached).toBe(false);
  });

  it('never caches ad-hoc Cypher', async () => {
    for (let i = 0; i < 2; i++) {
      const res = await request(app).post('/api/cypher').send({ query: 'MATCH (c:Country {id: $id}) RETURN c', params: { id: 'country:PER' } }).expect(200);
      expect(res.body.cached).toBe(false);
    }
  });
});
