/**
 * The NLP component against real servers: the test run's CoreNLP (tests/setup/global-neo4j.ts) and a
 * CoreNLP that is down, which is a port nothing listens on (a real refused connection, not a mock).
 * - CoreNLP down: ingest answers 503 nlp_unavailable naming it, and writes nothing; health stays 200.
 * - the annotation cache: a second client on the same cache makes no request.
 * - the CLI and NEWSGRAPH_EXTRACTOR choose the extractor.
 * - the bundled server listens on 127.0.0.1 only.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../db/jvm-child.js';
import { applySchema } from '../../db/schema.js';
import { AnnotationCache } from '../../nlp/cache.js';
import { createNlpClient } from '../../nlp/client.js';
import { corenlpProperties } from '../../nlp/properties.js';
import { resetGraph } from '../../seed/load/reset.js';
import { createApp } from '../../server/app.js';
import { testConfig, testDatabase, testDatabaseEnv, testNlpUri } from './helpers.js';

const db = testDatabase();
let downUri: string;

beforeAll(async () => {
  await applySchema(db);
  await resetGraph(db);
  downUri = `http://127.0.0.1:${await freePort()}`;
});
afterAll(async () => {
  await resetGraph(db);
  await db.close();
});

async function storiesTitled(prefix: string): Promise<Array<{ title: string; extractors: string[] }>> {
  const { records } = await db.driver.executeQuery(
    `MATCH (s:Story) WHERE s.title STARTS WITH $prefix
     OPTIONAL MATCH (ev:Evidence)-[:IN_STORY]->(s)
     RETURN s.title AS title, collect(DISTINCT ev.extractor) AS extractors ORDER BY title`,
    { prefix },
  );
  return records.map((r) => ({ title: r.get('title'), extractors: r.get('extractors') }));
}

async function totals(): Promise<{ nodes: number; relationships: number }> {
  const { records } = await db.driver.executeQuery('CALL { MATCH (n) RETURN count(n) AS nodes } CALL { MATCH ()-[r]->() RETURN count(r) AS relationships } RETURN nodes, relationships');
  return { nodes: records[0]!.get('nodes'), relationships: records[0]!.get('relationships') };
}

/** The title is in the body too: different stories are different texts to annotate (and to cache). */
const story = (title: string) => ({
  title,
  body: `${title}. China and Russia signed a trade agreement in Moscow. COSCO Shipping holds a 60 percent stake in the Chancay port in Peru.`,
  outlet: 'Reuters',
  published: '2025-01-15',
});

describe('ingest when CoreNLP is down', () => {
  it('answers 503 nlp_unavailable naming CoreNLP, and writes nothing (JSON story)', async () => {
    const app = createApp({ db, config: testConfig({ NEWSGRAPH_NLP_URI: downUri }), log: () => {} });
    const before = await totals();
    const res = await request(app).post('/api/stories').send(story('NLP down: JSON story')).expect(503);
    expect(res.headers['content-type']).toMatch(/json/);
    expect(res.headers['retry-after']).toBeDefined();
    expect(res.body.error.code).toBe('nlp_unavailable');
    expect(res.body.error.message).toMatch(/CoreNLP/);
    expect(res.body.error.message).toMatch(/nothing was extracted or written/);
    // no driver or fetch text, no address, no stack
    expect(JSON.stringify(res.body)).not.toMatch(/ECONNREFUSED|fetch failed|127\.0\.0\.1|at .*\.ts:\d+/);
    expect(await totals()).toEqual(before);
  });

  it('writes no story of a multi-story page either: the whole upload is annotated before any write', async () => {
    const app = createApp({ db, config: testConfig({ NEWSGRAPH_NLP_URI: downUri }), log: () => {} });
    const page = readFileSync(path.join('seed', 'data', '003_00ca51bd3cdac06e.txt'), 'utf8');
    const before = await totals();
    const res = await request(app).post('/api/stories').set('Content-Type', 'text/plain').set('X-Newsgraph-Request', '1').send(page).expect(503);
    expect(res.body.error.code).toBe('nlp_unavailable');
    expect(await totals()).toEqual(before);
  });

  it('answers 503 nlp_unavailable when the nlp extractor has no CoreNLP at all', async () => {
    const app = createApp({ db, config: testConfig({ NEWSGRAPH_NLP_URI: '' }), log: () => {} });
    const res = await request(app).post('/api/stories').send(story('NLP none')).expect(503);
    expect(res.body.error.code).toBe('nlp_unavailable');
    expect(await storiesTitled('NLP none')).toEqual([]);
  });
});

describe('ingest with each extractor', () => {
  it('nlp (the default) annotates on the real CoreNLP and records the nlp extractor', async () => {
    const app = createApp({ db, config: testConfig(), log: () => {} });
    const res = await request(app).post('/api/stories').send(story('NLP up: nlp story')).expect(201);
    expect(res.body.facts).toBeGreaterThan(0);
    expect(await storiesTitled('NLP up: nlp')).toEqual([{ title: 'NLP up: nlp story', extractors: ['newsgraph-nlp'] }]);
  });

  it('rules needs no CoreNLP: it works with CoreNLP down', async () => {
    const app = createApp({ db, config: testConfig({ NEWSGRAPH_EXTRACTOR: 'rules', NEWSGRAPH_NLP_URI: downUri }), log: () => {} });
    await request(app).post('/api/stories').send(story('NLP up: rules story')).expect(201);
    expect(await storiesTitled('NLP up: rules')).toEqual([{ title: 'NLP up: rules story', extractors: ['newsgraph-rules'] }]);
  });
});

