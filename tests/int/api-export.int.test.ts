/** POST /api/export in every format, each parsed back; the Cypher script recreates the subgraph in an emptied database. */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { testConfig, testDatabase } from './helpers.js';
import { counts, forgetSeeding, seedSample, wipe } from './api-fixture.js';

const db = testDatabase();
const app = createApp({ db, config: testConfig() });
const IDS = ['country:CHN', 'country:RUS', 'company:cosco', 'place:chancay-port', 'country:PER', 'country:USA'];

beforeAll(async () => {
  await seedSample(db);
});
afterAll(async () => {
  // The round-trip test empties the database: leave the sample behind for the next file.
  forgetSeeding(db);
  await seedSample(db);
  await db.close();
});

const exportAs = (body: Record<string, unknown>) => request(app).post('/api/export').send(body).buffer(true).parse((res, cb) => {
  let text = '';
  res.setEncoding('utf8');
  res.on('data', (chunk: string) => (text += chunk));
  res.on('end', () => cb(null, text));
});

async function subgraph() {
  const res = await request(app).post('/api/cypher').send({
    query: 'MATCH (n) WHERE n.id IN $ids OPTIONAL MATCH (n)-[r]->(m) WHERE m.id IN $ids RETURN n, r',
    params: { ids: IDS },
  });
  return res.body.graph as { nodes: Array<{ id: string }>; edges: Array<{ id: string; type: string; source: string; target: string }> };
}

