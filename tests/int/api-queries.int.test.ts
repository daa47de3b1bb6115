/** Analysts' own saved queries: stored in Neo4j, validated, never clashing with file queries, token-protected when configured. */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { testConfig, testDatabase } from './helpers.js';
import { seedSample } from './api-fixture.js';

const db = testDatabase();
const TOKEN = 'test-token-0123456789';
const open = createApp({ db, config: testConfig() });
const guarded = createApp({ db, config: testConfig({ NEWSGRAPH_API_TOKEN: TOKEN }) });
const removeTestQueries = () => db.driver.executeQuery("MATCH (q:SavedQuery) WHERE q.name STARTS WITH 'test-' DELETE q", {}, { database: db.name });

beforeAll(async () => {
  await seedSample(db);
  await removeTestQueries();
});
afterAll(async () => {
  await removeTestQueries();
  await db.close();
});

const countries = {
  name: 'test-countries',
  description: 'Countries whose name starts with a prefix',
  cypher: 'MATCH (c:Country) WHERE c.name STARTS WITH $prefix RETURN c ORDER BY c.name LIMIT $limit',
  params: [
    { name: 'prefix', type: 'string', default: 'C', help: 'first letters' },
    { name: 'limit', type: 'int', default: 3 },
  ],
};

describe('saved queries of analysts', () => {
  it('creates, lists, runs, replaces and deletes a query', async () => {
    const created = await request(open).post('/api/queries').send(countries).expect(201);
    expect(created.body).toMatchObject({ name: 'test-countries', source: 'saved' });
    const stored = await db.driver.executeQuery("MATCH (q:SavedQuery {name: 'test-countries'}) RETURN q.id AS id, q.params AS params", {}, { database: db.name });
    expect(stored.records[0]!.get('id')).toBe('query:test-countries');
    expect(JSON.parse(stored.records[0]!.get('params'))).toHaveLength(2);

    const list = await request(open).get('/api/queries').expect(200);
    expect(list.body.queries.find((q: { name: string }) => q.name === 'test-countries')).toMatchObject({ source: 'saved', description: countries.description });

    const run = await request(open).post('/api/queries/test-countries/run').send({ params: { prefix: 'Ch' } }).expect(200);
    expect(run.body.graph.nodes.map((n: { props: { name: string } }) => n.props.name)).toContain('China');
    expect(run.body.graph.nodes.length).toBeLessThanOrEqual(3);
    await request(open).post('/api/queries/test-countries/run').send({ params: { limit: 'x' } }).expect(400);

    await request(open).put('/api/queries/test-countries').send({ ...countries, description: 'changed', params: [{ name: 'prefix', type: 'string', default: 'R' }, { name: 'limit', type: 'int', default: 1 }] }).expect(200);
    const rerun = await request(open).post('/api/queries/test-countries/run').send({}).expect(200);
    expect(rerun.body.graph.nodes).toHaveLength(1);
    expect(rerun.body.graph.nodes[0].props.name).toMatch(/^R/);

    await request(open).delete('/api/queries/test-countries').expect(204);
    await request(open).post('/api/queries/test-countries/run').send({}).expect(404);
    await request(open).delete('/api/queries/test-countries').expect(404);
  });

  it('refuses clashing names, bad params, write or admin Cypher', async () => {
    const clash = await request(open).post('/api/queries').send({ ...countries, name: 'china-russia-trade' }).expect(409);
    expect(clash.body.error.code).toBe('conflict');
    await request(open).post('/api/queries').send(countries).expect(201);
    await request(open).post('/api/queries').send(countries).expect(409);
    const undeclared = await request(open).post('/api/queries').send({ ...countries, name: 'test-undeclared', params: [] }).expect(400);
    expect(undeclared.body.error.details.problems.join()).toMatch(/\$prefix is used but not declared/);
    await request(open).post('/api/queries').send({ ...countries, name: 'test-bad-default', params: [{ name: 'prefix', type: 'int', default: 'C' }, { name: 'limit', type: 'int' }] }).expect(400);
    const admin = await request(open).post('/api/queries').send({ name: 'test-admin', cypher: 'CALL dbms.listConfig()' }).expect(400);
    expect(admin.body.error.code).toBe('query_not_allowed');
    await request(open).post('/api/queries').send({ ...countries, name: 'Bad Name' }).expect(400);
    await request(open).delete('/api/queries/china-russia-trade').expect(409);
    // A write query is refused when it is saved (by the server's own plan of it), not only when it is run.
    const write = await request(open).post('/api/queries').send({ name: 'test-write', cypher: "CREATE (:Intruder {name: 'x'})" }).expect(400);
    expect(write.body.error.code).toBe('query_not_allowed');
    await request(open).post('/api/queries/test-write/run').send({}).expect(404);
    const intruders = await db.driver.executeQuery('MATCH (n:Intruder) RETURN count(n) AS n', {}, { database: db.name });
    expect(Number(intruders.records[0]!.get('n'))).toBe(0);
  });

  it('requires the bearer token on write endpoints when one is configured', async () => {
    const body = { ...countries, name: 'test-guarded' };
    const none = await request(guarded).post('/api/queries').send(body).expect(401);
    expect(none.body.error.code).toBe('unauthorized');
    await request(guarded).post('/api/queries').set('Authorization', 'Bearer wrong').send(body).expect(401);
    await request(guarded).post('/api/queries').set('Authorization', `Basic ${TOKEN}`).send(body).expect(401);
    await request(guarded).post('/api/queries').set('Authorization', `Bearer ${TOKEN}`).send(body).expect(201);
    await request(guarded).put('/api/queries/test-guarded').send(body).expect(401);
    await request(guarded).delete('/api/queries/test-guarded').expect(401);
    // Reads stay open.
    await request(guarded).get('/api/queries').expect(200);
    await request(guarded).post('/api/queries/test-guarded/run').send({}).expect(200);
    await request(guarded).delete('/api/queries/test-guarded').set('Authorization', `Bearer ${TOKEN}`).expect(204);
  });
});
