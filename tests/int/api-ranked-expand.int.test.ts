/**
 * Expand reads each entity's ranked facts from its FactRank node (written by the loader) when every
 * fact type and no label filter is asked for. On the real sample it must answer exactly what
 * ranking every fact on the spot answers (the scan path, forced here by a label filter that keeps
 * every entity label, which changes nothing else).
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENTITY_LABELS, RANKED_FACTS } from '../../model/graph-model.js';
import { createApp } from '../../server/app.js';
import { testConfig, testDatabase } from './helpers.js';
import { seedSample } from './api-fixture.js';

const db = testDatabase();
const app = createApp({ db, config: testConfig() });

beforeAll(async () => {
  await seedSample(db);
});
afterAll(() => db.close());

interface Graph {
  nodes: Array<{ id: string }>;
  edges: Array<{ id: string; source: string; target: string; props: { storyCount?: number } }>;
  truncated: boolean;
}

const expand = async (body: Record<string, unknown>): Promise<Graph> => {
  const res = await request(app).post('/api/graph/expand').send(body);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as Graph;
};
const ids = (items: Array<{ id: string }>) => items.map((i) => i.id).sort();

describe('ranked facts (FactRank)', () => {
  it('the loader ranks every entity with facts: its facts best first, with their far ends', async () => {
    const { records } = await db.driver.executeQuery(
      `MATCH (rank:FactRank {id: 'country:CHN'})
       UNWIND range(0, size(rank.keys) - 1) AS i
       MATCH (c:Entity {id: 'country:CHN'})-[r {key: rank.keys[i]}]-(m:Entity {id: rank.ends[i]})
       RETURN i, r.storyCount AS stories ORDER BY i`,
      {},
      { database: db.name },
    );
    const { records: all } = await db.driver.executeQuery(
      `MATCH (c:Entity {id: 'country:CHN'})-[r]-(:Entity) WHERE r.key IS NOT NULL RETURN count(DISTINCT r) AS facts`,
      {},
      { database: db.name },
    );
    const facts = Number(all[0]!.get('facts'));
    expect(facts).toBeGreaterThan(3);
    expect(facts).toBeLessThan(RANKED_FACTS);
    expect(records).toHaveLength(facts);
    const stories = records.map((r) => Number(r.get('stories')));
    expect([...stories].sort((a, b) => b - a)).toEqual(stories);
  });

  it('expand through the ranking equals expand by ranking every fact, at depth 1 and 2', async () => {
    for (const depth of [1, 2]) {
      const ranked = await expand({ ids: ['country:CHN'], depth, limit: 2000 });
      const scanned = await expand({ ids: ['country:CHN'], depth, limit: 2000, labels: [...ENTITY_LABELS] });
      expect(ranked.nodes.length, `depth ${depth}`).toBeGreaterThan(3);
      expect(ids(ranked.nodes), `depth ${depth}`).toEqual(ids(scanned.nodes));
      expect(ids(ranked.edges), `depth ${depth}`).toEqual(ids(scanned.edges));
      for (const edge of ranked.edges) {
        const twin = scanned.edges.find((e) => e.id === edge.id)!;
        expect([edge.source, edge.target]).toEqual([twin.source, twin.target]);
      }
    }
  });

  it('under a small cap it keeps the most reported facts, as the scan does', async () => {
    const weights = (g: Graph) => g.edges.map((e) => e.props.storyCount ?? 0).sort((a, b) => b - a);
    const ranked = await expand({ ids: ['country:CHN'], depth: 1, limit: 9 });
    const scanned = await expand({ ids: ['country:CHN'], depth: 1, limit: 9, labels: [...ENTITY_LABELS] });
    expect(ranked.truncated).toBe(true);
    expect(ranked.nodes.length + ranked.edges.length).toBeLessThanOrEqual(9);
    expect(weights(ranked)).toEqual(weights(scanned));
  });
});
