/**
 * One story that repeats one fact sentence tens of thousands of times (1.5 MB) must not take the
 * app down: it is stored as ONE Evidence node with an occurrence count, and the fact, the story and
 * an export of its entities answer quickly with bounded bodies while other users are still served.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { loadStories } from '../../seed/pipeline.js';
import { storyFromInput } from '../../seed/parse/index.js';
import { factKey } from '../../seed/load/keys.js';
import { STORY_EVIDENCE_PER_FACT, STORY_FACTS_LIMIT, STORY_MENTIONS_LIMIT } from '../../model/api.js';
import { testConfig, testDatabase } from './helpers.js';
import { forgetSeeding, seedSample } from './api-fixture.js';

const db = testDatabase();
const app = createApp({ db, config: testConfig() });
const SENTENCE = 'Trade between China and Russia reached 244.8 billion dollars in 2024. ';
const REPEATS = Math.ceil(1_500_000 / SENTENCE.length);
// Dated after the sample, so it is the newest quote of the fact.
const story = storyFromInput({ title: 'The same sentence, over and over', body: SENTENCE.repeat(REPEATS), published: '2030-01-02' }, 'repeat.json')!;
const KEY = factKey('TRADES_WITH', 'country:CHN', 'country:RUS');

beforeAll(async () => {
  await seedSample(db);
  const loaded = await loadStories(db, [story]);
  expect(loaded.problems).toEqual([]);
}, 300_000);
afterAll(async () => {
  // This file adds a story to the sample: the next file seeds afresh.
  forgetSeeding(db);
  await db.close();
});

/** Runs `work` while another user searches every 50 ms; returns the slowest search and how many answered. */
async function whileOthersSearch<T>(work: () => Promise<T>): Promise<{ result: T; slowestSearchMs: number; searches: number }> {
  let done = false;
  let slowest = 0;
  let searches = 0;
  const searcher = (async () => {
    while (!done) {
      const t = Date.now();
      await request(app).get('/api/search').query({ q: 'Peru', limit: 5 }).expect(200);
      slowest = Math.max(slowest, Date.now() - t);
      searches++;
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  try {
    const result = await work();
    done = true;
    // The search in flight while `work` ran finishes and counts too.
    await searcher;
    return { result, slowestSearchMs: slowest, searches };
  } finally {
    done = true;
    await searcher;
  }
}

const timed = async <T>(work: () => Promise<T>) => {
  const t = Date.now();
  const result = await work();
  return { result, ms: Date.now() - t };
};

describe('a story repeating one fact sentence', () => {
  it('is one piece of evidence for that fact, counted, whose offsets slice the story', async () => {
    const { records } = await db.driver.executeQuery(
      `MATCH (ev:Evidence {relKey: $key})-[:IN_STORY]->(s:Story {id: $id})
       RETURN count(ev) AS n, collect(ev.occurrences) AS occurrences, collect(ev.start) AS starts, collect(ev.end) AS ends, collect(ev.quote) AS quotes`,
      { key: KEY, id: story.id },
      { database: db.name },
    );
    const row = records[0]!.toObject();
    expect(Number(row.n)).toBe(1);
    expect(row.occurrences.map(Number)).toEqual([REPEATS]);
    expect(story.body.slice(Number(row.starts[0]), Number(row.ends[0]))).toBe(row.quotes[0]);
    expect(row.quotes[0]).toBe(SENTENCE.trim());
    const all = await db.driver.executeQuery('MATCH (ev:Evidence)-[:IN_STORY]->(:Story {id: $id}) RETURN count(ev) AS n', { id: story.id }, { database: db.name });
    expect(Number(all.records[0]!.get('n'))).toBeLessThan(50);
  });

  it('loading it again changes nothing', async () => {
    const count = async () =>
      (await db.driver.executeQuery(
        'MATCH (ev:Evidence)-[:IN_STORY]->(:Story {id: $id}) RETURN count(ev) AS n, sum(ev.occurrences) AS occurrences',
        { id: story.id },
        { database: db.name },
      )).records[0]!.toObject();
    const before = await count();
    await loadStories(db, [story]);
    expect(await count()).toEqual(before);
  });

  it('GET /api/facts/:key answers fast with one bounded page, a total and paging', async () => {
    // The first call plans the queries (on a busy machine that alone can take a second); time the next.
    await request(app).get(`/api/facts/${encodeURIComponent(KEY)}`).query({ limit: 5 });
    const { result, slowestSearchMs, searches } = await whileOthersSearch(() => timed(() => request(app).get(`/api/facts/${encodeURIComponent(KEY)}`).query({ limit: 5 })));
    expect(result.result.status).toBe(200);
    expect(result.ms).toBeLessThan(3_000);
    const body = result.result.body;
    expect(body.evidence.length).toBeGreaterThan(0);
    expect(body.evidence.length).toBeLessThanOrEqual(5);
    expect(body.evidenceTotal).toBeGreaterThanOrEqual(body.evidence.length);
    expect(result.result.text.length).toBeLessThan(100_000);
    const repeated = await request(app).get(`/api/facts/${encodeURIComponent(KEY)}`).query({ limit: 200 }).expect(200);
    expect(repeated.body.evidence.find((e: { story: { id: string } }) => e.story.id === story.id)).toMatchObject({ occurrences: REPEATS });
    // Pages follow on from each other without overlap.
    if (body.evidenceNextOffset !== null) {
      const next = await request(app).get(`/api/facts/${encodeURIComponent(KEY)}`).query({ offset: body.evidenceNextOffset, limit: 5 }).expect(200);
      const ids = new Set(body.evidence.map((e: { id: string }) => e.id));
      for (const e of next.body.evidence) expect(ids.has(e.id)).toBe(false);
    }
    await request(app).get(`/api/facts/${encodeURIComponent(KEY)}`).query({ limit: 100_000 }).expect(400);
    await request(app).get(`/api/facts/${encodeURIComponent(KEY)}`).query({ offset: -1 }).expect(400);
    expect(searches).toBeGreaterThan(0);
    expect(slowestSearchMs).toBeLessThan(2_000);
  });

  it('GET /api/stories/:id sends the body and bounded facts, quotes and mentions', async () => {
    await request(app).get(`/api/stories/${encodeURIComponent(story.id)}`);
    const { result, slowestSearchMs } = await whileOthersSearch(() => timed(() => request(app).get(`/api/stories/${encodeURIComponent(story.id)}`)));
    expect(result.result.status).toBe(200);
    expect(result.ms).toBeLessThan(3_000);
    const body = result.result.body;
    expect(body.body).toBe(story.body);
    // Everything but the story text itself stays small.
    expect(Buffer.byteLength(result.result.text) - Buffer.byteLength(JSON.stringify(story.body))).toBeLessThan(256_000);
    expect(body.facts.length).toBeLessThanOrEqual(STORY_FACTS_LIMIT);
    expect(body.mentions.length).toBeLessThanOrEqual(STORY_MENTIONS_LIMIT);
    expect(body.factsTotal).toBeGreaterThanOrEqual(body.facts.length);
    expect(body.mentionsTotal).toBeGreaterThanOrEqual(body.mentions.length);
    const trade = body.facts.find((f: { key: string }) => f.key === KEY);
    expect(trade.evidence).toHaveLength(1);
    expect(trade.evidence.length).toBeLessThanOrEqual(STORY_EVIDENCE_PER_FACT);
    expect(trade).toMatchObject({ evidenceTotal: 1, evidenceTruncated: false });
    expect(trade.evidence[0].occurrences).toBe(REPEATS);
    expect(slowestSearchMs).toBeLessThan(2_000);
  });

  it('exports the story’s entities as a brief within seconds, quotes capped', async () => {
    const { result, slowestSearchMs } = await whileOthersSearch(() =>
      timed(() => request(app).post('/api/export').send({ ids: ['country:CHN', 'country:RUS'], format: 'markdown' })),
    );
    expect(result.result.status).toBe(200);
    expect(result.ms).toBeLessThan(5_000);
    const md = result.result.text;
    expect(md).toContain('### China trades with Russia');
    expect(md).toContain(`stated ${REPEATS} times in this story`);
    expect(md.length).toBeLessThan(200_000);
    expect(slowestSearchMs).toBeLessThan(2_000);
  });
});
