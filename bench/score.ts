/**
 * Scoring an extractor on an annotated set: entity and relation precision / recall / F1 per type and
 * micro-averaged, OWNS_STAKE recall with the percent checked. Used by `npm run bench:extract`,
 * `npm run eval` and the floor test (tests/int/extract-eval.int.test.ts), so all three count alike.
 */
import type { Extractor } from '../seed/extract/extractors.js';
import type { EvalSet } from './eval-sets.js';
import { newScore, scoreStory, type Score } from './extract.js';

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
