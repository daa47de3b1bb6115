/**
 * Query benchmark on a seeded graph: p50/p95/p99 latency and requests/s of the API under
 * autocannon (several concurrent connections) for search, expand at depth 1 and 2 from a hub
 * (China), path, and every saved query. Baselines in the same run:
 *   - the same Cypher (recorded from the API, with the same parameters) through the driver directly,
 *     with the same concurrency and duration → the API's overhead ratio;
 *   - a bare `node:http` endpoint under the same autocannon settings.
 *
 *   npm run bench:queries -- [--stories 10000] [--seconds 10] [--connections 10]
 * The seeded store is kept in .data/bench/store-<N> and reused by later runs.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { createApp } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { freePort, startBundledNeo4j } from '../server/db/bundled-neo4j.js';
import { createDriver, type Database } from '../server/db/connect.js';
import { applySchema } from '../server/db/schema.js';
import { seedCorpus } from '../seed/pipeline.js';
import { writeCorpus } from './generate.js';
import { recordingDatabase, type RecordedQuery } from './recording-db.js';

interface Scenario {
  name: string;
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
}

interface Figures {
  p50: number;
  p95: number;
  p99: number;
  rps: number;
  errors: number;
}

async function seededDatabase(stories: number): Promise<{ db: Database; stop: () => Promise<void> }> {
  const store = path.resolve('.data', 'bench', `store-${stories}`);
  const marker = path.join(store, 'SEEDED');
  mkdirSync(store, { recursive: true });
  const neo4j = await startBundledNeo4j({ dataDir: store, boltPort: await freePort(), heap: '2g', pageCache: '2g', log: () => {} });
  const driver = createDriver(neo4j.uri, 'neo4j', '');
  const db: Database = { driver, name: undefined, uri: neo4j.uri, close: () => driver.close() };
  await applySchema(db);
  if (!existsSync(marker)) {
    const corpus = path.resolve('.data', 'bench', String(stories));
    if (!existsSync(corpus)) writeCorpus(stories, corpus);
    console.error(`Seeding ${stories} stories into ${store} (kept for later runs)…`);
    const summary = await seedCorpus(db, { dir: corpus, reset: true, onProgress: (p) => process.stderr.write(`\r  ${p.filesDone}/${p.filesTotal} files`) });
    console.error(`\n  seeded in ${summary.seconds.toFixed(0)} s`);
    writeFileSync(marker, new Date().toISOString());
  }
  return { db, stop: async () => { await driver.close(); await neo4j.stop(); } };
}

function cannon(url: string, scenario: Scenario, seconds: number, connections: number): Promise<Figures> {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: url + scenario.path,
        method: scenario.method,
        body: scenario.body ? JSON.stringify(scenario.body) : undefined,
        headers: scenario.body ? { 'content-type': 'application/json' } : undefined,
        duration: seconds,
        connections,
      },
      (error, result) => {
        if (error) return reject(error);
        resolve({
          p50: result.latency.p50,
          // autocannon reports p97.5, not p95: the API's column says so.
          p95: result.latency.p97_5,
          p99: result.latency.p99,
          rps: result.requests.average,
          errors: result.errors + result.non2xx,
        });
      },
    );
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** The recorded Cypher through the driver directly: `connections` workers for `seconds`. */
async function direct(db: Database, queries: RecordedQuery[], seconds: number, connections: number): Promise<Figures> {
  const latencies: number[] = [];
  let errors = 0;
  const end = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (Date.now() < end) {
        const t = performance.now();
        const session = db.driver.session({ database: db.name, defaultAccessMode: 'READ' });
        try {
          await session.executeRead(async (tx) => {
            for (const q of queries) await tx.run(q.cypher, q.params);
          });
        } catch {
          errors++;
        } finally {
          await session.close();
        }
        latencies.push(performance.now() - t);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99), rps: latencies.length / seconds, errors };
}

