/** A hub with tens of thousands of neighbours: expand returns the most reported ones within the cap, fast. */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { testConfig, testDatabase } from './helpers.js';
import { seedSample } from './api-fixture.js';

const db = testDatabase();
const app = createApp({ db, config: testConfig({ NEWSGRAPH_MAX_ELEMENTS: '300', NEWSGRAPH_QUERY_TIMEOUT_MS: '20000' }) });
const NEIGHBOURS = 30_000;
const cleanup = async () => {
  const session = db.driver.session({ database: db.name });
  try {
    await session.run("MATCH (n:Entity) WHERE n.id STARTS WITH 'test-hub:' CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS");
  } finally {
    await session.close();
  }
};

beforeAll(async () => {
  await seedSample(db);
  await cleanup();
  await db.driver.executeQuery(
    `CREATE (hub:Entity:Company {id: 'test-hub:hub', name: 'Hub Holdings', aliases: []})
     WITH hub
     UNWIND range(1, $n) AS i
     CREATE (c:Entity:Company {id: 'test-hub:c' + i, name: 'Subsidiary ' + i, aliases: []})
     CREATE (hub)-[:OWNS_STAKE {key: 'test-hub:f' + i, storyCount: CASE WHEN i % 1000 = 0 THEN 500 + i / 1000 ELSE i % 50 END}]->(c)`,
    { n: NEIGHBOURS },
    { database: db.name },
  );
}, 120_000);
afterAll(async () => {
  await cleanup();
  await db.close();
});

describe('expanding a hub', () => {
  it('returns the most reported neighbours within the element cap, fast', async () => {
    // The first call plans the queries and warms the page cache; time the second.
    await request(app).post('/api/graph/expand').send({ ids: ['test-hub:hub'], limit: 5000 }).expect(200);
    const started = Date.now();
    const res = await request(app).post('/api/graph/expand').send({ ids: ['test-hub:hub'], limit: 5000 }).expect(200);
    const elapsed = Date.now() - started;
    expect(res.body.nodes.length + res.body.edges.length).toBeLessThanOrEqual(300);
    expect(res.body.truncated).toBe(true);
    // The 30 facts reported 500+ times come first.
    const counts = res.body.edges.map((e: { props: { storyCount: number } }) => e.props.storyCount);
    expect(counts.filter((c: number) => c >= 500)).toHaveLength(NEIGHBOURS / 1000);
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(40);
    expect(elapsed).toBeLessThan(3_000);

    const deeper = await request(app).post('/api/graph/expand').send({ ids: ['test-hub:hub'], depth: 3, limit: 100 }).expect(200);
    expect(deeper.body.nodes.length + deeper.body.edges.length).toBeLessThanOrEqual(100);

    const entity = await request(app).get('/api/entities/test-hub:hub').expect(200);
    expect(entity.body.degree.OWNS_STAKE).toBe(NEIGHBOURS);
    expect(entity.body.facts).toHaveLength(300);
    expect(entity.body.factsTruncated).toBe(true);
    expect(entity.body.facts[0].storyCount).toBe(530);
  });
});
