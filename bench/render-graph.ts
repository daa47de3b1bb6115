/**
 * A deterministic, seeded graph that looks like a newsgraph result: typed nodes per the labels of
 * model/graph-model.ts (entities and stories), a few hubs (China, the United States…) and
 * long-tailed degrees, stories that MENTION entities and are PUBLISHED_BY outlets, and facts typed
 * by the model's relation types between plausible endpoint types. Elements = nodes + edges.
 * Runs in Node and in the browser (no Node imports).
 */
import type { Graph, GraphEdge, GraphNode } from '../model/api.js';
import { ENTITY_LABELS, ID_PREFIX, RELATIONS, type EntityLabel } from '../model/graph-model.js';
import { rng } from './rng.js';

/** Share of the nodes per type; stories are the largest group, outlets a handful. */
const TYPE_SHARE: Record<EntityLabel | 'Story', number> = {
  Story: 0.34,
  Country: 0.06,
  Official: 0.1,
  Person: 0.14,
  Company: 0.18,
  Organization: 0.1,
  Outlet: 0.02,
  Place: 0.06,
};

/** Endpoint types of each relation type (source types, target types). */
const ENDPOINTS: Record<string, [EntityLabel[], EntityLabel[]]> = {
  TRADES_WITH: [['Country'], ['Country']],
  OWNS_STAKE: [['Company', 'Person'], ['Company']],
  ACQUIRED: [['Company'], ['Company']],
  SANCTIONS: [['Country', 'Organization'], ['Company', 'Person', 'Official', 'Country']],
  EXPORT_CONTROLS: [['Country'], ['Country', 'Company']],
  BUILT: [['Company'], ['Place']],
  LOCATED_IN: [['Company', 'Place', 'Organization'], ['Country']],
  LEADS: [['Official', 'Person'], ['Country', 'Organization', 'Company']],
  MEETS: [['Official'], ['Official']],
  ACCUSES: [['Country', 'Official'], ['Country', 'Company', 'Official']],
  INVESTIGATES: [['Organization', 'Country'], ['Company', 'Person']],
  HACKED: [['Organization'], ['Company', 'Organization']],
  STATIONED_IN: [['Person', 'Official'], ['Country', 'Place']],
  SUPPORTS: [['Country'], ['Country']],
  THREATENS: [['Official', 'Country'], ['Country']],
  INVESTS_IN: [['Company'], ['Country', 'Company']],
  SUPPLIES: [['Company', 'Country'], ['Company', 'Country']],
  EMPLOYED_BY: [['Person'], ['Company', 'Organization']],
};
/** How often each relation type occurs among facts (trade and leadership dominate the news). */
const RELATION_WEIGHT: Record<string, number> = {
  TRADES_WITH: 6, OWNS_STAKE: 3, ACQUIRED: 2, SANCTIONS: 4, EXPORT_CONTROLS: 2, BUILT: 2, LOCATED_IN: 5,
  LEADS: 5, MEETS: 4, ACCUSES: 3, INVESTIGATES: 2, HACKED: 1, STATIONED_IN: 2, EMPLOYED_BY: 3, SUPPORTS: 1, THREATENS: 1, INVESTS_IN: 2, SUPPLIES: 2,
};

const HUB_NAMES: Partial<Record<EntityLabel, string[]>> = {
  Country: ['China', 'United States', 'Russia', 'European Union', 'India', 'Germany', 'Japan', 'Iran'],
  Company: ['COSCO Shipping', 'Huawei', 'Gazprom', 'TSMC'],
  Official: ['Xi Jinping', 'Joe Biden', 'Vladimir Putin'],
  Outlet: ['Reuters', 'Xinhua', 'BBC', 'AP'],
  Organization: ['NATO', 'WTO', 'United Nations'],
};

