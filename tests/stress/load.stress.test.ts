/**
 * Sustained load: a mixed workload (search, expand, saved queries, export) for 60 s at 50
 * concurrent connections against the real API and database, seeded with the sample: zero errors,
 * p99 reported.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import autocannon from 'autocannon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { seedSample } from '../int/api-fixture.js';
import { testConfig, testDatabase } from '../int/helpers.js';

const db = testDatabase();
const server = http.createServer(createApp({ db, config: testConfig({ NEWSGRAPH_QUERY_TIMEOUT_MS: '15000' }), log: () => {} }));
let url = '';

beforeAll(async () => {
  await seedSample(db);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.close();
  await db.close();
});

const json = { 'content-type': 'application/json' };

describe('mixed load', () => {
  it('serves 60 s at 50 connections with zero errors', async () => {
    const result = await autocannon({
      url,
      connections: 50,
      duration: Number(process.env.NEWSGRAPH_LOAD_SECONDS ?? 60),
      requests: [
        { method: 'GET', path: '/api/search?q=china' },
        { method: 'POST', path: '/api/graph/expand', headers: json, body: JSON.stringify({ ids: ['country:CHN'], depth: 1, limit: 200 }) },
        { method: 'POST', path: '/api/queries/china-russia-trade/run', headers: json, body: JSON.stringify({ params: {} }) },
        { method: 'POST', path: '/api/queries/port-ownership/run', headers: json, body: JSON.stringify({ params: {} }) },
        { method: 'GET', path: '/api/search?q=cosco' },
        { method: 'POST', path: '/api/export', headers: json, body: JSON.stringify({ ids: ['country:CHN', 'country:RUS'], format: 'graphml' }) },
      ],
    });
    console.log(`mixed load: ${result.requests.total} requests, ${result.requests.average} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, errors ${result.errors}, non-2xx ${result.non2xx}, timeouts ${result.timeouts}`);
    expect(result.requests.total).toBeGreaterThan(100);
    expect(result.errors).toBe(0);
    expect(result.timeouts).toBe(0);
    expect(result.non2xx).toBe(0);
  });
});
