/**
 * Scoring an extractor on an annotated set: entity and relation precision / recall / F1 per type and
 * micro-averaged, OWNS_STAKE recall with the percent checked. Used by `npm run bench:extract`,
 * `npm run eval` and the floor test (tests/int/extract-eval.int.test.ts), so all three count alike.
 */
import type { Extraction } from '../model/types.js';
import { relationSpec } from '../model/graph-model.js';
import type { Extractor } from '../seed/extract/extractors.js';
import { normName } from '../seed/extract/text.js';
import type { EvalSet } from './eval-sets.js';

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}
export interface Prf {
  p: number;
  r: number;
  f: number;
}

export function prf(c: Counts): Prf {
  const p = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 1;
  const r = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 1;
  const f = p + r ? (2 * p * r) / (p + r) : 0;
  return { p, r, f };
}

export function micro(m: Map<string, Counts>): Counts {
  const total = { tp: 0, fp: 0, fn: 0 };
  for (const c of m.values()) {
    total.tp += c.tp;
    total.fp += c.fp;
    total.fn += c.fn;
  }
  return total;
}

/** Per-type P / R / F1 with counts, then the micro average; `indent` spaces before every line. */
export function printTable(title: string, m: Map<string, Counts>, indent = 0): void {
  const pad = ' '.repeat(indent);
  const line = (name: string, c: Counts) => {
    const { p, r, f } = prf(c);
    console.log(`${pad}  ${name.padEnd(15)} ${p.toFixed(3)}  ${r.toFixed(3)}  ${f.toFixed(3)}  (${c.tp}/${c.fp}/${c.fn})`);
  };
  console.log(`\n${pad}${title}`);
  console.log(`${pad}  type             P      R      F1    (tp/fp/fn)`);
  for (const [k, c] of [...m.entries()].sort()) line(k, c);
  line('micro', micro(m));
}

export interface GoldRelation {
  type: string;
  from: string;
  to: string;
  props?: Record<string, string | number>;
}
export interface GoldStory {
  entities: Record<string, string[]>;
  relations: GoldRelation[];
}
export interface HeldOutStory extends GoldStory {
  title: string;
  body: string;
  outlet?: string | null;
}

const zero = (): Counts => ({ tp: 0, fp: 0, fn: 0 });

const alts = (g: string): string[] => g.split('|').map(normName);

export interface Score {
  entities: Map<string, Counts>;
  relations: Map<string, Counts>;
  propsOk: number;
  propsChecked: number;
  misses: string[];
}

