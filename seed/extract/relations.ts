/**
 * Typed facts from sentences. Trigger phrases per relation type (seed/catalog/relation-patterns.json)
 * are found with one token-trie walk per sentence; the entities around a trigger, their labels and their
 * order decide the endpoints. A few syntactic patterns (Place, Country / Country's Place) and the roles the
 * recogniser attached to people (LEADS, EMPLOYED_BY) complete the set.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import type { Entity, Fact } from '../../model/types.js';
import { RELATIONS, type FactType, type RelationSpec } from '../../model/graph-model.js';
import type { Recognition, Span } from './recognizer.js';
import type { Sentence, Token } from './text.js';

interface Pattern {
  type: FactType;
  mode: 'active' | 'passive' | 'pair';
  triggers: string[];
  from: string[];
  to: string[];
  window: number;
  blockers?: string[];
  props: string[];
  /** Whether adjectives (Chinese) count as the country: for both ends, or only the 'from' / 'to' end. */
  demonyms: boolean | 'from' | 'to';
  confidence: number;
  defaultTarget?: string;
  bilateral?: string[];
  modalBlockers?: string[];
  notFollowedBy?: string[];
}

interface TrigNode {
  next: Map<string, TrigNode>;
  pats: number[];
}

interface Compiled {
  patterns: Pattern[];
  root: TrigNode;
  blockers: Set<string>[];
}

let compiled: Compiled | null = null;
function getPatterns(): Compiled {
  if (compiled) return compiled;
  const file = join(dirname(fileURLToPath(import.meta.url)), '..', 'catalog', 'relation-patterns.json');
  const patterns = (JSON.parse(readFileSync(file, 'utf8')) as { patterns: Pattern[] }).patterns;
  const root: TrigNode = { next: new Map(), pats: [] };
  patterns.forEach((p, idx) => {
    for (const tr of p.triggers) {
      let node = root;
      for (const w of tr.split(' ')) {
        let nx = node.next.get(w);
        if (!nx) {
          nx = { next: new Map(), pats: [] };
          node.next.set(w, nx);
        }
        node = nx;
      }
      if (!node.pats.includes(idx)) node.pats.push(idx);
    }
  });
  compiled = { patterns, root, blockers: patterns.map((p) => new Set(p.blockers ?? [])) };
  return compiled;
}

export const WORLD: Entity = {
  id: 'place:world',
  label: 'Place',
  name: 'World',
  aliases: ['global', 'all destinations'],
  props: { kind: 'region', country: null },
  confidence: 1,
  source: 'catalog',
};

export interface RelContext {
  storyId: string;
  body: string;
  toks: Token[];
  sents: Sentence[];
  rec: Recognition;
  extractor: string;
  version: string;
  /** Entity ids by number of mentions in the story, most first (computed on demand: rarely needed). */
  ranking: () => string[];
  /** Entities referenced by facts but not mentioned (e.g. WORLD). */
  extra: Map<string, Entity>;
}

// Maps, not object literals: a word such as "constructor" must not find Object.prototype's members
const MULT = mapOf<number>({ thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, bn: 1e9, mn: 1e6, m: 1e6, b: 1e9, tn: 1e12 });
const CURRENCY_WORD = mapOf<string>({
  dollar: 'USD', dollars: 'USD', usd: 'USD', yuan: 'CNY', renminbi: 'CNY', rmb: 'CNY', euro: 'EUR', euros: 'EUR', eur: 'EUR',
  ruble: 'RUB', rubles: 'RUB', roubles: 'RUB', rouble: 'RUB', yen: 'JPY', pounds: 'GBP', pound: 'GBP', rupees: 'INR', won: 'KRW',
});
const CURRENCY_SYMBOL = mapOf<string>({ $: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'CNY', 'US$': 'USD', NT$: 'TWD' });

function mapOf<T>(o: Record<string, T>): Map<string, T> {
  return new Map(Object.entries(o));
}

function num(t: Token | undefined): number | null {
  if (!t || t.kind !== 'n') return null;
  const v = Number(t.text.indexOf(',') >= 0 ? t.text.replace(/,/g, '') : t.text);
  return Number.isFinite(v) ? v : null;
}

/**
 * Money amounts in tokens [a, b): prefers US dollars when several are given. `converted` marks a
 * dollar figure given beside another currency ("1.75 trillion yuan ($237 billion)"): a conversion,
 * which ranks below an amount stated directly.
 */