async function listen(server: http.Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { stories: { type: 'string', default: '1000' }, seconds: { type: 'string', default: '10' }, connections: { type: 'string', default: '10' } } });
  const stories = Number(values.stories);
  const seconds = Number(values.seconds);
  const connections = Number(values.connections);
  const { db, stop } = await seededDatabase(stories);
  const recorded: RecordedQuery[] = [];
  const app = createApp({ db: recordingDatabase(db, recorded), config: loadConfig({ NEO4J_URI: db.uri }), log: () => {} });
  const api = http.createServer(app);
  const bare = http.createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end('{"ok":true}');
  });
  try {
    const url = await listen(api);
    const bareUrl = await listen(bare);
    const saved = (await (await fetch(`${url}/api/queries`)).json()) as { queries: Array<{ name: string }> };
    const scenarios: Scenario[] = [
      { name: 'search "china"', method: 'GET', path: '/api/search?q=china' },
      { name: 'search "gazprm" (typo)', method: 'GET', path: '/api/search?q=gazprm' },
      { name: 'expand China, depth 1', method: 'POST', path: '/api/graph/expand', body: { ids: ['country:CHN'], depth: 1, limit: 200 } },
      { name: 'expand China, depth 2', method: 'POST', path: '/api/graph/expand', body: { ids: ['country:CHN'], depth: 2, limit: 500 } },
      { name: 'path China → Peru', method: 'GET', path: '/api/graph/path?from=country:CHN&to=country:PER&maxHops=4' },
      ...saved.queries.map((q): Scenario => ({ name: `saved: ${q.name}`, method: 'POST', path: `/api/queries/${q.name}/run`, body: { params: {} } })),
    ];
    console.log(`\nQueries on ${stories} stories: ${connections} connections, ${seconds} s each. Latency in ms.`);
    console.log('| scenario | API p50 | API p97.5 | API p99 | API req/s | driver p50 | driver p95 | driver req/s | overhead (driver req/s ÷ API req/s) | errors |');
    console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const scenario of scenarios) {
      // One request records the Cypher the API sends for it (and warms the plan cache).
      recorded.length = 0;
      await fetch(url + scenario.path, { method: scenario.method, body: scenario.body ? JSON.stringify(scenario.body) : undefined, headers: { 'content-type': 'application/json' } });
      const queries = [...recorded];
      const viaApi = await cannon(url, scenario, seconds, connections);
      const viaDriver = await direct(db, queries, seconds, connections);
      console.log(
        `| ${scenario.name} | ${viaApi.p50.toFixed(1)} | ${viaApi.p95.toFixed(1)} | ${viaApi.p99.toFixed(1)} | ${viaApi.rps.toFixed(0)} | ${viaDriver.p50.toFixed(1)} | ${viaDriver.p95.toFixed(1)} | ${viaDriver.rps.toFixed(0)} | ${(viaDriver.rps / Math.max(viaApi.rps, 1e-9)).toFixed(2)} | ${viaApi.errors + viaDriver.errors} |`,
      );
    }
    const health = await cannon(url, { name: 'health', method: 'GET', path: '/api/health' }, seconds, connections);
    const plain = await cannon(bareUrl, { name: 'bare', method: 'GET', path: '/' }, seconds, connections);
    console.log('\n| endpoint | req/s | p50 ms | p99 ms |');
    console.log('|---|---:|---:|---:|');
    console.log(`| bare node:http | ${plain.rps.toFixed(0)} | ${plain.p50.toFixed(1)} | ${plain.p99.toFixed(1)} |`);
    console.log(`| API GET /api/health (3 Neo4j calls) | ${health.rps.toFixed(0)} | ${health.p50.toFixed(1)} | ${health.p99.toFixed(1)} |`);
    const search = await cannon(url, scenarios[0]!, seconds, connections);
    console.log(`| API GET /api/search?q=china | ${search.rps.toFixed(0)} | ${search.p50.toFixed(1)} | ${search.p99.toFixed(1)} |`);
  } finally {
    api.close();
    bare.close();
    await stop();
  }
}

await main();
