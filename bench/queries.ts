/**
 * Query benchmark on a seeded graph: p50/p95/p99 latency and requests/s of the API under
 * autocannon (several concurrent connections) for search, expand at depth 1 and 2 from a hub
 * (China), path, and every saved query. Baselines in the same run:
 *   - the same Cypher (recorded from the API, with the same parameters) through the driver directly,
 *     with the same concurrency and duration → the API's overhead ratio;
 *   - a bare `node:http` endpoint under the same autocannon settings.
 * The API runs in a child process (bench/api-process.ts), so the API, the load generator and the
 * driver baseline each have an event loop of their own. Latencies are every response's own time
 * (autocannon's `response` event), so p95 is a true p95.
 * Saved queries are measured twice: with the result cache disabled (every request runs the query),
 * and with it enabled after one warming request (what repeated runs cost), in a separate table.
 *
 *   npm run bench:queries -- [--stories 10000] [--seconds 10] [--connections 10] [--rounds 2] [--only <text>]
 * Each scenario: 1 s of warm-up on both paths, then `rounds` × (API `seconds`, driver `seconds`),
 * alternating so slow phases of a shared machine hit both; percentiles over the pooled samples.
 * The seeded store is kept in .data/bench/store-<N> and reused by later runs.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { freePort, startBundledNeo4j } from '../db/bundled-neo4j.js';
import { createDriver, type Database } from '../db/connect.js';
import { applySchema } from '../db/schema.js';
import { seedCorpus } from '../seed/pipeline.js';
import { corpusDir } from './ingest-batches.js';
import { parseRecorded, type RecordedQuery } from './recording-db.js';

interface Scenario {
  name: string;
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
}

interface Samples {
  latencies: number[];
  seconds: number;
  errors: number;
}

interface Figures {
  p50: number;
  p95: number;
  p99: number;
  rps: number;
  errors: number;
}

/**
 * CPU time of a process in ms, from /proc (Linux): on a shared machine wall-clock latency moves 2–4×
 * with other jobs' load, while CPU time per request does not, so the overhead is also given in CPU.
 */
const CLOCK_TICKS = Number(spawnSync('getconf', ['CLK_TCK']).stdout?.toString().trim()) || 100;
function cpuMs(pid: number): number {
  try {
    // Fields after the command name (which is in parentheses and may hold spaces): utime is the 12th, stime the 13th.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return Number.NaN;
  }
}

/** The pid of the bundled Neo4j serving `store` (its JVM command line names the store). */
function neo4jPid(store: string): number {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (cmdline.startsWith('java') && cmdline.includes(`-Dnewsgraph.dataDir=${store}`)) return Number(entry);
    } catch {
      // gone meanwhile
    }
  }
  return 0;
}

async function seededDatabase(stories: number): Promise<{ db: Database; password: string; stop: () => Promise<void>; pid: number }> {
  const store = path.resolve('.data', 'bench', `store-${stories}`);
  const marker = path.join(store, 'SEEDED');
  mkdirSync(store, { recursive: true });
  const neo4j = await startBundledNeo4j({ dataDir: store, boltPort: await freePort(), heap: '2g', pageCache: '4g', log: () => {} });
  const driver = createDriver(neo4j.uri, neo4j.user, neo4j.password);
  const db: Database = { driver, name: undefined, uri: neo4j.uri, close: () => driver.close() };
  await applySchema(db);
  if (!existsSync(marker)) {
    const corpus = corpusDir(stories);
    console.error(`Seeding ${stories} stories into ${store} (kept for later runs)…`);
    const summary = await seedCorpus(db, { dir: corpus, reset: true, onProgress: (p) => process.stderr.write(`\r  ${p.filesDone}/${p.filesTotal} files`) });
    console.error(`\n  seeded in ${summary.seconds.toFixed(0)} s`);
    writeFileSync(marker, new Date().toISOString());
  }
  return { db, password: neo4j.password, stop: async () => { await driver.close(); await neo4j.stop(); }, pid: neo4jPid(store) };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** Figures over the samples of several runs pooled together. */
function figures(runs: Samples[]): Figures {
  const latencies = runs.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const seconds = runs.reduce((sum, r) => sum + r.seconds, 0);
  const errors = runs.reduce((sum, r) => sum + r.errors, 0);
  return { p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99), rps: latencies.length / seconds, errors };
}