describe('GET /api/health reports the NLP server without failing the database', () => {
  const nlpState = async (overrides: Record<string, string>) => {
    const res = await request(createApp({ db, config: testConfig(overrides), log: () => {} })).get('/api/health').expect(200);
    expect(res.body.status).toBe('ok');
    expect(res.body.database.reachable).toBe(true);
    return res.body.nlp;
  };
  it('up, down, not used', async () => {
    expect(await nlpState({})).toEqual({ state: 'up', extractor: 'nlp', server: 'Stanford CoreNLP' });
    expect(await nlpState({ NEWSGRAPH_NLP_URI: downUri })).toEqual({ state: 'down', extractor: 'nlp', server: 'Stanford CoreNLP' });
    expect(await nlpState({ NEWSGRAPH_EXTRACTOR: 'rules' })).toEqual({ state: 'not_used', extractor: 'rules', server: 'Stanford CoreNLP' });
  });
});

describe('the annotation cache', () => {
  it('serves unchanged texts without a request, across clients (content hash on disk)', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'newsgraph-nlp-cache-'));
    const cache = () => new AnnotationCache(dir, corenlpProperties().hash);
    const texts = ['Xi Jinping met Vladimir Putin in Moscow.', 'COSCO Shipping owns 60 percent of Chancay port.', 'Peru welcomed the investment.'];
    const first = createNlpClient({ uri: testNlpUri(), cache: cache() });
    const annotated = await first.annotateAll(texts);
    expect(first.requests).toBe(3);
    const second = createNlpClient({ uri: testNlpUri(), cache: cache() });
    expect(await second.annotateAll(texts)).toEqual(annotated);
    expect(second.requests).toBe(0);
    // a changed text is a miss
    await second.annotateAll([`${texts[0]} Then he left.`]);
    expect(second.requests).toBe(1);
    // and a server that is down is not asked for what the cache holds
    const offline = createNlpClient({ uri: downUri, cache: cache() });
    expect(await offline.annotateAll(texts)).toEqual(annotated);
    expect(offline.requests).toBe(0);
  });
});

describe('the seeding CLI chooses the extractor', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'newsgraph-cli-extractor-'));
  const seed = (args: string[], env: Record<string, string>) =>
    new Promise<{ code: number | null; out: string }>((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'seed/cli.ts', ...args], {
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NEWSGRAPH_DATA_DIR: dir, ...testDatabaseEnv(), ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      child.stdout.on('data', (c) => (out += c));
      child.stderr.on('data', (c) => (out += c));
      child.on('exit', (code) => resolve({ code, out }));
    });
  const file = (title: string) => {
    const f = path.join(dir, `${title.replace(/\W+/g, '-')}.json`);
    writeFileSync(f, JSON.stringify([story(title)]));
    return f;
  };

  it('--extractor rules starts no CoreNLP (works with it down); the default is nlp; NEWSGRAPH_EXTRACTOR sets it', async () => {
    const rules = await seed(['--extractor', 'rules', file('CLI flag rules')], { NEWSGRAPH_NLP_URI: downUri });
    expect(rules.out).toMatch(/Extractor: rules/);
    expect(rules.code).toBe(0);
    const byDefault = await seed([file('CLI default')], {});
    expect(byDefault.out).toMatch(/Extractor: nlp/);
    expect(byDefault.code).toBe(0);
    const byEnv = await seed([file('CLI env rules')], { NEWSGRAPH_EXTRACTOR: 'rules', NEWSGRAPH_NLP_URI: downUri });
    expect(byEnv.code).toBe(0);
    expect(await storiesTitled('CLI ')).toEqual([
      { title: 'CLI default', extractors: ['newsgraph-nlp'] },
      { title: 'CLI env rules', extractors: ['newsgraph-rules'] },
      { title: 'CLI flag rules', extractors: ['newsgraph-rules'] },
    ]);
  });

  it('refuses an unknown extractor, and fails plainly (nothing written) when CoreNLP is down', async () => {
    const unknown = await seed(['--extractor', 'spacy', file('CLI unknown')], {});
    expect(unknown.code).toBe(2);
    expect(unknown.out).toMatch(/Unknown extractor "spacy": choose one of nlp, rules/);
    const down = await seed([file('CLI down')], { NEWSGRAPH_NLP_URI: downUri });
    expect(down.code).toBe(2);
    expect(down.out).toMatch(/Seeding failed: The NLP server \(Stanford CoreNLP\) is not reachable/);
    expect(down.out).not.toMatch(/at .*\.ts:\d+/);
    expect(await storiesTitled('CLI unknown')).toEqual([]);
    expect(await storiesTitled('CLI down')).toEqual([]);
  });
});

describe('the bundled CoreNLP', () => {
  it('listens on 127.0.0.1 only', () => {
    const port = Number(new URL(testNlpUri()).port);
    if (process.env.NEWSGRAPH_NLP_TEST_URI) return; // not ours
    // /proc/net/tcp{,6}: local address:port in hex, state 0A = LISTEN
    const listening = ['/proc/net/tcp', '/proc/net/tcp6']
      .flatMap((f) => readFileSync(f, 'utf8').split('\n').slice(1))
      .map((line) => line.trim().split(/\s+/))
      .filter((cols) => cols[3] === '0A' && cols[1]?.endsWith(`:${port.toString(16).toUpperCase().padStart(4, '0')}`))
      .map((cols) => cols[1]!.split(':')[0]);
    expect(listening.length).toBeGreaterThan(0);
    // 127.0.0.1, in IPv4 or IPv4-mapped IPv6 form; never 0.0.0.0 or ::
    for (const address of listening) expect(['0100007F', '0000000000000000FFFF00000100007F']).toContain(address);
  });
});
