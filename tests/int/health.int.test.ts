import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { createDriver } from '../../db/connect.js';
import { testConfig, testDatabase } from './helpers.js';

const db = testDatabase();
afterAll(() => db.close());

describe('GET /api/health', () => {
  it('reports the real server version and graph counts', async () => {
    const app = createApp({ db, config: testConfig() });
    const res = await request(app).get('/api/health').expect(200);
    expect(res.body.status).toBe('ok');
    expect(res.body.database.version).toMatch(/^5\./);
    expect(res.body.database.agent).toMatch(/^Neo4j\//);
    expect(Number.isInteger(res.body.counts.nodes)).toBe(true);
    expect(Number.isInteger(res.body.counts.relationships)).toBe(true);
  });

  it('answers 503 with a JSON error when the database is unreachable', async () => {
    // A port nothing listens on: the driver cannot connect.
    const driver = createDriver('bolt://127.0.0.1:1', 'neo4j', '');
    const unreachable = { driver, name: undefined, uri: 'bolt://127.0.0.1:1', close: () => driver.close() };
    const app = createApp({ db: unreachable, config: testConfig(), log: () => {} });
    const res = await request(app).get('/api/health').expect(503);
    expect(res.headers['content-type']).toMatch(/json/);
    expect(res.body.error.code).toBe('database_unavailable');
    expect(res.body.error.message).toMatch(/not reachable/);
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.ts:\d+/);
    // No driver text: it names hosts and ports, and means nothing to an API client.
    expect(JSON.stringify(res.body)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|Neo4jError|connect to server/i);
    await unreachable.close();
  });

  it('answers unknown API routes with a JSON 404', async () => {
    const app = createApp({ db, config: testConfig() });
    const res = await request(app).get('/api/nothing-here').expect(404);
    expect(res.body.error.code).toBe('not_found');
  });
});
