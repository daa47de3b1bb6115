/**
 * Read-only Cypher: every write and admin attempt sent through /api/cypher, and every Cypher-like
 * value sent through saved-query parameters, is refused or treated as data — and the database is
 * unchanged afterwards (counts and a checksum of every node's and relationship's content).
 */
import { createHash } from 'node:crypto';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { BYPASS_ATTEMPTS, INJECTION_VALUES, WRITE_ATTEMPTS } from '../fixtures/write-attempts.js';
import { seedSample } from './api-fixture.js';
import { testConfig, testDatabase } from './helpers.js';

const db = testDatabase();
/** What a successful LOAD CSV of /etc/passwd, /proc/self/environ or SHOW SETTINGS would put in a body. */
const LEAKS = /root:x?:0:0|NEWSGRAPH_API_TOKEN=|JAVA_HOME=|PATH=\/|server\.bolt\.listen_address|db\.tx_log\.rotation|dbms\.security\.auth_enabled|newsgraph-neo4j\.jar/;
const app = createApp({ db, config: testConfig(), log: () => {} });

/** Node and relationship counts plus a hash of every element's labels/type and properties. */
async function snapshot(): Promise<{ nodes: number; relationships: number; checksum: string }> {
  const nodes = await db.driver.executeQuery('MATCH (n) RETURN labels(n) AS l, properties(n) AS p ORDER BY elementId(n)');
  const rels = await db.driver.executeQuery('MATCH (a)-[r]->(b) RETURN type(r) AS t, a.id AS a, b.id AS b, properties(r) AS p ORDER BY elementId(r)');
  const hash = createHash('sha256');
  for (const r of nodes.records) hash.update(JSON.stringify(r.toObject(), (_k, v) => (typeof v === 'bigint' ? v.toString() : v)));
  for (const r of rels.records) hash.update(JSON.stringify(r.toObject(), (_k, v) => (typeof v === 'bigint' ? v.toString() : v)));
  const { records } = await db.driver.executeQuery('SHOW INDEXES YIELD name RETURN count(*) AS indexes');
  hash.update(String(records[0]!.get('indexes')));
  return { nodes: nodes.records.length, relationships: rels.records.length, checksum: hash.digest('hex') };
}

let before: Awaited<ReturnType<typeof snapshot>>;
beforeAll(async () => {
  await seedSample(db);
  before = await snapshot();
});
afterAll(async () => {
  // Only ever present when a bypass got through (the test then fails): leave no trace for other files.
  await db.driver.executeQuery("MATCH (q:SavedQuery) WHERE q.name STARTS WITH 'test-bypass-' DELETE q", {}, { database: db.name });
  await db.close();
});

describe('read-only Cypher', () => {
  it(`has a corpus of at least 50 write and admin attempts`, () => {
    expect(WRITE_ATTEMPTS.length).toBeGreaterThanOrEqual(50);
  });

  it.each(WRITE_ATTEMPTS.map((q) => [q]))('refuses %j through /api/cypher', async (query) => {
    const res = await request(app).post('/api/cypher').send({ query, params: {} });
    expect(res.status, JSON.stringify(res.body)).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.body.error.code).toMatch(/query_not_allowed|bad_request/);
    expect(JSON.stringify(res.body)).not.toMatch(/\n\s+at /);
    expect(JSON.stringify(res.body), 'file contents or settings leaked').not.toMatch(LEAKS);
  });

  // The same text through the other two ways analyst Cypher reaches the database.
  it.each(BYPASS_ATTEMPTS().map((q, i) => [q, i]))('refuses %j through export by query and when saved', async (query, i) => {
    const exported = await request(app).post('/api/export').send({ query, format: 'json' });
    expect(exported.status, exported.text.slice(0, 300)).toBeGreaterThanOrEqual(400);
    expect(exported.status).toBeLessThan(500);
    expect(exported.text).not.toMatch(LEAKS);
    const saved = await request(app).post('/api/queries').send({ name: `test-bypass-${i}`, cypher: query });
    expect(saved.status, JSON.stringify(saved.body)).toBeGreaterThanOrEqual(400);
    expect(saved.status).toBeLessThan(500);
    expect(saved.body.error.code).toMatch(/query_not_allowed|bad_request/);
  });

  it.each(INJECTION_VALUES.map((v) => [v]))('treats %j in saved-query parameters as data', async (value) => {
    for (const name of ['china-russia-trade', 'who-reports-on', 'entity-neighbourhood']) {
      const list = await request(app).get('/api/queries').expect(200);
      const query = (list.body.queries as Array<{ name: string; params: Array<{ name: string; type: string }> }>).find((q) => q.name === name)!;
      const params = Object.fromEntries(query.params.filter((p) => p.type === 'string').map((p) => [p.name, value]));
      const res = await request(app).post(`/api/queries/${name}/run`).send({ params });
      expect(res.status, JSON.stringify(res.body)).toBeLessThan(500);
    }
    const res = await request(app).post('/api/cypher').send({ query: 'MATCH (n:Entity) WHERE n.name = $v RETURN n', params: { v: value } });
    expect(res.status).toBe(200);
  });

  it('leaves the database exactly as it was', async () => {
    expect(await snapshot()).toEqual(before);
  });
});