export function findMoney(toks: Token[], a: number, b: number): { value: number; currency: string; converted: boolean } | null {
  const found: { value: number; currency: string }[] = [];
  for (let i = a; i < b; i++) {
    const t = toks[i]!;
    let cur: string | null = null;
    let j = i;
    if (t.kind === 'p' && CURRENCY_SYMBOL.get(t.text)) {
      cur = CURRENCY_SYMBOL.get(t.text)!;
      j = i + 1;
      if (toks[i - 1]?.text === 'NT' && toks[i - 1]!.end === t.start) cur = 'TWD';
    } else if (t.kind === 'w' && (t.text === 'US' || t.text === 'NT') && toks[i + 1]?.text === '$') {
      continue;
    }
    const v = num(toks[j]);
    if (v === null || j >= b) continue;
    let value = v;
    let k = j + 1;
    const m = toks[k];
    if (m && m.kind === 'w' && MULT.get(m.lower) !== undefined) {
      value *= MULT.get(m.lower)!;
      k++;
    }
    if (!cur) {
      const cw = toks[k];
      if (cw && cw.kind === 'w' && CURRENCY_WORD.get(cw.lower)) cur = CURRENCY_WORD.get(cw.lower)!;
    }
    if (cur) {
      found.push({ value: Math.round(value * 100) / 100, currency: cur });
      i = k - 1;
    }
  }
  const chosen = found.find((f) => f.currency === 'USD') ?? found[0];
  if (!chosen) return null;
  return { ...chosen, converted: found.some((f) => f.currency !== chosen.currency) };
}

function findYear(toks: Token[], a: number, b: number): number | null {
  let first: number | null = null;
  for (let i = a; i < b; i++) {
    const t = toks[i]!;
    if (t.kind === 'n' && /^(19|20)\d\d$/.test(t.text)) {
      const y = Number(t.text);
      if (toks[i - 1]?.lower === 'in') return y;
      first ??= y;
    }
  }
  return first;
}

function findPercent(toks: Token[], a: number, b: number, near: number): number | null {
  let best: number | null = null;
  let bestDist = Infinity;
  for (let i = a; i < b; i++) {
    const v = num(toks[i]);
    if (v === null) continue;
    const nx = toks[i + 1];
    if (nx && (nx.lower === 'percent' || nx.text === '%' || (nx.lower === 'per' && toks[i + 2]?.lower === 'cent'))) {
      const d = Math.abs(i - near);
      if (d < bestDist) {
        best = v;
        bestDist = d;
      }
    }
  }
  return best;
}

const ITEM_STOP = new Set(['and', 'or', 'to', 'the', 'a', 'an', 'of', 'on', 'for', 'in', 'with', 'by', 'from', 'that', 'which', 'as', 'is', 'are', 'was', 'were', 'has', 'have', 'will', 'would', 'took', 'take', 'policy', 'system', 'new', 'its', 'their', 'at']);
const ITEM_PREPS = new Set(['on', 'of', 'for', 'over']);

function words(toks: Token[], i: number, b: number, max: number): string {
  const out: string[] = [];
  for (let k = i; k < b && out.length < max; k++) {
    const t = toks[k]!;
    if (t.kind !== 'w' || t.cap || ITEM_STOP.has(t.lower) || t.lower.endsWith('ly')) break;
    out.push(t.lower);
  }
  return out.join(' ');
}

function findItem(toks: Token[], trigA: number, trigB: number, sentA: number, sentB: number): string | null {
  for (let k = trigB; k < Math.min(sentB, trigB + 4); k++) {
    const t = toks[k]!;
    if (ITEM_PREPS.has(t.lower)) {
      const w = words(toks, k + 1, sentB, 3);
      if (w) return w;
    }
  }
  // "silver export controls"
  const prev = toks[trigA - 1];
  if (prev && trigA - 1 >= sentA && prev.kind === 'w' && !prev.cap && !ITEM_STOP.has(prev.lower) && !['its', 'new', 'strict', 'tightened', 'additional'].includes(prev.lower)) return prev.lower;
  return null;
}