describe('POST /api/export', () => {
  it('json: Cytoscape elements with every node and edge', async () => {
    const expected = await subgraph();
    const res = await exportAs({ ids: IDS, format: 'json' }).expect(200);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="newsgraph-[\d-]+\.cyjs"$/);
    const doc = JSON.parse(res.body as string);
    expect(doc.elements.nodes.map((n: { data: { id: string } }) => n.data.id).sort()).toEqual(IDS.slice().sort());
    expect(doc.elements.edges.map((e: { data: { id: string } }) => e.data.id).sort()).toEqual(expected.edges.map((e) => e.id).sort());
    const trade = doc.elements.edges.find((e: { data: { type: string; target: string } }) => e.data.type === 'TRADES_WITH' && e.data.target === 'country:RUS');
    expect(trade.data).toMatchObject({ source: 'country:CHN', target: 'country:RUS', label: 'TRADES_WITH' });
    const cosco = doc.elements.nodes.find((n: { data: { id: string } }) => n.data.id === 'company:cosco');
    expect(cosco.data).toMatchObject({ label: 'COSCO', prop_source: 'catalog' });
  });

  it('graphml: valid XML with a key for every property and every node and edge', async () => {
    const expected = await subgraph();
    const res = await exportAs({ ids: IDS, format: 'graphml' }).expect(200);
    expect(res.headers['content-disposition']).toMatch(/\.graphml"$/);
    const xml = res.body as string;
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['key', 'node', 'edge', 'data'].includes(name) }).parse(xml);
    const keys = doc.graphml.key as Array<Record<string, string>>;
    const graph = doc.graphml.graph[0] ?? doc.graphml.graph;
    expect(graph.node.map((n: Record<string, string>) => n['@id']).sort()).toEqual(IDS.slice().sort());
    expect(graph.edge).toHaveLength(expected.edges.length);
    const keyIds = new Set(keys.map((k) => k['@id']));
    for (const el of [...graph.node, ...graph.edge]) for (const d of el.data ?? []) expect(keyIds).toContain(d['@key']);
    const names = keys.filter((k) => k['@for'] === 'node').map((k) => k['@attr.name']);
    expect(names).toEqual(expect.arrayContaining(['label', 'labels', 'name', 'aliases', 'iso2', 'lat']));
    expect(keys.find((k) => k['@attr.name'] === 'lat')!['@attr.type']).toMatch(/long|double/);
    expect(keys.filter((k) => k['@for'] === 'edge').map((k) => k['@attr.name'])).toEqual(expect.arrayContaining(['type', 'key', 'storyCount']));
  });

  it('csv: nodes and edges sections, or one part', async () => {
    const expected = await subgraph();
    const all = await exportAs({ ids: IDS, format: 'csv' }).expect(200);
    expect(all.headers['content-type']).toMatch(/text\/csv/);
    const [nodes, edges] = (all.body as string).split('\r\n\r\n');
    const nodeLines = nodes!.trim().split('\r\n');
    expect(nodeLines[0]).toMatch(/^id,labels,name,/);
    expect(nodeLines).toHaveLength(IDS.length + 1);
    const edgeLines = edges!.trim().split('\r\n');
    expect(edgeLines[0]).toMatch(/^id,type,source,target/);
    expect(edgeLines).toHaveLength(expected.edges.length + 1);
    const onlyEdges = await exportAs({ ids: IDS, format: 'csv', part: 'edges' }).expect(200);
    expect(onlyEdges.headers['content-disposition']).toMatch(/-edges\.csv"$/);
    expect((onlyEdges.body as string).trim().split('\r\n')).toHaveLength(expected.edges.length + 1);
  });

  it('markdown: every relationship with its evidence quotes and links', async () => {
    const res = await exportAs({ ids: IDS, format: 'markdown' }).expect(200);
    expect(res.headers['content-type']).toMatch(/text\/markdown/);
    const md = res.body as string;
    expect(md).toMatch(/^# newsgraph brief/);
    expect(md).toContain('### China trades with Russia');
    expect(md).toContain('### COSCO owns a stake in Chancay port');
    expect(md).toContain('244.8 billion dollars');
    expect(md).toMatch(/^> /m);
  });

  it('exports the graph of a saved query or an ad-hoc query', async () => {
    const saved = await exportAs({ savedQuery: 'port-ownership', params: { country: 'Peru' }, format: 'json' }).expect(200);
    expect(JSON.parse(saved.body as string).elements.nodes.map((n: { data: { id: string } }) => n.data.id)).toEqual(expect.arrayContaining(['company:cosco', 'country:PER']));
    const adhoc = await exportAs({ query: 'MATCH (c:Country {id: $id}) RETURN c', params: { id: 'country:PER' }, format: 'csv', part: 'nodes' }).expect(200);
    expect(adhoc.body as string).toContain('country:PER');
    const refused = await request(app).post('/api/export').send({ query: 'CALL dbms.listConfig()', format: 'json' }).expect(400);
    expect(refused.body.error.code).toBe('query_not_allowed');
    await request(app).post('/api/export').send({ ids: IDS, query: 'RETURN 1', format: 'json' }).expect(400);
    await request(app).post('/api/export').send({ ids: IDS, format: 'pdf' }).expect(400);
    await request(app).post('/api/export').send({ ids: ['nothing:here'], format: 'json' }).expect(404);
  });

  it('cypher: the script recreates the same subgraph in an emptied database', async () => {
    const res = await exportAs({ ids: IDS, includeStories: true, format: 'cypher' }).expect(200);
    expect(res.headers['content-disposition']).toMatch(/\.cypher"$/);
    const script = res.body as string;
    const exported = await exportAs({ ids: IDS, includeStories: true, format: 'json' }).expect(200);
    const { elements } = JSON.parse(exported.body as string);
    expect(elements.nodes.some((n: { data: { labels: string[] } }) => n.data.labels.includes('Story'))).toBe(true);

    await wipe(db);
    expect(await counts(db)).toEqual({ nodes: 0, relationships: 0 });
    const statements = script.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('//'));
    for (const statement of statements) await db.driver.executeQuery(statement, {}, { database: db.name });
    expect(await counts(db)).toEqual({ nodes: elements.nodes.length, relationships: elements.edges.length });

    // Same elements, same values: export again from the recreated graph and compare.
    const again = await exportAs({ ids: IDS, includeStories: true, format: 'json' }).expect(200);
    const recreated = JSON.parse(again.body as string).elements;
    const byId = (els: Array<{ data: { id: string } }>) => Object.fromEntries(els.map((e) => [e.data.id, e.data]));
    expect(byId(recreated.nodes)).toEqual(byId(elements.nodes));
    expect(byId(recreated.edges)).toEqual(byId(elements.edges));
  });
});
