/**
 * POST /api/stories keeps a JSON story's title and body byte for byte, and accepts only absolute
 * http(s) URLs: a protocol-relative or `javascript:` URL is refused, never stored as a link.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { testConfig, testDatabase } from './helpers.js';
import { forgetSeeding, seedSample } from './api-fixture.js';

const db = testDatabase();
const app = createApp({ db, config: testConfig() });

beforeAll(async () => {
  await seedSample(db);
});
afterAll(async () => {
  // This file adds stories to the sample: the next file seeds afresh.
  forgetSeeding(db);
  await db.close();
});

describe('POST /api/stories: text fidelity', () => {
  it('stores a JSON story’s title and body exactly as sent, and its quotes slice that body', async () => {
    const title = '  Line\u2028separated\u00a0title\twith  spaces ';
    const body = '\tChina and Russia signed a trade deal worth 200 billion dollars.\r\n\n  Trade between China and Russia reached 244.8 billion dollars in 2024.\u2029 ';
    const posted = await request(app).post('/api/stories').send({ title, body, url: 'https://example.org/fidelity' }).expect(201);
    const id = posted.body.stories[0].id as string;
    const res = await request(app).get(`/api/stories/${encodeURIComponent(id)}`).expect(200);
    expect(Buffer.from(res.body.title, 'utf8').equals(Buffer.from(title, 'utf8'))).toBe(true);
    expect(Buffer.from(res.body.body, 'utf8').equals(Buffer.from(body, 'utf8'))).toBe(true);
    expect(res.body.url).toBe('https://example.org/fidelity');
    const quotes = res.body.facts.flatMap((f: { evidence: Array<{ quote: string; start: number; end: number }> }) => f.evidence);
    expect(quotes.length).toBeGreaterThan(0);
    for (const q of quotes) expect(res.body.body.slice(q.start, q.end)).toBe(q.quote);
  });

  it('still refuses a title that is only whitespace', async () => {
    const res = await request(app).post('/api/stories').send({ title: ' \u2028\t ', body: 'Some body text.' }).expect(400);
    expect(res.body.error.message).toMatch(/title/);
  });
});

describe('POST /api/stories: story URLs', () => {
  for (const url of ['//evil.example/path', 'javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,<script>alert(1)</script>', '/relative/path', 'http:evil.example', 'https:///no-host']) {
    it(`refuses ${url} with a message naming the url`, async () => {
      const res = await request(app).post('/api/stories').send({ title: `Bad url ${url}`, body: 'China and Russia signed a trade deal.', url }).expect(400);
      expect(res.body.error.message).toMatch(/url/);
      expect(res.body.error.message).toMatch(/absolute http/);
      const stored = await db.driver.executeQuery('MATCH (s:Story) WHERE s.url = $url RETURN count(s) AS n', { url }, { database: db.name });
      expect(Number(stored.records[0]!.get('n'))).toBe(0);
    });
  }

  it('accepts http and https URLs, and an empty url as none', async () => {
    const ok = await request(app).post('/api/stories').send({ title: 'Good url', body: 'China and Russia signed a trade deal.', url: 'http://example.org/a?b=c#d' }).expect(201);
    const story = await request(app).get(`/api/stories/${encodeURIComponent(ok.body.stories[0].id)}`).expect(200);
    expect(story.body.url).toBe('http://example.org/a?b=c#d');
    const none = await request(app).post('/api/stories').send({ title: 'No url', body: 'China and Russia signed another trade deal.', url: '' }).expect(201);
    const stored = await request(app).get(`/api/stories/${encodeURIComponent(none.body.stories[0].id)}`).expect(200);
    expect(stored.body.url).toBeNull();
  });
});
