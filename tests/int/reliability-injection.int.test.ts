/**
 * Injection: titles, story text, entity names and parameters holding quotes, backticks, Cypher
 * fragments, HTML and script tags are stored and given back literally, byte for byte, and search
 * and exports keep them as text. (The browser test checks that no script runs from story text.)
 */
import request from 'supertest';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { seedSample, forgetSeeding } from './api-fixture.js';
import { testConfig, testDatabase } from './helpers.js';

const db = testDatabase();
const app = createApp({ db, config: testConfig(), log: () => {} });

const TITLE = `Hostile <script>alert("t")</script> title with 'quotes', "doubles" and \`backticks\``;
const BODY = [
  `O'Brien & Sons Holdings Group said "it's fine" in Dublin <img src=x onerror=alert(1)>.`,
  "The memo read: MATCH (n) DETACH DELETE n; CALL dbms.security.createUser('m','p',false) // `x`",
  "Ireland and Chile signed a trade pact worth $1.2 billion in 2025 <b>bold</b> ${process.exit(1)} \\u0000 {{7*7}}.",
].join('\n\n');

let storyId = '';
beforeAll(async () => {
  await seedSample(db);
  const res = await request(app).post('/api/stories').send({ title: TITLE, body: BODY, outlet: `Outlet "<i>x</i>" 'y'` }).expect(201);
  storyId = res.body.stories[0].id;
});
afterAll(async () => {
  // The next file that needs the plain sample reseeds.
  forgetSeeding(db);
  await db.close();
});

describe('hostile text', () => {
  it('is stored and returned literally', async () => {
    const res = await request(app).get(`/api/stories/${encodeURIComponent(storyId)}`).expect(200);
    expect(res.body.title).toBe(TITLE);
    expect(res.body.body).toBe(BODY);
    expect(res.body.outlet).toBe(`Outlet "<i>x</i>" 'y'`);
    // Evidence quotes are exact slices of the stored text.
    for (const fact of res.body.facts as Array<{ quote?: string; start?: number; end?: number }>) {
      if (fact.quote !== undefined) expect(BODY.slice(fact.start, fact.end)).toBe(fact.quote);
    }
  });

  it('keeps entity names with quotes and ampersands as written', async () => {
    const { records } = await db.driver.executeQuery(
      'MATCH (:Story {id: $id})-[:MENTIONS]->(e:Entity) RETURN collect(e.name) AS names',
      { id: storyId },
    );
    const names = records[0]!.get('names') as string[];
    expect(names).toContain('Ireland');
    expect(names.some((n) => n.includes("O'Brien"))).toBe(true);
  });

  it('is found by search and given back as text', async () => {
    const res = await request(app).get('/api/search').query({ q: 'hostile title' }).expect(200);
    expect(res.body.hits.map((h: { name: string }) => h.name)).toContain(TITLE);
  });

  it('passes through parameters as data', async () => {
    const res = await request(app).post('/api/cypher').send({ query: 'MATCH (s:Story) WHERE s.title = $t RETURN s.title AS title', params: { t: TITLE } }).expect(200);
    expect(res.body.table.rows).toEqual([[TITLE]]);
  });

  it('survives export as GraphML and Markdown', async () => {
    const graphml = await request(app).post('/api/export').send({ ids: [storyId], format: 'graphml' }).expect(200);
    const xml = new XMLParser({ ignoreAttributes: false }).parse(graphml.text);
    expect(JSON.stringify(xml)).toContain('Hostile <script>');
    expect(graphml.text).not.toContain('<script>');
    const md = await request(app).post('/api/export').send({ ids: [storyId], format: 'markdown' }).expect(200);
    expect(md.status).toBe(200);
  });
});