function findAsset(body: string, toks: Token[], afterSpan: number, sentB: number): string | null {
  // "Peru's electricity distribution", "Emcore's wafer manufacturing and photonic chip-related assets"
  if (toks[afterSpan]?.kind !== 's') return null;
  const start = afterSpan + 1;
  let k = start;
  while (k < sentB && k - start < 10) {
    const t = toks[k]!;
    if (t.kind === 'p' && t.text !== '-') break;
    if (t.kind === 'w' && t.cap) break;
    k++;
  }
  if (k === start) return null;
  return body.slice(toks[start]!.start, toks[k - 1]!.end).replace(/\s+/g, ' ');
}

/** Words allowed between a country and its place: "Peru's Chancay port", "the Chinese port city of Tianjin". */
const PLACE_GAP = new Set(['port', 'city', 'capital', 'of', 'the', 'main', 'island', 'region', 'province', 'town', 'coastal', 'northern', 'southern', 'eastern', 'western', 'northeast', 'northwest', 'southeast', 'southwest', 'central', 'border', 'village', 'county', 'state', 'largest', 'second-largest']);

/** "U.S. company Emcore": a country followed by a common noun and then another candidate is an adjective. */
function isModifier(toks: Token[], sp: Span, spans: Span[], labels: string[]): boolean {
  const nx = toks[sp.t1];
  if (!nx || nx.kind !== 'w' || nx.cap || nx.lower === 'and' || nx.lower === 'or') return false;
  return spans.some((o) => o !== sp && o.t0 >= sp.t1 + 1 && o.t0 <= sp.t1 + 3 && labels.includes(o.entity.label));
}

const SPEC = new Map<string, RelationSpec>(RELATIONS.map((r) => [r.type, r]));

/** Whether the lowercased tokens [a, b) are exactly `words` (no string building). */
function gapIs(toks: Token[], a: number, b: number, words: readonly string[]): boolean {
  if (b - a !== words.length) return false;
  for (let k = 0; k < words.length; k++) if (toks[a + k]!.lower !== words[k]) return false;
  return true;
}
const GAP_COMMA = [','];
const GAP_THE_CAPITAL_OF = [',', 'the', 'capital', 'of'];
const GAP_IN = ['in'];
const GAP_CAPITAL_OF = [',', 'capital', 'of'];
const GAP_ON = ['on'];

const BE_FORMS = new Set(['is', 'was', 'were', 'been', 'be', 'being', 'are']);

/** One trigger occurrence being resolved against one pattern. */
interface Hit {
  ctx: RelContext;
  toks: Token[];
  /** Spans of the sentence, in order. */
  spans: Span[];
  s: Sentence;
  /** Trigger tokens [a, b). */
  a: number;
  b: number;
  p: Pattern;
  /** Values found in the sentence (money, year, percent, item, asset). */
  props: Fact['props'];
  /** Confidence factor of the stated values: a converted amount is less certain than a stated one. */
  claimFactor: number;
  /** Sentence-wide values, found once per sentence (undefined: not looked for yet). */
  memo: SentenceMemo;
}

interface SentenceMemo {
  money?: ReturnType<typeof findMoney>;
  year?: number | null;
}

function ok(p: Pattern, sp: Span, labels: string[]): boolean {
  return labels.includes(sp.entity.label) && (!sp.demonym || p.demonyms === true || (p.demonyms === 'from' && labels === p.from) || (p.demonyms === 'to' && labels === p.to));
}

/** The nearest allowed span ending before the trigger, within the window. */
function left(h: Hit, labels: string[]): Span | null {
  const { spans, a, p } = h;
  for (let k = spans.length - 1; k >= 0; k--) {
    const sp = spans[k]!;
    if (sp.t1 > a) continue;
    if (a - sp.t1 > p.window) break;
    if (ok(p, sp, labels)) return sp;
  }
  return null;
}

