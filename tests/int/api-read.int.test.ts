/** The read endpoints on the real sample corpus: search, entities, expand, path, stories, facts, saved queries, OpenAPI. */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphSchema, QueryResultSchema, SearchResponseSchema, EntityDetailSchema, StoryDetailSchema, FactDetailSchema, PathResponseSchema, StoriesResponseSchema } from '../../model/api.js';
import { createApp } from '../../server/app.js';
import { testConfig, testDatabase } from './helpers.js';
import { seedSample } from './api-fixture.js';

const db = testDatabase();
const app = createApp({ db, config: testConfig() });

beforeAll(async () => {
  await seedSample(db);
});
afterAll(() => db.close());

describe('GET /api/search', () => {
  it('finds entities by name, alias, any case and small typos, ranked', async () => {
    for (const q of ['cosco', 'COSCO Shipping', 'Cosko', 'chancay', 'chancy port']) {
      const res = await request(app).get('/api/search').query({ q }).expect(200);
      SearchResponseSchema.parse(res.body);
      expect(res.body.hits.length, q).toBeGreaterThan(0);
      expect(res.body.hits.map((h: { id: string }) => h.id).slice(0, 3), q).toEqual(
        expect.arrayContaining([expect.stringMatching(/^(company:cosco|place:chancay-port|place:chancay)$/)]),
      );
    }
    const usa = await request(app).get('/api/search').query({ q: 'U.S.', types: 'Country' }).expect(200);
    expect(usa.body.hits[0]?.id).toBe('country:USA');
    const russia = await request(app).get('/api/search').query({ q: 'russian federation' }).expect(200);
    expect(russia.body.hits[0]).toMatchObject({ id: 'country:RUS', label: 'Country', name: 'Russia' });
    expect(russia.body.hits[0].aliases).toContain('Russian Federation');
    const scores = russia.body.hits.map((h: { score: number }) => h.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('filters by type and searches story titles', async () => {
    const res = await request(app).get('/api/search').query({ q: 'china russia trade', types: 'Story' }).expect(200);
    expect(res.body.hits.length).toBeGreaterThan(0);
    expect(res.body.hits.every((h: { label: string }) => h.label === 'Story')).toBe(true);
    const countries = await request(app).get('/api/search').query({ q: 'china', types: 'Country,Company', limit: 5 }).expect(200);
    expect(countries.body.hits.length).toBeLessThanOrEqual(5);
    expect(countries.body.hits.every((h: { label: string }) => ['Country', 'Company'].includes(h.label))).toBe(true);
  });

  it('never errors on Lucene syntax in the input', async () => {
    for (const q of ['"unclosed', 'a:b', '(((', 'AND OR NOT', '\\', '*?~^', '[1 TO 2]', 'co/sco', '!!!', '-']) {
      const res = await request(app).get('/api/search').query({ q });
      expect(res.status, q).toBe(200);
    }
  });

  it('answers 400 with a JSON error on bad input', async () => {
    const empty = await request(app).get('/api/search').expect(400);
    expect(empty.body.error.code).toBe('bad_request');
    const badType = await request(app).get('/api/search').query({ q: 'x', types: 'Evidence' }).expect(400);
    expect(badType.body.error.message).toMatch(/Evidence/);
    await request(app).get('/api/search').query({ q: 'x', limit: '0' }).expect(400);
  });
});

describe('GET /api/entities/:id', () => {
  it('returns properties, aliases, degree, stories newest first and facts', async () => {
    const res = await request(app).get('/api/entities/country:CHN').expect(200);
    const china = EntityDetailSchema.parse(res.body);
    expect(china).toMatchObject({ id: 'country:CHN', label: 'Country', name: 'China' });
    expect(china.aliases).toContain('PRC');
    expect(china.degree.MENTIONS).toBeGreaterThan(5);
    expect(china.storiesTotal).toBe(china.degree.MENTIONS);
    const dates = china.stories.map((s) => s.published).filter((d): d is string => d !== null);
    expect([...dates].sort().reverse()).toEqual(dates);
    const trade = china.facts.find((f) => f.type === 'TRADES_WITH' && f.other.id === 'country:RUS');
    expect(trade).toBeDefined();
    expect(trade!.storyCount).toBeGreaterThanOrEqual(1);
    expect(china.props.aliasText).toBeUndefined();
  });

  it('caps stories and answers 404 for an unknown id', async () => {
    const res = await request(app).get('/api/entities/country:CHN').query({ stories: 2 }).expect(200);
    expect(res.body.stories).toHaveLength(2);
    const missing = await request(app).get('/api/entities/country:XXX').expect(404);
    expect(missing.body.error.code).toBe('not_found');
  });
});

describe('POST /api/graph/expand', () => {
  it('returns the neighbourhood as graph elements, without stories unless asked', async () => {
    const res = await request(app).post('/api/graph/expand').send({ ids: ['company:cosco'], depth: 2 }).expect(200);
    const graph = GraphSchema.parse(res.body);
    const ids = graph.nodes.map((n) => n.id);
    expect(ids).toEqual(expect.arrayContaining(['company:cosco', 'place:chancay-port', 'country:PER']));
    expect(graph.nodes.some((n) => n.labels.includes('Story'))).toBe(false);
    // Every edge joins two returned nodes; ids are unique.
    for (const e of graph.edges) expect(ids).toEqual(expect.arrayContaining([e.source, e.target]));
    expect(new Set(graph.edges.map((e) => e.id)).size).toBe(graph.edges.length);
    expect(new Set(ids).size).toBe(ids.length);

    const withStories = await request(app).post('/api/graph/expand').send({ ids: ['company:cosco'], includeStories: true }).expect(200);
    const story = withStories.body.nodes.find((n: { labels: string[] }) => n.labels.includes('Story'));
    expect(story).toBeDefined();
    expect(story.props.body).toBeUndefined();
    expect(story.props.title).toEqual(expect.any(String));
    expect(withStories.body.edges.some((e: { type: string }) => e.type === 'MENTIONS')).toBe(true);
  });

  it('keeps the most reported facts within the limit and says it cut', async () => {
    const res = await request(app).post('/api/graph/expand').send({ ids: ['country:CHN'], depth: 1, limit: 5 }).expect(200);
    expect(res.body.nodes.length + res.body.edges.length).toBeLessThanOrEqual(5);
    expect(res.body.truncated).toBe(true);
    const full = await request(app).post('/api/graph/expand').send({ ids: ['country:CHN'], depth: 1, limit: 2000 }).expect(200);
    const top = Math.max(...full.body.edges.map((e: { props: { storyCount?: number } }) => e.props.storyCount ?? 0));
    expect(Math.max(...res.body.edges.map((e: { props: { storyCount?: number } }) => e.props.storyCount ?? 0))).toBe(top);
  });

  it('filters by relationship type and validates input', async () => {
    const res = await request(app).post('/api/graph/expand').send({ ids: ['country:CHN'], types: ['TRADES_WITH'] }).expect(200);
    expect(res.body.edges.length).toBeGreaterThan(0);
    expect(res.body.edges.every((e: { type: string }) => e.type === 'TRADES_WITH')).toBe(true);
    await request(app).post('/api/graph/expand').send({ ids: ['country:CHN'], depth: 4 }).expect(400);
    await request(app).post('/api/graph/expand').send({ ids: [] }).expect(400);
    await request(app).post('/api/graph/expand').send({ ids: ['country:CHN'], types: ['DROP'] }).expect(400);
    await request(app).post('/api/graph/expand').send({ ids: ['nothing:here'] }).expect(404);
  });
});

describe('GET /api/graph/path', () => {
  it('finds COSCO → Chancay port → Peru', async () => {
    const res = await request(app).get('/api/graph/path').query({ from: 'company:cosco', to: 'country:PER' }).expect(200);
    const body = PathResponseSchema.parse(res.body);
    expect(body.hops).toBe(2);
    expect(body.paths[0]!.nodes).toEqual(['company:cosco', 'place:chancay-port', 'country:PER']);
    expect(body.edges.map((e) => e.type).sort()).toEqual(['LOCATED_IN', 'OWNS_STAKE']);
  });

  it('answers 404 for unknown entities, 400 for bad bounds, and an empty result beyond reach', async () => {
    await request(app).get('/api/graph/path').query({ from: 'company:cosco', to: 'country:XXX' }).expect(404);
    await request(app).get('/api/graph/path').query({ from: 'company:cosco', to: 'country:PER', maxHops: 7 }).expect(400);
    await request(app).get('/api/graph/path').query({ from: 'company:cosco', to: 'company:cosco' }).expect(400);
    const short = await request(app).get('/api/graph/path').query({ from: 'company:cosco', to: 'country:PER', maxHops: 1 }).expect(200);
    expect(short.body.paths).toEqual([]);
    expect(short.body.hops).toBeNull();
  });
});

describe('stories', () => {
  it('lists stories with filters, newest first', async () => {
    const all = await request(app).get('/api/stories').query({ limit: 500 }).expect(200);
    const body = StoriesResponseSchema.parse(all.body);
    expect(body.stories).toHaveLength(31);
    expect(body.truncated).toBe(false);
    const capped = await request(app).get('/api/stories').query({ limit: 3 }).expect(200);
    expect(capped.body.stories).toHaveLength(3);
    expect(capped.body.truncated).toBe(true);

    const cosco = await request(app).get('/api/stories').query({ entity: 'company:cosco' }).expect(200);
    expect(cosco.body.stories.length).toBeGreaterThan(0);
    expect(cosco.body.stories.length).toBeLessThan(31);

    const reuters = await request(app).get('/api/stories').query({ outlet: 'reuters' }).expect(200);
    expect(reuters.body.stories.length).toBeGreaterThan(0);
    expect(reuters.body.stories.every((s: { outlet: string | null }) => s.outlet === 'Reuters')).toBe(true);

    const dated = body.stories.filter((s) => s.published !== null);
    const day = dated[0]!.published!;
    const onDay = await request(app).get('/api/stories').query({ from: day, to: day }).expect(200);
    expect(onDay.body.stories.length).toBeGreaterThan(0);
    expect(onDay.body.stories.every((s: { published: string }) => s.published === day)).toBe(true);
    await request(app).get('/api/stories').query({ from: '2024-13-45x' }).expect(400);
  });

  it('returns one story with its text, outlet, mentions and facts with quote offsets', async () => {
    const list = await request(app).get('/api/stories').query({ q: 'China-Russia trade' }).expect(200);
    const id = list.body.stories[0].id as string;
    const res = await request(app).get(`/api/stories/${id}`).expect(200);
    const story = StoryDetailSchema.parse(res.body);
    expect(story.body.length).toBeGreaterThan(200);
    const trade = story.facts.find((f) => f.type === 'TRADES_WITH' && [f.source.id, f.target.id].sort().join() === 'country:CHN,country:RUS');
    expect(trade).toBeDefined();
    for (const ev of trade!.evidence) {
      expect(story.body.slice(ev.start!, ev.end!)).toBe(ev.quote);
    }
    expect(story.mentions.map((m) => m.id)).toEqual(expect.arrayContaining(['country:CHN', 'country:RUS']));
    await request(app).get('/api/stories/story:0000000000000000').expect(404);
  });
});

describe('GET /api/facts/:key', () => {
  it("returns a fact's evidence with story, outlet, date, url, offsets, confidence and claim", async () => {
    const china = await request(app).get('/api/entities/country:CHN').expect(200);
    const key = china.body.facts.find((f: { type: string; other: { id: string } }) => f.type === 'TRADES_WITH' && f.other.id === 'country:RUS').key;
    const res = await request(app).get(`/api/facts/${key}`).expect(200);
    const fact = FactDetailSchema.parse(res.body);
    expect(fact.type).toBe('TRADES_WITH');
    expect(fact.evidence.length).toBeGreaterThanOrEqual(2);
    for (const ev of fact.evidence) {
      expect(ev.story.id).toMatch(/^story:/);
      expect(ev.quote.length).toBeGreaterThan(10);
      expect(typeof ev.start).toBe('number');
    }
    expect(fact.evidence.map((e) => e.claim?.value)).toContain(244.8e9);
    expect(fact.evidence.some((e) => e.outlet === 'Reuters')).toBe(true);
    await request(app).get('/api/facts/fact:nope').expect(404);
  });
});

describe('saved queries', () => {
  it('lists the file queries with their params', async () => {
    const res = await request(app).get('/api/queries').expect(200);
    const trade = res.body.queries.find((q: { name: string }) => q.name === 'china-russia-trade');
    expect(trade).toMatchObject({
      source: 'file',
      params: [{ name: 'a', type: 'string', default: 'China' }, { name: 'b', type: 'string', default: 'Russia' }, { name: 'limit', type: 'int', default: 50 }],
    });
  });

  it('china-russia-trade returns the China–Russia TRADES_WITH edge, its value, the countries and the quotes (244.8e9)', async () => {
    const res = await request(app).post('/api/queries/china-russia-trade/run').send({}).expect(200);
    const result = QueryResultSchema.parse(res.body);
    expect(result.kind).toBe('graph');
    expect(result.graph.nodes.map((n) => n.id).sort()).toEqual(['country:CHN', 'country:RUS']);
    expect(result.graph.edges).toHaveLength(1);
    expect(result.graph.edges[0]).toMatchObject({ type: 'TRADES_WITH', source: 'country:CHN', target: 'country:RUS' });
    expect(result.graph.edges[0]!.props.value).toBe(244.8e9);
    // One row for the fact, its quotes in a list, newest first; the countries are not repeated per quote.
    expect(result.table.columns).toEqual(['a', 't', 'b', 'quotes']);
    expect(result.table.rows).toHaveLength(1);
    type Quote = { quote: string; claim: string; story: string; published: string | null };
    const quotes = result.table.rows[0]![3] as Quote[];
    expect(quotes.length).toBeGreaterThan(0);
    expect(quotes.some((q) => q.quote.includes('244.8 billion'))).toBe(true);
    expect(quotes.map((q) => JSON.parse(q.claim).value)).toContain(244.8e9);
    expect(quotes.every((q) => typeof q.story === 'string')).toBe(true);
    const dates = quotes.map((q) => q.published).filter((d): d is string => d !== null);
    expect(dates).toEqual([...dates].sort().reverse());
    // limit keeps the newest quotes only.
    const one = await request(app).post('/api/queries/china-russia-trade/run').send({ params: { limit: 1 } }).expect(200);
    expect(one.body.table.rows[0][3]).toEqual([quotes[0]]);
    // Any two countries, by alias and any case.
    const same = await request(app).post('/api/queries/china-russia-trade/run').send({ params: { a: 'russia', b: 'PRC' } }).expect(200);
    expect(same.body.graph.edges[0].id).toBe(result.graph.edges[0]!.id);
  });

  it('port-ownership returns COSCO → Chancay port → Peru', async () => {
    const res = await request(app).post('/api/queries/port-ownership/run').send({ params: { country: 'peru' } }).expect(200);
    const edges = res.body.graph.edges.map((e: { type: string; source: string; target: string }) => `${e.source} ${e.type} ${e.target}`);
    expect(edges).toEqual(expect.arrayContaining(['company:cosco OWNS_STAKE place:chancay-port', 'place:chancay-port LOCATED_IN country:PER']));
  });

  it('runs every shipped query with its defaults', async () => {
    const list = await request(app).get('/api/queries').expect(200);
    for (const q of list.body.queries.filter((x: { source: string }) => x.source === 'file')) {
      const res = await request(app).post(`/api/queries/${q.name}/run`).send({});
      expect(res.status, `${q.name}: ${JSON.stringify(res.body.error)}`).toBe(200);
      expect(res.body.graph.nodes.length + res.body.table.rows.length, q.name).toBeGreaterThan(0);
    }
  });

  it('who-reports-on groups outlets by country name; officials-by-country lists officials', async () => {
    const res = await request(app).post('/api/queries/who-reports-on/run').send({ params: { entity: 'china' } }).expect(200);
    const col = (name: string) => res.body.table.columns.indexOf(name);
    const countries = res.body.table.rows.map((r: unknown[]) => r[col('outletCountry')]);
    expect(countries.length).toBeGreaterThan(1);
    expect(countries.some((c: string) => c.startsWith('country:'))).toBe(false);
    expect(res.body.table.rows.every((r: unknown[]) => Array.isArray(r[col('outlets')]) && (r[col('stories')] as number) > 0)).toBe(true);
    const officials = await request(app).post('/api/queries/officials-by-country/run').send({ params: { country: 'china' } }).expect(200);
    expect(officials.body.graph.nodes.some((n: { labels: string[] }) => n.labels.includes('Official'))).toBe(true);
    // One row per official, names sorted, each with its relations and their far ends' names.
    const oc = (name: string) => officials.body.table.columns.indexOf(name);
    const rows = officials.body.table.rows as unknown[][];
    const officialNames = rows.map((r) => (r[oc('o')] as { props: { name: string } }).props.name);
    expect(new Set(officialNames).size).toBe(officialNames.length);
    expect(officialNames).toEqual([...officialNames].sort());
    expect(rows.every((r) => (r[oc('relations')] as unknown[]).length === (r[oc('targets')] as unknown[]).length)).toBe(true);
    // Far ends of the relations are graph nodes too (fetched once by the API).
    const ids = new Set(officials.body.graph.nodes.map((n: { id: string }) => n.id));
    expect(officials.body.graph.edges.every((e: { source: string; target: string }) => ids.has(e.source) && ids.has(e.target))).toBe(true);
  });

  it('validates params against the header', async () => {
    const wrongType = await request(app).post('/api/queries/port-ownership/run').send({ params: { limit: 'ten' } }).expect(400);
    expect(wrongType.body.error.details.issues[0].path).toBe('limit');
    await request(app).post('/api/queries/port-ownership/run').send({ params: { limit: 2.5 } }).expect(400);
    await request(app).post('/api/queries/port-ownership/run').send({ params: { nope: 1 } }).expect(400);
    await request(app).post('/api/queries/no-such-query/run').send({}).expect(404);
    const limited = await request(app).post('/api/queries/entity-neighbourhood/run').send({ params: { id: 'country:CHN', limit: 2 } }).expect(200);
    expect(limited.body.table.rows).toHaveLength(2);
  });
});

describe('GET /api/openapi.json', () => {
  it('documents every endpoint from the zod schemas', async () => {
    const res = await request(app).get('/api/openapi.json').expect(200);
    expect(res.body.openapi).toMatch(/^3\./);
    for (const p of ['/api/search', '/api/entities/{id}', '/api/graph/expand', '/api/graph/path', '/api/stories', '/api/stories/{id}', '/api/facts/{key}', '/api/queries', '/api/queries/{name}/run', '/api/cypher', '/api/export']) {
      expect(res.body.paths[p], p).toBeDefined();
    }
    expect(res.body.components.schemas.ExpandRequest.properties.depth).toMatchObject({ minimum: 1, maximum: 3 });
    expect(Object.keys(res.body.paths['/api/stories'].post.requestBody.content)).toEqual(['application/json', 'text/plain']);
    expect(res.body.paths['/api/stories'].post.responses['201']).toBeDefined();
  });
});