/** autocannon against one scenario; percentiles from every response's own latency. */
function cannon(url: string, scenario: Scenario, seconds: number, connections: number): Promise<Samples> {
  const latencies: number[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon(
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
        resolve({ latencies, seconds, errors: result.errors + result.non2xx });
      },
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
}

/** The recorded Cypher through the driver directly: `connections` workers for `seconds`. */
async function direct(db: Database, queries: RecordedQuery[], seconds: number, connections: number): Promise<Samples> {
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
  return { latencies, seconds, errors };
}

interface ApiProcess {
  api: string;
  bare: string;
  pid: number;
  /** The Cypher the API ran since the last call. */
  take(): Promise<RecordedQuery[]>;
  stop(): Promise<void>;
}

/** Starts bench/api-process.ts in its own Node process (tsx loader) against `uri`. */
async function startApi(uri: string, password: string, env: Record<string, string>): Promise<ApiProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('bench', 'api-process.ts')], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, NEO4J_URI: uri, NEO4J_PASSWORD: password, NEWSGRAPH_SEED_ON_START: '0', ...env },
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const urls = await new Promise<{ api: string; bare: string }>((resolve, reject) => {
    child.once('message', (m) => resolve(m as { api: string; bare: string }));
    child.once('exit', (code) => reject(new Error(`bench/api-process.ts exited with code ${code}`)));
  });
  return {
    ...urls,
    pid: child.pid!,
    take: () =>
      new Promise((resolve) => {
        child.once('message', (m) => resolve(parseRecorded(m as string)));
        child.send('take');
      }),
    stop: async () => {
      child.disconnect();
      await exited;
    },
  };
}

const ms = (n: number) => n.toFixed(1);
const ratio = (a: number, b: number) => (a / Math.max(b, 1e-9)).toFixed(2);