/** The allowed spans after the trigger: the nearest one, and a list that follows it ("X, Y and Z"). */
function rightAll(h: Hit, labels: string[]): Span[] {
  const { spans, b, p, toks } = h;
  const out: Span[] = [];
  for (const sp of spans) {
    if (sp.t0 < b) continue;
    if (sp.t0 - b > p.window) break;
    if (!ok(p, sp, labels)) continue;
    if (out.length === 0 && sp.entity.label === 'Country' && isModifier(toks, sp, spans, labels)) continue;
    if (out.length === 0) out.push(sp);
    else {
      const prev = out[out.length - 1]!;
      // the words between (possessives aside): at most three of , and the as well
      let n = 0;
      let listy = true;
      for (let q = prev.t1; q < sp.t0 && listy; q++) {
        const w = toks[q]!.lower;
        if (w === "'s") continue;
        n++;
        if (n > 3 || !(w === ',' || w === 'and' || w === 'the' || w === 'as' || w === 'well')) listy = false;
      }
      if (listy) out.push(sp);
      else break;
    }
  }
  // "Peru's Chancay port": a possessive country followed by its place → the place
  if (out.length === 1 && out[0]!.entity.label === 'Country' && toks[out[0]!.t1]?.kind === 's') {
    const nextSp = spans.find((x) => x.t0 > out[0]!.t1 && x.t0 - out[0]!.t1 <= 4 && ok(p, x, labels) && x.entity.label !== 'Country');
    if (nextSp && p.type !== 'ACQUIRED') return [nextSp];
  }
  return out;
}

/** Run the pattern's property extractors on the sentence (into h.props). */
function addProps(h: Hit, toSpan: Span | null): void {
  const { toks, s, a, b, p, props } = h;
  for (const pr of p.props) {
    if (pr === 'money') {
      const m = h.memo.money === undefined ? (h.memo.money = findMoney(toks, s.t0, s.t1)) : h.memo.money;
      if (m) {
        props.value = m.value;
        props.currency = m.currency;
        if (m.converted) h.claimFactor = 0.9;
      }
    } else if (pr === 'year') {
      const y = h.memo.year === undefined ? (h.memo.year = findYear(toks, s.t0, s.t1)) : h.memo.year;
      if (y !== null) props.year = y;
    } else if (pr === 'percent') {
      const v = findPercent(toks, s.t0, s.t1, a);
      if (v !== null) props.percent = v;
    } else if (pr === 'item') {
      props.item = findItem(toks, a, b, s.t0, s.t1);
    } else if (pr === 'asset' && toSpan) {
      const asset = findAsset(h.ctx.body, toks, toSpan.t1, s.t1);
      if (asset) props.asset = asset;
    }
  }
}

/** The facts of one story so far; one fact per (type, from, to, sentence). */
interface FactSink {
  ctx: RelContext;
  facts: Fact[];
  /** A scan of the facts finds duplicates while they are few; past SCAN_MAX, a key set. */
  seen: Set<string> | null;
}
const SCAN_MAX = 64;

function factKey(type: string, from: string, to: string, start: number): string {
  return `${type}|${from}|${to}|${start}`;
}

function emit(sink: FactSink, type: FactType, from: Entity, to: Entity, props: Fact['props'], sentIdx: number, conf: number): void {
  if (from.id === to.id) return;
  const { ctx, facts } = sink;
  const spec = SPEC.get(type);
  let a = from;
  let b = to;
  if (spec?.symmetric && b.id < a.id) [a, b] = [b, a];
  const s = ctx.sents[sentIdx]!;
  if (sink.seen) {
    const key = factKey(type, a.id, b.id, s.start);
    if (sink.seen.has(key)) return;
    sink.seen.add(key);
  } else {
    for (let k = 0; k < facts.length; k++) {
      const f = facts[k]!;
      if (f.evidence.start === s.start && f.type === type && f.from === a.id && f.to === b.id) return;
    }
    if (facts.length >= SCAN_MAX) {
      sink.seen = new Set(facts.map((f) => factKey(f.type, f.from, f.to, f.evidence.start)));
      sink.seen.add(factKey(type, a.id, b.id, s.start));
    }
  }
  const confidence = Math.round(conf * Math.min(a.confidence, b.confidence) * 100) / 100;
  facts.push({
    type,
    from: a.id,
    to: b.id,
    props,
    evidence: { storyId: ctx.storyId, quote: ctx.body.slice(s.start, s.end), start: s.start, end: s.end, extractor: ctx.extractor, extractorVersion: ctx.version, confidence },
  });
}

