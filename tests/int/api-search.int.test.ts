/**
 * Search hands its limit to Lucene; with a types filter the wanted label may rank far below other
 * hits, and must still be found (the window widens, in the end to every hit).
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SearchResponseSchema } from '../../model/api.js';
import { createApp } from '../../server/app.js';
import { seedSample } from './api-fixture.js';
import { testConfig, testDatabase } from './helpers.js';

const db = testDatabase();
const app = createApp({ db, config: testConfig() });
const COMPANIES = 300;
const cleanup = () => db.driver.executeQuery("MATCH (n:Entity) WHERE n.id STARTS WITH 'test-search:' DETACH DELETE n", {}, { database: db.name });

beforeAll(async () => {
  await seedSample(db);
  await cleanup();
  // Hundreds of companies named exactly "Zorbulax" outrank the one place whose long name only contains it.
  await db.driver.executeQuery(
    `UNWIND range(1, $n) AS i
     CREATE (:Entity:Company {id: 'test-search:c' + i, name: 'Zorbulax', aliases: [], aliasText: ''})
     WITH count(*) AS done
     CREATE (:Entity:Place {id: 'test-search:place', name: 'Zorbulax Pass of the Northern Highland Plateau Region', aliases: [], aliasText: ''})`,
    { n: COMPANIES },
    { database: db.name },
  );
});
afterAll(async () => {
  await cleanup();
  await db.close();
});

describe('search with a types filter', () => {
  it('finds a label whose hits rank below every window handed to Lucene', async () => {
    const all = SearchResponseSchema.parse((await request(app).get('/api/search').query({ q: 'zorbulax', limit: 100 }).expect(200)).body);
    expect(all.hits).toHaveLength(100);
    expect(all.hits.every((h) => h.label === 'Company')).toBe(true);

    for (const limit of [1, 5, 20]) {
      const places = SearchResponseSchema.parse((await request(app).get('/api/search').query({ q: 'zorbulax', types: 'Place', limit }).expect(200)).body);
      expect(places.hits.map((h) => h.id), `limit ${limit}`).toEqual(['test-search:place']);
    }
    const both = SearchResponseSchema.parse((await request(app).get('/api/search').query({ q: 'zorbulax', types: 'Place,Company', limit: 5 }).expect(200)).body);
    expect(both.hits).toHaveLength(5);
  });

  it('without a filter returns exactly the limit, best first', async () => {
    const res = SearchResponseSchema.parse((await request(app).get('/api/search').query({ q: 'zorbulax', limit: 7 }).expect(200)).body);
    expect(res.hits).toHaveLength(7);
    const scores = res.hits.map((h) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });
});