async function request(url: string, scenario: Scenario): Promise<Record<string, unknown>> {
  const res = await fetch(url + scenario.path, { method: scenario.method, body: scenario.body ? JSON.stringify(scenario.body) : undefined, headers: { 'content-type': 'application/json' } });
  if (!res.ok) throw new Error(`${scenario.name}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as Record<string, unknown>;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      stories: { type: 'string', default: '1000' },
      seconds: { type: 'string', default: '10' },
      connections: { type: 'string', default: '10' },
      rounds: { type: 'string', default: '2' },
      only: { type: 'string' },
    },
  });
  const rounds = Number(values.rounds);
  const stories = Number(values.stories);
  const seconds = Number(values.seconds);
  const connections = Number(values.connections);
  const { db, password, stop, pid: dbPid } = await seededDatabase(stories);
  const parentCpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
  const cpuRows: string[] = [];
  // First the API with the result cache disabled: every saved-query request runs the query.
  let api = await startApi(db.uri, password, { NEWSGRAPH_QUERY_CACHE_TTL_MS: '0' });
  try {
    const saved = (await (await fetch(`${api.api}/api/queries`)).json()) as { queries: Array<{ name: string; source: string }> };
    const savedScenarios = saved.queries
      .filter((q) => q.source === 'file')
      .map((q): Scenario => ({ name: `saved: ${q.name}`, method: 'POST', path: `/api/queries/${q.name}/run`, body: { params: {} } }));
    const all: Scenario[] = [
      { name: 'search "china"', method: 'GET', path: '/api/search?q=china' },
      { name: 'search "gazprm" (typo)', method: 'GET', path: '/api/search?q=gazprm' },
      { name: 'search "china", types=Company', method: 'GET', path: '/api/search?q=china&types=Company' },
      { name: 'expand China, depth 1', method: 'POST', path: '/api/graph/expand', body: { ids: ['country:CHN'], depth: 1, limit: 200 } },
      { name: 'expand China, depth 2', method: 'POST', path: '/api/graph/expand', body: { ids: ['country:CHN'], depth: 2, limit: 500 } },
      { name: 'path China → Peru', method: 'GET', path: '/api/graph/path?from=country:CHN&to=country:PER&maxHops=4' },
      ...savedScenarios,
    ];
    const wanted = (s: Scenario) => !values.only || s.name.includes(values.only);
    console.log(
      `\nQueries on ${stories} stories: ${connections} connections; per scenario 1 s of warm-up each, then ${rounds} rounds of ${seconds} s API, ${seconds} s driver, alternating (samples pooled). API in its own process, saved-query cache disabled. Latency in ms.`,
    );
    console.log('| scenario | API p50 | API p95 | API p99 | API req/s | driver p50 | driver p95 | driver p99 | driver req/s | overhead (driver req/s ÷ API req/s) | p50 ratio (API ÷ driver) | errors |');
    console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const scenario of all.filter(wanted)) {
      // One request records the Cypher the API sends for it (and warms the plan cache).
      await api.take();
      await request(api.api, scenario);
      const queries = await api.take();
      // Warm both paths (JIT, plan cache, pools), then alternate so both see the same machine load.
      await cannon(api.api, scenario, 1, connections);
      await direct(db, queries, 1, connections);
      const apiRuns: Samples[] = [];
      const driverRuns: Samples[] = [];
      // CPU ms spent by each process while each path ran (summed over the rounds).
      const cpu = { apiDb: 0, api: 0, driverDb: 0, client: 0 };
      for (let round = 0; round < rounds; round++) {
        let db0 = cpuMs(dbPid);
        const api0 = cpuMs(api.pid);
        apiRuns.push(await cannon(api.api, scenario, seconds, connections));
        cpu.apiDb += cpuMs(dbPid) - db0;
        cpu.api += cpuMs(api.pid) - api0;
        db0 = cpuMs(dbPid);
        const client0 = parentCpu();
        driverRuns.push(await direct(db, queries, seconds, connections));
        cpu.driverDb += cpuMs(dbPid) - db0;
        cpu.client += parentCpu() - client0;
      }
      const viaApi = figures(apiRuns);
      const viaDriver = figures(driverRuns);
      const apiRequests = apiRuns.reduce((n, r) => n + r.latencies.length, 0);
      const driverRequests = driverRuns.reduce((n, r) => n + r.latencies.length, 0);
      const per = (ms: number, n: number) => ms / Math.max(n, 1);
      const apiDb = per(cpu.apiDb, apiRequests);
      const apiOwn = per(cpu.api, apiRequests);
      const driverDb = per(cpu.driverDb, driverRequests);
      const client = per(cpu.client, driverRequests);
      cpuRows.push(`| ${scenario.name} | ${apiDb.toFixed(2)} | ${apiOwn.toFixed(2)} | ${driverDb.toFixed(2)} | ${client.toFixed(2)} | ${ratio(apiDb + apiOwn, driverDb + client)} |`);
      console.log(
        `| ${scenario.name} | ${ms(viaApi.p50)} | ${ms(viaApi.p95)} | ${ms(viaApi.p99)} | ${viaApi.rps.toFixed(0)} | ${ms(viaDriver.p50)} | ${ms(viaDriver.p95)} | ${ms(viaDriver.p99)} | ${viaDriver.rps.toFixed(0)} | ${ratio(viaDriver.rps, viaApi.rps)} | ${ratio(viaApi.p50, viaDriver.p50)} | ${viaApi.errors + viaDriver.errors} |`,
      );
    }
    console.log('\nCPU time per request in ms (from /proc; includes the processes\' idle overheads), the overhead in CPU rather than wall-clock terms:');
    console.log('| scenario | Neo4j, API path | API process | Neo4j, driver path | driver client | CPU overhead ((Neo4j + API) ÷ (Neo4j + driver client)) |');
    console.log('|---|---:|---:|---:|---:|---:|');
    for (const row of cpuRows) console.log(row);
    if (!values.only) {
      const health = figures([await cannon(api.api, { name: 'health', method: 'GET', path: '/api/health' }, seconds, connections)]);
      const plain = figures([await cannon(api.bare, { name: 'bare', method: 'GET', path: '/' }, seconds, connections)]);
      const search = figures([await cannon(api.api, all[0]!, seconds, connections)]);
      console.log('\n| endpoint (same API process) | req/s | p50 ms | p95 ms | p99 ms |');
      console.log('|---|---:|---:|---:|---:|');
      console.log(`| bare node:http | ${plain.rps.toFixed(0)} | ${ms(plain.p50)} | ${ms(plain.p95)} | ${ms(plain.p99)} |`);
      console.log(`| API GET /api/health (3 Neo4j calls) | ${health.rps.toFixed(0)} | ${ms(health.p50)} | ${ms(health.p95)} | ${ms(health.p99)} |`);
      console.log(`| API GET /api/search?q=china | ${search.rps.toFixed(0)} | ${ms(search.p50)} | ${ms(search.p95)} | ${ms(search.p99)} |`);
    }

    // Then the same saved queries with the cache on: one warming request, then the load.
    await api.stop();
    api = await startApi(db.uri, password, { NEWSGRAPH_QUERY_CACHE_TTL_MS: '600000' });
    const cachedScenarios = savedScenarios.filter(wanted);
    if (cachedScenarios.length > 0) {
      console.log(`\nSaved queries answered from the result cache (CACHED: after one warming request; the table above is the uncached cost).`);
      console.log('| scenario | first request ms (uncached) | CACHED p50 | CACHED p95 | CACHED p99 | CACHED req/s | errors |');
      console.log('|---|---:|---:|---:|---:|---:|---:|');
    }
    for (const scenario of cachedScenarios) {
      const t = performance.now();
      const first = await request(api.api, scenario);
      const firstMs = performance.now() - t;
      const second = await request(api.api, scenario);
      if (first.cached === undefined) {
        console.log('| (this API has no result cache) | | | | | | |');
        break;
      }
      if (first.cached !== false || second.cached !== true) throw new Error(`${scenario.name}: expected an uncached, then a cached answer`);
      const viaCache = figures([await cannon(api.api, scenario, seconds, connections)]);
      console.log(`| ${scenario.name} | ${firstMs.toFixed(0)} | ${ms(viaCache.p50)} | ${ms(viaCache.p95)} | ${ms(viaCache.p99)} | ${viaCache.rps.toFixed(0)} | ${viaCache.errors} |`);
    }
  } finally {
    await api.stop();
    await stop();
  }
}

await main();
