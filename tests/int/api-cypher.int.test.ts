/** Ad-hoc Cypher and the safety rules: read-only, admin procedures refused, timeouts, caps, body limits, errors as JSON. */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryResultSchema } from '../../model/api.js';
import { createApp } from '../../server/app.js';
import { createDriver } from '../../db/connect.js';
import { testConfig, testDatabase } from './helpers.js';
import { counts, seedSample } from './api-fixture.js';

const db = testDatabase();
const app = createApp({ db, config: testConfig({ NEWSGRAPH_MAX_ELEMENTS: '50' }), log: () => {} });

beforeAll(async () => {
  await seedSample(db);
});
afterAll(() => db.close());

const cypher = (query: string, params: Record<string, unknown> = {}) => request(app).post('/api/cypher').send({ query, params });

describe('POST /api/cypher', () => {
  it('returns graph elements for nodes, relationships and paths, converting Neo4j values', async () => {
    const res = await cypher('MATCH p = (c:Company {id: $id})-[:OWNS_STAKE]->(port)-[:LOCATED_IN]->(country) RETURN p, port.kind AS kind', { id: 'company:cosco' }).expect(200);
    const result = QueryResultSchema.parse(res.body);
    expect(result.kind).toBe('graph');
    expect(result.graph.nodes.map((n) => n.id).sort()).toEqual(['company:cosco', 'country:PER', 'place:chancay-port']);
    expect(result.graph.edges).toHaveLength(2);
    expect(result.table.columns).toEqual(['p', 'kind']);
    expect(result.table.rows[0]![0]).toEqual({ nodes: ['company:cosco', 'place:chancay-port', 'country:PER'], edges: expect.any(Array) });

    const values = await cypher(
      "RETURN date('2024-05-01') AS d, datetime('2024-05-01T10:00:00Z') AS dt, point({x: 1, y: 2}) AS pt, $n AS n, [1, 2.5] AS list, {a: 1} AS map",
      { n: 3 },
    ).expect(200);
    expect(values.body.kind).toBe('table');
    expect(values.body.table.rows[0]).toEqual(['2024-05-01', '2024-05-01T10:00:00Z', { srid: 7203, x: 1, y: 2 }, 3, [1, 2.5], { a: 1 }]);
  });

  it('fetches endpoints of relationships returned alone, and unrolls lists of nodes', async () => {
    const res = await cypher("MATCH (:Company {id: 'company:cosco'})-[r:OWNS_STAKE]->() RETURN r").expect(200);
    expect(res.body.graph.edges[0]).toMatchObject({ source: 'company:cosco', target: 'place:chancay-port' });
    expect(res.body.graph.nodes.map((n: { id: string }) => n.id).sort()).toEqual(['company:cosco', 'place:chancay-port']);
    const listed = await cypher("MATCH (c:Country) WHERE c.id IN ['country:CHN', 'country:RUS'] RETURN collect(c) AS cs, {first: head(collect(c))} AS m").expect(200);
    expect(listed.body.graph.nodes).toHaveLength(2);
  });

  it('drops Story bodies from graph responses but keeps titles', async () => {
    const res = await cypher('MATCH (s:Story) RETURN s LIMIT 1').expect(200);
    expect(res.body.graph.nodes[0].props.body).toBeUndefined();
    expect(res.body.graph.nodes[0].props.title).toEqual(expect.any(String));
  });

  it('caps rows and elements at NEWSGRAPH_MAX_ELEMENTS and says so', async () => {
    const rows = await cypher('UNWIND range(1, 1000) AS i RETURN i').expect(200);
    expect(rows.body.table.rows).toHaveLength(50);
    expect(rows.body.table.truncated).toBe(true);
    const nodes = await cypher('MATCH (n:Entity) RETURN n').expect(200);
    expect(nodes.body.graph.nodes).toHaveLength(50);
    expect(nodes.body.graph.truncated).toBe(true);
    const exact = await cypher('UNWIND range(1, 50) AS i RETURN i').expect(200);
    expect(exact.body.table.truncated).toBe(false);
  });

  it('refuses writes and changes nothing', async () => {
    const before = await counts(db);
    for (const query of [
      "CREATE (:Intruder {name: 'x'})",
      'MATCH (n) DETACH DELETE n',
      "MATCH (c:Country) SET c.name = 'owned'",
      "MERGE (c:Country {id: 'country:ZZZ'})",
      'CREATE INDEX intruder IF NOT EXISTS FOR (n:Intruder) ON (n.x)',
      "CALL db.createLabel('Intruder')",
      "CALL dbms.setConfigValue('db.logs.query.enabled', 'OFF')",
      "CALL dbms.security.createUser('mallory', 'secret', false)",
      "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line",
      'MATCH (n) RETURN n; MATCH (n) DETACH DELETE n',
      "UNWIND range(1, 3) AS i CALL (i) { CREATE (:Intruder {i: i}) } IN TRANSACTIONS OF 1 ROW",
      'CALL `dbms`.`killQueries`([])',
      "CALL/**/apoc.cypher.runWrite('CREATE (n)', {})",
    ]) {
      const res = await cypher(query);
      expect(res.status, query).toBe(400);
      expect(res.body.error.code, query).toBe('query_not_allowed');
      expect(JSON.stringify(res.body)).not.toMatch(/at .*\.(ts|js):\d+/);
    }
    expect(await counts(db)).toEqual(before);
    const names = await cypher("MATCH (c:Country {id: 'country:CHN'}) RETURN c.name AS name").expect(200);
    expect(names.body.table.rows).toEqual([['China']]);
  });

  it('allows the listed procedures', async () => {
    const res = await cypher('CALL db.labels() YIELD label RETURN label ORDER BY label').expect(200);
    expect(res.body.table.rows.flat()).toContain('Country');
  });

  it('answers 400 with the database message for a syntax error, and for a bad body', async () => {
    const res = await cypher('MATCH (n RETURN n').expect(400);
    expect(res.body.error.code).toBe('bad_request');
    expect(res.body.error.details.neo4jCode).toMatch(/SyntaxError/);
    await request(app).post('/api/cypher').send({ query: '' }).expect(400);
    await request(app).post('/api/cypher').send({ params: {} }).expect(400);
    const notJson = await request(app).post('/api/cypher').set('Content-Type', 'application/json').send('{"query":').expect(400);
    expect(notJson.body.error.code).toBe('bad_request');
  });

  it('answers 413 with JSON for a body over the limit', async () => {
    const res = await request(app).post('/api/cypher').send({ query: 'RETURN 1', params: { big: 'x'.repeat(1_100_000) } }).expect(413);
    expect(res.body.error.code).toBe('payload_too_large');
  });
});