/** Picks an index with probability ∝ 1/(rank+1)^s: the first few are hubs, the rest a long tail. */
class Zipf {
  private readonly cum: Float64Array;
  constructor(n: number, s: number) {
    this.cum = new Float64Array(n);
    let t = 0;
    for (let i = 0; i < n; i++) this.cum[i] = t += 1 / Math.pow(i + 1, s);
  }
  pick(r: number): number {
    const x = r * this.cum[this.cum.length - 1]!;
    let lo = 0;
    let hi = this.cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cum[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

export interface RenderGraphOptions {
  /** Nodes + edges. */
  elements: number;
  seed?: number;
  /** Share of the elements that are nodes (the rest are edges). */
  nodeShare?: number;
}

export function renderGraph({ elements, seed = 42, nodeShare = 0.4 }: RenderGraphOptions): Graph {
  const rand = rng(seed);
  const nodeCount = Math.round(elements * nodeShare);
  const edgeCount = elements - nodeCount;
  const types = ['Story', ...ENTITY_LABELS] as const;
  const byType = new Map<string, GraphNode[]>();
  const nodes: GraphNode[] = [];
  let left = nodeCount;
  types.forEach((type, i) => {
    const n = i === types.length - 1 ? left : Math.max(1, Math.round(nodeCount * TYPE_SHARE[type]));
    left -= n;
    const list: GraphNode[] = [];
    for (let k = 0; k < n; k++) {
      const hub = type === 'Story' ? undefined : HUB_NAMES[type]?.[k];
      const name = hub ?? (type === 'Story' ? `Story ${k}: talks resume over tariffs and port access` : `${type} ${k}`);
      const prefix = ID_PREFIX[type];
      const props: Record<string, unknown> = type === 'Story' ? { title: name, published: '2024-05-01' } : { name };
      const node: GraphNode = { id: `${prefix}:${k}`, labels: type === 'Story' ? ['Story'] : ['Entity', type], props };
      list.push(node);
      nodes.push(node);
    }
    byType.set(type, list);
  });
  const zipf = new Map<string, Zipf>();
  const pickOf = (type: string): GraphNode | undefined => {
    const list = byType.get(type);
    if (!list?.length) return undefined;
    let z = zipf.get(type);
    if (!z) zipf.set(type, (z = new Zipf(list.length, 1.1)));
    return list[z.pick(rand())];
  };
  const pickFrom = (ts: readonly string[]) => pickOf(ts[Math.floor(rand() * ts.length)]!);

  const edges: GraphEdge[] = [];
  const seen = new Set<string>();
  const relTotal = Object.values(RELATION_WEIGHT).reduce((a, b) => a + b, 0);
  const pickRelation = () => {
    let x = rand() * relTotal;
    for (const r of RELATIONS) if ((x -= RELATION_WEIGHT[r.type] ?? 1) <= 0) return r;
    return RELATIONS[0]!;
  };
  const stories = byType.get('Story') ?? [];
  const storyCountOf = () => Math.min(40, Math.max(1, Math.floor(1 / Math.pow(rand() + 0.02, 0.9))));
  // Each story is published by one outlet (as far as the budget goes), then mentions and facts share the rest.
  for (const s of stories) {
    if (edges.length >= edgeCount * 0.12) break;
    const outlet = pickOf('Outlet');
    if (!outlet) break;
    const id = `PUBLISHED_BY:${s.id}:${outlet.id}`;
    seen.add(id);
    edges.push({ id, type: 'PUBLISHED_BY', source: s.id, target: outlet.id, props: {} });
  }
  let guard = 0;
  while (edges.length < edgeCount && guard++ < edgeCount * 50) {
    if (rand() < 0.45 && stories.length) {
      const s = stories[Math.floor(rand() * stories.length)]!;
      const e = pickFrom(ENTITY_LABELS.filter((l) => l !== 'Outlet'));
      if (!e) continue;
      const id = `MENTIONS:${s.id}:${e.id}`;
      if (seen.has(id)) continue;
      seen.add(id);
      edges.push({ id, type: 'MENTIONS', source: s.id, target: e.id, props: {} });
    } else {
      const r = pickRelation();
      const [from, to] = ENDPOINTS[r.type]!;
      let a = pickFrom(from);
      let b = pickFrom(to);
      if (!a || !b || a.id === b.id) continue;
      if (r.symmetric && a.id > b.id) [a, b] = [b, a];
      const id = `${r.type}|${a.id}|${b.id}`;
      if (seen.has(id)) continue;
      seen.add(id);
      const storyCount = storyCountOf();
      const props: Record<string, unknown> = { key: id, storyCount, outletCount: Math.max(1, Math.ceil(storyCount / 2)) };
      if (r.type === 'TRADES_WITH') Object.assign(props, { value: Math.round(rand() * 5e11), currency: 'USD', year: 2024 });
      if (r.type === 'OWNS_STAKE') props.percent = Math.round(rand() * 100);
      if (r.type === 'LEADS' || r.type === 'EMPLOYED_BY') props.role = 'chair';
      edges.push({ id, type: r.type, source: a.id, target: b.id, props });
    }
  }
  return { nodes, edges, truncated: false };
}

/** Degree statistics, to show the generated graph has hubs and a long tail. */
export function degreeSummary(g: Graph): { max: number; median: number; p99: number; top: string[] } {
  const deg = new Map<string, number>();
  for (const e of g.edges) {
    deg.set(e.source, (deg.get(e.source) ?? 0) + 1);
    deg.set(e.target, (deg.get(e.target) ?? 0) + 1);
  }
  const sorted = g.nodes.map((n) => ({ id: n.id, d: deg.get(n.id) ?? 0 })).sort((a, b) => b.d - a.d);
  const ds = sorted.map((x) => x.d).reverse();
  const q = (p: number) => ds[Math.min(ds.length - 1, Math.floor(p * ds.length))] ?? 0;
  return { max: sorted[0]?.d ?? 0, median: q(0.5), p99: q(0.99), top: sorted.slice(0, 3).map((x) => `${x.id} (${x.d})`) };
}
