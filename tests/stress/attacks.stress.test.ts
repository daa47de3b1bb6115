/**
 * The attack families of the security review, re-run against the whole app as `npm start` builds it
 * (startApp: real HTTP server, real Neo4j with its lockdown settings), over raw HTTP so Host, Origin
 * and Sec-Fetch-Site are sent exactly as an attacker's browser or script would send them.
 *
 * For every family: nothing that should be refused is accepted, no answer is a 500, every answer
 * comes within the query timeout plus one second, and (for the refused families) a checksum of the
 * whole database is the same before and after.
 */
import { createHash } from 'node:crypto';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../../server/lifecycle.js';
import { seedSample } from '../int/api-fixture.js';
import { testDatabase, testDatabaseEnv } from '../int/helpers.js';

const TIMEOUT_MS = 3_000;
const db = testDatabase();
let app: RunningApp;
let port = 0;

interface Answer {
  status: number;
  body: string;
  ms: number;
}

/** One raw HTTP request to the app; `headers` go out exactly as given (Host included). */
function send(method: string, path: string, options: { headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method, path, headers: { Host: `127.0.0.1:${port}`, ...options.headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), ms: performance.now() - started }));
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}
const json = (body: unknown) => ({ headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

/** Every answer of the review's families must be a JSON error or success, never a 500, never late. */
function expectWellBehaved(answer: Answer, what: string): void {
  expect(answer.status, `${what}: ${answer.body.slice(0, 300)}`).not.toBe(500);
  expect(answer.ms, `${what} answered after ${Math.round(answer.ms)} ms`).toBeLessThan(TIMEOUT_MS + 1_000);
  expect(answer.body, what).not.toMatch(/\n\s+at |ECONNREFUSED|Neo4jError|root:x:0:0/);
  if (answer.status >= 400) expect(() => JSON.parse(answer.body), `${what}: error body is JSON`).not.toThrow();
}
function expectRefused(answer: Answer, what: string): void {
  expectWellBehaved(answer, what);
  expect(answer.status, `${what} was accepted: ${answer.body.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
}

async function checksum(): Promise<string> {
  const hash = createHash('sha256');
  const replacer = (_k: string, v: unknown) => (typeof v === 'bigint' ? v.toString() : v);
  for (const query of [
    'MATCH (n) RETURN labels(n) AS l, properties(n) AS p ORDER BY elementId(n)',
    'MATCH (a)-[r]->(b) RETURN type(r) AS t, elementId(a) AS a, elementId(b) AS b, properties(r) AS p ORDER BY elementId(r)',
    'SHOW INDEXES YIELD name RETURN name ORDER BY name',
  ]) {
    for (const r of (await db.driver.executeQuery(query)).records) hash.update(JSON.stringify(r.toObject(), replacer));
  }
  return hash.digest('hex');
}

beforeAll(async () => {
  await seedSample(db);
  app = await startApp({
    // rules: this test is about HTTP bounds (a 1.9 MB flooding upload answered within the timeout), not
    // CoreNLP's speed; the NLP path's own bounds are in tests/int/nlp.int.test.ts
    env: {
      ...testDatabaseEnv(),
      NEWSGRAPH_EXTRACTOR: 'rules',
      PORT: '0',
      NEWSGRAPH_QUERY_TIMEOUT_MS: String(TIMEOUT_MS),
      NEWSGRAPH_SEED_ON_START: '0',
      NEWSGRAPH_API_TOKEN: 'attack-sentinel-token',
    },
    log: () => {},
  });
  port = Number(new URL(app.url).port);
});
afterAll(async () => {
  await app?.stop();
  await db.close();
});

/** Ten billion rows: no machine counts them within the timeout. */
const RUNAWAY = 'UNWIND range(1, 100000) AS x UNWIND range(1, 100000) AS y WITH x, y WHERE x + y < 0 RETURN count(*)';

const BYPASSES = [
  'CYPHER 5 SHOW USERS',
  'CYPHER 5 SHOW SETTINGS',
  'CYPHER runtime=slotted SHOW TRANSACTIONS',
  'CYPHER 5 TERMINATE TRANSACTIONS "neo4j-transaction-1"',
  'CALL\\u0020db.clearQueryCaches()',
  "WITH '\\u0027 AS a LOAD CSV FROM \\u0027file:///etc/passwd\\u0027 AS row RETURN row //'",
  "WITH '\\u0027 AS a LOAD CSV FROM \\u0027file:///proc/self/environ\\u0027 AS row RETURN row //'",
  "WITH '\\u0027 AS a LOAD CSV FROM \\u0027http://127.0.0.1:1/\\u0027 AS row RETURN row //'",
  'LOAD CSV FROM "file:///etc/passwd" AS row RETURN row',
  'CALL dbms.listConfig()',
  'MATCH (n) WITH n LIMIT 1 CALL { CREATE (:Pwned) } RETURN 1',
];

describe('the review’s attack families, re-run', () => {
  it('refuses every read-only bypass through ad-hoc Cypher, saved queries and export, and leaves the data as it was', async () => {
    const before = await checksum();
    const headers = { 'Content-Type': 'application/json', Authorization: 'Bearer attack-sentinel-token' };
    for (const query of BYPASSES) {
      expectRefused(await send('POST', '/api/cypher', json({ query })), `cypher ${query}`);
      expectRefused(await send('POST', '/api/export', json({ query, format: 'json' })), `export ${query}`);
      const saved = await send('POST', '/api/queries', { headers, body: JSON.stringify({ name: `attack-${createHash('sha1').update(query).digest('hex').slice(0, 8)}`, cypher: query }) });
      expectRefused(saved, `saved ${query}`);
    }
    for (const answer of [await send('POST', '/api/cypher', json({ query: 'RETURN 1' }))]) expect(answer.body).not.toContain('attack-sentinel-token');
    expectRefused(await send('POST', '/api/queries', { headers, body: JSON.stringify({ name: 'schema', cypher: 'MATCH (n) RETURN n LIMIT 1' }) }), 'a saved query named schema');
    expect(await checksum()).toBe(before);
  });

  it('refuses cross-site and rebinding writes, and stores nothing', async () => {
    const before = await checksum();
    const page = 'Pwned title\n\nA body that must never be stored.\n';
    expectRefused(await send('POST', '/api/stories', { headers: { 'Content-Type': 'text/plain', Origin: 'http://evil.example' }, body: page }), 'no-cors text/plain from another origin');
    expectRefused(await send('POST', '/api/stories', { headers: { 'Content-Type': 'text/plain', 'Sec-Fetch-Site': 'cross-site' }, body: page }), 'a cross-site form post');
    expectRefused(await send('POST', '/api/stories', { headers: { 'Content-Type': 'text/plain' }, body: page }), 'text/plain without the custom header');
    expectRefused(await send('POST', '/api/stories', { headers: { 'Content-Type': 'application/json', Host: 'evil.example' }, body: JSON.stringify({ title: 'x', body: 'y' }) }), 'a rebinding Host');
    expectRefused(await send('GET', '/api/health', { headers: { Host: 'rebound.evil.example:8080' } }), 'a read through a rebinding Host');
    expect(await checksum()).toBe(before);
  });

  it('answers runaway, oversized and malformed requests in time, with a named error', async () => {
    const before = await checksum();
    const manyParams = Object.fromEntries(Array.from({ length: 350 }, (_, i) => [`p${i}`, i]));
    const plus = Array.from({ length: 350 }, (_, i) => `$p${i}`).join('+');
    expectRefused(await send('POST', '/api/cypher', json({ query: `RETURN ${plus} AS x`, params: manyParams })), '350 parameters');
    expectWellBehaved(await send('POST', '/api/cypher', json({ query: `RETURN ${Array.from({ length: 9_990 }, () => '1').join('+')} AS x` })), 'a 9,990-term literal');
    // Sent as raw text: JSON.stringify itself overflows on such a value, the server's parser does not.
    const nested = `{"query":"RETURN $x AS x","params":{"x":${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}}}`;
    expectRefused(await send('POST', '/api/cypher', { headers: { 'Content-Type': 'application/json' }, body: nested }), 'params nested 5,000 deep');
    expectRefused(await send('GET', `/api/search?q=${'a'.repeat(17_000)}`), 'a URL over 16 KB');
    expectRefused(await send('POST', '/api/cypher', json({ query: RUNAWAY })), 'a runaway query');
    expect(await checksum()).toBe(before);
  });

  it('keeps serving others while 60 slow analyst queries hold the database', async () => {
    const slow = Array.from({ length: 60 }, () => send('POST', '/api/cypher', json({ query: RUNAWAY })));
    await new Promise((r) => setTimeout(r, 300));
    const search = await send('GET', '/api/search?q=china');
    expectWellBehaved(search, 'a search during the slow queries');
    expect(search.status).toBe(200);
    for (const answer of await Promise.all(slow)) {
      expectWellBehaved(answer, 'a slow query');
      expect([503, 504]).toContain(answer.status);
    }
  });

  it('survives one flooding upload and an export of its entities', async () => {
    // A text page just under the 2 MB limit, one fact sentence repeated: it is accepted, and stored
    // as one piece of evidence with a count.
    const sentence = 'China and Russia traded goods worth 200 billion dollars in 2023. ';
    const page = `A flooding story\n\n${sentence.repeat(Math.floor(1_900_000 / sentence.length))}\n\nSource: Flood Wire, May 1, 2024\n`;
    const upload = await send('POST', '/api/stories', { headers: { 'Content-Type': 'text/plain', 'X-Newsgraph-Request': '1', Authorization: 'Bearer attack-sentinel-token' }, body: page });
    expectWellBehaved(upload, 'the flooding upload');
    expect(upload.status, upload.body.slice(0, 300)).toBe(201);
    const during = send('GET', '/api/search?q=russia');
    const exported = await send('POST', '/api/export', json({ ids: ['country:CHN', 'country:RUS'], format: 'markdown' }));
    expectWellBehaved(exported, 'export of China and Russia');
    expect((await during).status).toBe(200);
  });
});