/** Score one story's extraction against its gold annotation. */
export function scoreStory(x: Extraction, gold: GoldStory, score: Score, label: string): void {
  const names = new Map<string, Set<string>>();
  for (const e of x.entities) names.set(e.id, new Set([e.name, ...e.aliases].map(normName)));
  // entities
  const allGoldAlts: string[][] = [];
  for (const [type, list] of Object.entries(gold.entities)) {
    const c = score.entities.get(type) ?? zero();
    score.entities.set(type, c);
    const preds = x.entities.filter((e) => e.label === type && e.id !== 'place:world');
    const used = new Set<string>();
    for (const g of list) {
      const a = alts(g);
      allGoldAlts.push(a);
      const hit = preds.find((e) => !used.has(e.id) && a.some((n) => names.get(e.id)!.has(n)));
      if (hit) {
        c.tp++;
        used.add(hit.id);
      } else {
        c.fn++;
        score.misses.push(`${label}: missed ${type} ${g}`);
      }
    }
    for (const e of preds) {
      if (!used.has(e.id)) {
        // a second predicted entity that is another alias of a matched gold entity is not a new false positive
        c.fp++;
        score.misses.push(`${label}: extra ${type} ${e.name}`);
      }
    }
  }
  // relations
  const goldAltsOf = (name: string): string[] => allGoldAlts.find((a) => a.includes(normName(name))) ?? [normName(name)];
  const match = (id: string, name: string): boolean => {
    const n = names.get(id) ?? new Set([normName(id.split(':')[1] ?? id)]);
    return goldAltsOf(name).some((a) => n.has(a));
  };
  const predKeys = new Map<string, Extraction['facts'][number]>();
  for (const f of x.facts) {
    const k = `${f.type}|${f.from}|${f.to}`;
    if (!predKeys.has(k)) predKeys.set(k, f);
  }
  const matched = new Set<string>();
  for (const g of gold.relations) {
    const c = score.relations.get(g.type) ?? zero();
    score.relations.set(g.type, c);
    const sym = relationSpec(g.type)?.symmetric ?? false;
    let hit: string | null = null;
    for (const [k, f] of predKeys) {
      if (matched.has(k) || f.type !== g.type) continue;
      if ((match(f.from, g.from) && match(f.to, g.to)) || (sym && match(f.from, g.to) && match(f.to, g.from))) {
        hit = k;
        break;
      }
    }
    if (hit) {
      c.tp++;
      matched.add(hit);
      if (g.props) {
        // props may sit on any fact of that key: take the best one
        const facts = x.facts.filter((f) => `${f.type}|${f.from}|${f.to}` === hit);
        for (const [pk, pv] of Object.entries(g.props)) {
          if (pk === 'role') continue; // role wording varies; reported by the endpoints
          score.propsChecked++;
          if (facts.some((f) => (typeof pv === 'number' ? Number(f.props[pk]) === pv : normName(String(f.props[pk] ?? '')) === normName(String(pv))))) score.propsOk++;
          else score.misses.push(`${label}: wrong ${g.type}.${pk} ${g.from}->${g.to} (want ${pv})`);
        }
      }
    } else {
      c.fn++;
      score.misses.push(`${label}: missed ${g.type} ${g.from} -> ${g.to}`);
    }
  }
  for (const [k, f] of predKeys) {
    if (matched.has(k)) continue;
    const c = score.relations.get(f.type) ?? zero();
    score.relations.set(f.type, c);
    c.fp++;
    score.misses.push(`${label}: extra ${f.type} ${f.from} -> ${f.to}`);
  }
}

export function newScore(): Score {
  return { entities: new Map(), relations: new Map(), propsOk: 0, propsChecked: 0, misses: [] };
}

export interface SetScore {
  set: string;
  extractor: string;
  stories: number;
  score: Score;
  entities: Prf;
  relations: Prf;
  /** Stated stakes found (endpoints right), and of those with a gold percent, how many have it right. */
  stakes: { gold: number; found: number; percentChecked: number; percentRight: number };
  seconds: number;
}

export async function scoreWith(extractor: Extractor, set: EvalSet): Promise<SetScore> {
  const t0 = performance.now();
  const extractions = await extractor.extractAll(set.items.map((i) => i.story));
  const seconds = (performance.now() - t0) / 1000;
  const score = newScore();
  set.items.forEach((item, i) => scoreStory(extractions[i]!, item.gold, score, item.story.title.slice(0, 50)));
  const stakeCounts = score.relations.get('OWNS_STAKE') ?? { tp: 0, fp: 0, fn: 0 };
  const wrongPercent = score.misses.filter((m) => m.includes('wrong OWNS_STAKE.percent')).length;
  const percentChecked = set.items.reduce((n, i) => n + i.gold.relations.filter((r) => r.type === 'OWNS_STAKE' && r.props?.percent !== undefined).length, 0);
  const missedWithPercent = set.items.reduce(
    (n, i) => n + i.gold.relations.filter((r) => r.type === 'OWNS_STAKE' && r.props?.percent !== undefined && score.misses.some((m) => m.startsWith(i.story.title.slice(0, 50)) && m.endsWith(`missed OWNS_STAKE ${r.from} -> ${r.to}`))).length,
    0,
  );
  return {
    set: set.name,
    extractor: extractor.name,
    stories: set.items.length,
    score,
    entities: prf(micro(score.entities)),
    relations: prf(micro(score.relations)),
    stakes: { gold: stakeCounts.tp + stakeCounts.fn, found: stakeCounts.tp, percentChecked, percentRight: percentChecked - missedWithPercent - wrongPercent },
    seconds,
  };
}