export function extractRelations(ctx: RelContext): Fact[] {
  const { toks, sents, rec } = ctx;
  const P = getPatterns();
  const sink: FactSink = { ctx, facts: [], seen: null };

  // spans per sentence
  const bySent: Span[][] = sents.map(() => []);
  for (const sp of rec.spans) bySent[toks[sp.t0]!.sent]!.push(sp);

  for (let si = 0; si < sents.length; si++) {
    const s = sents[si]!;
    const spans = bySent[si]!;
    // syntactic LOCATED_IN: "Chancay, Peru", "Peru's Chancay port", "the Chinese port city of Tianjin", "capital of Serbia"
    for (let k = 0; k < spans.length; k++) {
      const sp = spans[k]!;
      const nx = spans[k + 1];
      if (!nx) continue;
      const e = sp.entity;
      const f = nx.entity;
      // the gap is tokens [g0, g1); every test below reads it in place
      const g0 = sp.t1;
      const g1 = nx.t0;
      const gapLen = g1 - g0;
      if (e.label === 'Place' && f.label === 'Country' && !nx.demonym && toks[sp.t0 - 1]?.text !== ',') {
        const after = spans[k + 2];
        let listGoesOn = !!after && after.t0 > nx.t1;
        if (listGoesOn) {
          for (let q = nx.t1; q < after!.t0; q++) {
            const t = toks[q]!;
            if (t.text !== ',' && t.lower !== 'and') {
              listGoesOn = false;
              break;
            }
          }
        }
        if (
          !listGoesOn &&
          (gapIs(toks, g0, g1, GAP_COMMA) || gapIs(toks, g0, g1, GAP_THE_CAPITAL_OF) || gapIs(toks, g0, g1, GAP_IN) || gapIs(toks, g0, g1, GAP_CAPITAL_OF) || ((gapIs(toks, g0, g1, GAP_ON) || gapIs(toks, g0, g1, GAP_IN)) && toks[nx.t1]?.kind === 's'))
        ) {
          emit(sink, 'LOCATED_IN', e, f, {}, si, 0.85);
          continue;
        }
      }
      if (e.label === 'Country' && f.label === 'Place' && gapLen <= 4 && ((gapLen > 0 && toks[g0]!.kind === 's') || sp.demonym)) {
        let all = true;
        for (let q = g0; q < g1; q++) {
          const t = toks[q]!;
          if (t.kind !== 's' && !PLACE_GAP.has(t.lower)) {
            all = false;
            break;
          }
        }
        if (all) {
          emit(sink, 'LOCATED_IN', f, e, {}, si, 0.8);
          continue;
        }
      }
      if ((f.label === 'Company' || f.label === 'Organization' || f.label === 'Outlet') && e.label === 'Place' && gapLen >= 2 && toks[g0]!.text === '-' && toks[g0 + 1]!.lower === 'based') {
        emit(sink, 'LOCATED_IN', f, e, {}, si, 0.75);
      }
    }
    // "Kaluga Queen, a leading Hangzhou-based brand": X-based after the company
    for (let i = s.t0; i + 2 < s.t1; i++) {
      if (toks[i + 1]!.text === '-' && toks[i + 2]!.lower === 'based') {
        const place = rec.at[i]! >= 0 ? rec.spans[rec.at[i]!]! : null;
        if (!place || (place.entity.label !== 'Place' && place.entity.label !== 'Country')) continue;
        const owner = [...spans].reverse().find((x) => x.t1 <= place.t0 && ['Company', 'Organization', 'Outlet'].includes(x.entity.label) && place.t0 - x.t1 <= 6);
        const ownerAfter = spans.find((x) => x.t0 > i + 2 && ['Company', 'Organization', 'Outlet'].includes(x.entity.label) && x.t0 - i <= 8);
        const o = owner ?? ownerAfter;
        if (o && !(o === ownerAfter && spans.some((x) => x.t0 > place.t1 && x.t0 < o.t0 && x.entity.label === 'Place'))) emit(sink, 'LOCATED_IN', o.entity, place.entity, {}, si, 0.7);
      }
    }

    // trigger patterns
    const memo: SentenceMemo = {};
    for (let i = s.t0; i < s.t1; i++) {
      // a trigger inside an entity name ("Trade Representative", "Defense Production Act") does not count
      if (rec.at[i]! >= 0) continue;
      let node = P.root.next.get(toks[i]!.lower);
      if (!node) continue;
      let j = i + 1;
      let hitEnd = node.pats.length ? j : -1;
      let hitPats = node.pats;
      while (j < s.t1) {
        const nx: TrigNode | undefined = node.next.get(toks[j]!.lower);
        if (!nx) break;
        node = nx;
        j++;
        if (node.pats.length) {
          hitEnd = j;
          hitPats = node.pats;
        }
      }
      if (hitEnd < 0) continue;
      const a = i;
      const b = hitEnd;
      const passiveNoAgent = BE_FORMS.has(toks[a - 1]?.lower ?? '') && toks[b]?.lower !== 'by';
      for (const pi of hitPats) {
        const p = P.patterns[pi]!;
        if (toks[b] && P.blockers[pi]!.has(toks[b]!.lower)) continue;
        if (p.mode === 'active' && passiveNoAgent && toks[a]!.lower.endsWith('ed')) continue;
        if (p.notFollowedBy) {
          let cancel = false;
          for (let k = b; k < Math.min(s.t1, b + 6); k++) if (p.notFollowedBy.includes(toks[k]!.lower)) cancel = true;
          if (cancel) continue;
        }
        if (p.modalBlockers) {
          let modal = false;
          for (let k = Math.max(s.t0, a - 6); k < a; k++) if (p.modalBlockers.includes(toks[k]!.lower)) modal = true;
          if (modal) continue;
        }
        const h: Hit = { ctx, toks, spans, s, a, b, p, props: {}, claimFactor: 1, memo };
        if (p.mode === 'pair') {
          const cands = spans.filter((sp) => ok(p, sp, p.from) && Math.min(Math.abs(sp.t0 - b), Math.abs(a - sp.t1)) <= p.window);
          const uniq: Span[] = [];
          for (const sp of cands) if (!uniq.some((u) => u.entity.id === sp.entity.id)) uniq.push(sp);
          let x: Span | undefined;
          let y: Span | undefined;
          const between = toks[b]?.lower === 'between';
          const before = uniq.filter((u) => u.t1 <= a);
          const after = uniq.filter((u) => u.t0 >= b);
          if (between && after.length >= 2) [x, y] = [after[0], after[1]];
          else if (before.length && after.length) [x, y] = [before[0], after[0]];
          else if (before.length >= 2) [x, y] = [before[before.length - 2], before[before.length - 1]];
          else if (after.length >= 2) [x, y] = [after[0], after[1]];
          else if (uniq.length === 1 && p.bilateral && s.t1 - s.t0 > 0) {
            // "bilateral trade": the partner is the other country the story is about
            const text = toks.slice(s.t0, s.t1).map((t) => t.lower).join(' ');
            if (p.bilateral.some((w) => text.includes(w))) {
              const only = uniq[0]!;
              const partnerId = ctx.ranking().find((id) => id !== only.entity.id && id.startsWith('country:'));
              const partner = partnerId ? rec.spans.find((sp) => sp.entity.id === partnerId) : undefined;
              if (partner) [x, y] = [only, partner];
            }
          }
          if (x && y && x.entity.id !== y.entity.id) {
            addProps(h, y);
            emit(sink, p.type, x.entity, y.entity, { ...h.props }, si, p.confidence * h.claimFactor);
          }
          continue;
        }
        if (p.mode === 'active') {
          const from = left(h, p.from);
          const tos = rightAll(h, p.to);
          if (!from) continue;
          if (tos.length === 0) {
            if (p.defaultTarget === WORLD.id) {
              addProps(h, null);
              ctx.extra.set(WORLD.id, WORLD);
              emit(sink, p.type, from.entity, WORLD, { ...h.props }, si, p.confidence * 0.9 * h.claimFactor);
            }
            continue;
          }
          for (const t of tos) {
            addProps(h, t);
            emit(sink, p.type, from.entity, t.entity, { ...h.props }, si, p.confidence * h.claimFactor);
          }
        } else {
          const to = left(h, p.to);
          const froms = rightAll(h, p.from);
          if (!to || froms.length === 0) continue;
          for (const f of froms) {
            addProps(h, to);
            emit(sink, p.type, f.entity, to.entity, { ...h.props }, si, p.confidence * h.claimFactor);
          }
        }
      }
    }
  }

  // roles → LEADS / EMPLOYED_BY
  for (const rl of rec.roleLinks) {
    if (!rl.target) continue;
    const role = rl.role.replace(/^(former|current|outgoing|acting|late|then)\s+/i, '');
    const type = rl.cls === 'head' && !/^(deputy|vice|assistant)\b/i.test(role) ? 'LEADS' : 'EMPLOYED_BY';
    emit(sink, type, rl.person, rl.target, { role }, rl.sent, 0.8);
  }
  return sink.facts;
}
