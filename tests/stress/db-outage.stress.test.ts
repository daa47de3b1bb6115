/**
 * The database goes away under API load: requests get 503 with a clear message, and when the
 * database returns the same app (same driver, no restart) answers 200 again by itself.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { freePort, startBundledNeo4j, type BundledNeo4j } from '../../db/bundled-neo4j.js';
import { createDriver } from '../../db/connect.js';
import { applySchema } from '../../db/schema.js';

const store = mkdtempSync(path.join(os.tmpdir(), 'newsgraph-outage-'));
let neo4j: BundledNeo4j | undefined;
afterAll(async () => {
  await neo4j?.stop();
  rmSync(store, { recursive: true, force: true });
});

describe('database outage during API load', () => {
  it('answers 503 while the database is down and recovers without a restart', async () => {
    const port = await freePort();
    const start = () => startBundledNeo4j({ dataDir: store, boltPort: port, heap: '512m', pageCache: '128m', log: () => {} });
    neo4j = await start();
    const driver = createDriver(neo4j.uri, neo4j.user, neo4j.password);
    const db = { driver, name: undefined, uri: neo4j.uri, close: () => driver.close() };
    await applySchema(db);
    const app = createApp({ db, config: loadConfig({ NEO4J_URI: neo4j.uri, NEO4J_PASSWORD: neo4j.password }), log: () => {} });
    const load = () => Promise.all(Array.from({ length: 20 }, (_, i) => request(app).get(i % 2 ? '/api/health' : '/api/search?q=china')));

    for (const res of await load()) expect(res.status).toBe(200);

    await neo4j.stop();
    const during = await load();
    for (const res of during) {
      expect(res.status).toBe(503);
      expect(res.body.error.code).toBe('database_unavailable');
      expect(res.body.error.message).toMatch(/not reachable|unavailable/i);
    }

    neo4j = await start();
    // The driver reconnects by itself; allow it a few seconds to notice.
    const deadline = Date.now() + 30_000;
    let healthy = false;
    while (!healthy && Date.now() < deadline) {
      healthy = (await request(app).get('/api/health')).status === 200;
      if (!healthy) await new Promise((r) => setTimeout(r, 500));
    }
    expect(healthy).toBe(true);
    for (const res of await load()) expect(res.status).toBe(200);
    await driver.close();
  });
});