describe('timeouts', () => {
  it('stops a long query with 504 and keeps serving', async () => {
    const slow = createApp({ db, config: testConfig({ NEWSGRAPH_QUERY_TIMEOUT_MS: '1500' }), log: () => {} });
    const started = Date.now();
    const res = await request(slow).post('/api/cypher').send({ query: 'UNWIND range(1, 100000) AS x UNWIND range(1, 100000) AS y RETURN count(*) AS n' }).expect(504);
    expect(res.body.error.code).toBe('query_timeout');
    expect(Date.now() - started).toBeLessThan(15_000);
    const health = await request(slow).get('/api/health').expect(200);
    expect(health.body.status).toBe('ok');
    // No transaction of ours is left running on the server.
    const { records } = await db.driver.executeQuery('SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery STARTS WITH "UNWIND range(1, 100000)" RETURN count(*) AS n', {}, { database: db.name });
    expect(Number(records[0]!.get('n'))).toBe(0);
  });
});

describe('database down', () => {
  it('answers 503 with a JSON error on every kind of endpoint', async () => {
    const driver = createDriver('bolt://127.0.0.1:1', 'neo4j', '');
    const down = createApp({ db: { driver, name: undefined, uri: 'bolt://127.0.0.1:1', close: () => driver.close() }, config: testConfig(), log: () => {} });
    try {
      for (const call of [
        request(down).get('/api/search').query({ q: 'china' }),
        request(down).post('/api/cypher').send({ query: 'RETURN 1' }),
        request(down).post('/api/queries/china-russia-trade/run').send({}),
        request(down).get('/api/entities/country:CHN'),
      ]) {
        const res = await call;
        expect(res.status).toBe(503);
        expect(res.body.error.code).toBe('database_unavailable');
      }
    } finally {
      await driver.close();
    }
  });
});
