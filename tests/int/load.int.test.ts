/** The loader against real Neo4j, with hand-made extractions so it is tested apart from the extractor. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Entity, Extraction, Story } from '../../model/types.js';
import { applySchema } from '../../db/schema.js';
import { graphCounts } from '../../seed/load/counts.js';
import { factKey } from '../../seed/load/keys.js';
import { GraphLoader } from '../../seed/load/graph-loader.js';
import { resetGraph } from '../../seed/load/reset.js';
import { testDatabase } from './helpers.js';

const db = testDatabase();

const china: Entity = { id: 'country:CHN', label: 'Country', name: 'China', aliases: ['China', 'Chinese'], props: { iso2: 'CN', lat: 35, lng: 105 }, confidence: 1, source: 'countries' };
const russia: Entity = { id: 'country:RUS', label: 'Country', name: 'Russia', aliases: ['Russia', 'Russian'], props: { iso2: 'RU' }, confidence: 1, source: 'countries' };
const outletA: Entity = { id: 'outlet:a-news', label: 'Outlet', name: 'A News', aliases: [], props: {}, confidence: 1, source: 'catalog' };
const outletB: Entity = { id: 'outlet:b-wire', label: 'Outlet', name: 'B Wire', aliases: [], props: {}, confidence: 1, source: 'catalog' };

function story(id: string, outlet: string, published: string | null, body: string): Story {
  return { id, title: `Title of ${id}`, body, outlet, published, url: null, pages: ['test.txt'], layout: 'generic' };
}
function extraction(s: Story, outlet: Entity, value: number): Extraction {
  const quote = s.body;
  return {
    storyId: s.id,
    entities: [china, russia, outlet],
    mentions: [{ entityId: china.id, count: 2, first: quote }, { entityId: russia.id, count: 1, first: quote }],
    facts: [{ type: 'TRADES_WITH', from: china.id, to: russia.id, props: { value, currency: 'USD', year: 2024 },
      evidence: { storyId: s.id, quote, start: 0, end: quote.length, extractor: 'test', extractorVersion: '0', confidence: 0.9 } }],
    outletId: outlet.id,
  };
}

const s1 = story('story:load-test-1', 'A News', '2025-01-02', 'China and Russia traded $244.8 billion in 2024.');
const s2 = story('story:load-test-2', 'B Wire', '2025-02-03', 'Trade between China and Russia hit a record.');

beforeAll(async () => {
  await applySchema(db);
  await resetGraph(db);
});
afterAll(async () => {
  await resetGraph(db);
  await db.close();
});

/** One batch through a fresh loader, facts finalised, as a seeding run of one batch does. */
async function writeBatch(stories: Story[], extractions: Extraction[]): Promise<void> {
  const loader = new GraphLoader(db);
  await loader.write(stories, extractions);
  await loader.finish();
}

describe('GraphLoader', () => {
  it('loads one fact reported by two outlets as one relationship with two pieces of evidence', async () => {
    await writeBatch([s1, s2], [extraction(s1, outletA, 244.8e9), extraction(s2, outletB, 240e9)]);
    const { records } = await db.driver.executeQuery(
      `MATCH (a:Country {id: 'country:CHN'})-[f:TRADES_WITH]->(b:Country {id: 'country:RUS'})
       MATCH (ev:Evidence {relKey: f.key})-[:IN_STORY]->(s:Story)
       RETURN f.key AS key, f.storyCount AS stories, f.outletCount AS outlets, toString(f.firstReported) AS first,
              toString(f.lastReported) AS last, collect(ev.claim) AS claims, count(ev) AS evidence`,
    );
    expect(records).toHaveLength(1);
    const row = records[0]!.toObject();
    expect(row).toMatchObject({ key: factKey('TRADES_WITH', 'country:CHN', 'country:RUS'), stories: 2, outlets: 2, first: '2025-01-02', last: '2025-02-03', evidence: 2 });
    // Conflicting values stay visible side by side on the evidence.
    expect((row.claims as string[]).map((c) => JSON.parse(c).value).sort()).toEqual([240e9, 244.8e9]);
  });

  it('is idempotent: writing the same batch again changes no counts', async () => {
    const before = await graphCounts(db);
    await writeBatch([s1, s2], [extraction(s1, outletA, 244.8e9), extraction(s2, outletB, 240e9)]);
    expect(await graphCounts(db)).toEqual(before);
    expect(before.nodes.Story).toBe(2);
    expect(before.relationships.PUBLISHED_BY).toBe(2);
    expect(before.relationships.MENTIONS).toBe(4);
  });

  it('replaces what an earlier, different extraction of a story wrote', async () => {
    const before = await graphCounts(db);
    await writeBatch([s1], [extraction(s1, outletA, 1)]);
    const { records } = await db.driver.executeQuery(
      "MATCH (ev:Evidence)-[:IN_STORY]->(:Story {id: 'story:load-test-1'}) RETURN collect(ev.claim) AS claims",
    );
    expect((records[0]!.get('claims') as string[]).map((c) => JSON.parse(c).value)).toEqual([1]);
    expect(await graphCounts(db)).toEqual(before);
    await writeBatch([s1], [extraction(s1, outletA, 244.8e9)]);
  });

  it('keeps aliases searchable and merges them across stories', async () => {
    const { records } = await db.driver.executeQuery(
      "CALL db.index.fulltext.queryNodes('search_names', 'chinese') YIELD node RETURN node.id AS id",
    );
    expect(records.map((r) => r.get('id'))).toContain('country:CHN');
  });

  it('writes a failing batch not at all: no half-written story', async () => {
    const bad = story('story:load-test-bad', 'A News', '2025-13-45', 'China and Russia.');
    const before = await graphCounts(db);
    await expect(writeBatch([bad], [extraction(bad, outletA, 1)])).rejects.toThrow();
    expect(await graphCounts(db)).toEqual(before);
    const { records } = await db.driver.executeQuery("MATCH (s:Story {id: 'story:load-test-bad'}) RETURN s");
    expect(records).toHaveLength(0);
  });
});
