import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { ResultCollector } from '../../server/transform/graph.js';
import { toNeo4jParams, toPlain } from '../../server/transform/values.js';

const { Node, Relationship, Path, PathSegment, Record, Date: Neo4jDate, Point } = neo4j.types;
const node = (el: string, labels: string[], props: Record<string, unknown>) => new Node(el as never, labels, props, el);
const rel = (el: string, start: string, end: string, type: string, props: Record<string, unknown>) =>
  new Relationship(el as never, start as never, end as never, type, props, el, start, end);

const china = node('4:x:1', ['Country', 'Entity'], { id: 'country:CHN', name: 'China', aliasText: 'PRC', lat: neo4j.int(35) });
const russia = node('4:x:2', ['Country', 'Entity'], { id: 'country:RUS', name: 'Russia' });
const story = node('4:x:3', ['Story'], { id: 'story:1', title: 'T', body: 'long text', published: new Neo4jDate(2024, 5, 1) });
const trade = rel('5:x:1', '4:x:1', '4:x:2', 'TRADES_WITH', { key: 'fact:1', value: 244.8e9 });
const mention = rel('5:x:2', '4:x:3', '4:x:1', 'MENTIONS', { count: neo4j.int(2) });
const record = (keys: string[], values: unknown[]) => new Record(keys, values);

describe('ResultCollector', () => {
  it('deduplicates by element id, names nodes by id and edges by key or type:source:target, drops body and aliasText', () => {
    const c = new ResultCollector({ maxElements: 100, maxRows: 100 });
    c.add(record(['a', 'r', 'b'], [china, trade, russia]));
    c.add(record(['p'], [new Path(story, china, [new PathSegment(story, mention, china)])]));
    c.add(record(['list', 'map'], [[china, russia], { s: story }]));
    const g = c.graph();
    expect(g.nodes.map((n) => n.id)).toEqual(['country:CHN', 'country:RUS', 'story:1']);
    expect(g.edges.map((e) => e.id)).toEqual(['fact:1', 'MENTIONS:story:1:country:CHN']);
    expect(g.nodes[0]!.props).toEqual({ id: 'country:CHN', name: 'China', lat: 35 });
    expect(g.nodes[2]!.props).toEqual({ id: 'story:1', title: 'T', published: '2024-05-01' });
    expect(g.edges[1]).toMatchObject({ source: 'story:1', target: 'country:CHN', props: { count: 2 } });
    expect(c.sawGraph).toBe(true);
    expect(c.table().rows[1]).toEqual([{ nodes: ['story:1', 'country:CHN'], edges: ['MENTIONS:story:1:country:CHN'] }]);
  });

  it('reports relationship endpoints it has not seen, and cuts at the element cap', () => {
    const c = new ResultCollector({ maxElements: 3, maxRows: 100 });
    expect(c.add(record(['r'], [trade]))).toBe(true);
    expect(c.pendingEndpoints().sort()).toEqual(['4:x:1', '4:x:2']);
    c.addNode(china);
    c.addNode(russia);
    expect(c.add(record(['s'], [story]))).toBe(false);
    expect(c.graph()).toMatchObject({ truncated: true });
    expect(c.graph().nodes).toHaveLength(2);
  });

  it('cuts at the row cap and keeps tables for scalar results', () => {
    const c = new ResultCollector({ maxElements: 100, maxRows: 2 });
    for (const i of [1, 2, 3]) c.add(record(['i'], [neo4j.int(i)]));
    expect(c.table()).toEqual({ columns: ['i'], rows: [[1], [2]], truncated: true });
    expect(c.sawGraph).toBe(false);
  });
});

describe('values', () => {
  it('converts Neo4j values to JSON and JSON params to Neo4j', () => {
    expect(toPlain(neo4j.int('9007199254740993'))).toBe('9007199254740993');
    expect(toPlain(new Point(neo4j.int(4326), 1, 2))).toEqual({ srid: 4326, x: 1, y: 2 });
    expect(toPlain({ d: new Neo4jDate(2024, 1, 2), l: [neo4j.int(1)] })).toEqual({ d: '2024-01-02', l: [1] });
    const params = toNeo4jParams({ n: 5, f: 1.5, l: [1, 'a'], m: { k: 2 } }) as { n: unknown; f: unknown; l: unknown[]; m: { k: unknown } };
    expect(neo4j.isInt(params.n)).toBe(true);
    expect(params.f).toBe(1.5);
    expect(neo4j.isInt(params.l[0])).toBe(true);
    expect(neo4j.isInt(params.m.k)).toBe(true);
  });
});
