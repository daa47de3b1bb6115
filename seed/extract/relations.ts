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
import { relationSpec } from '../../model/graph-model.js';
import type { Recognition, Span } from './recognizer.js';
import type { Sentence, Token } from './text.js';

interface Pattern {
  type: string;
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
  /** Entity ids by number of mentions in the story, most first. */
  ranking: string[];
  /** Entities referenced by facts but not mentioned (e.g. WORLD). */
  extra: Map<string, Entity>;
}

const MULT: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, bn: 1e9, mn: 1e6, m: 1e6, b: 1e9, tn: 1e12 };
const CURRENCY_WORD: Record<string, string> = {
  dollar: 'USD', dollars: 'USD', usd: 'USD', yuan: 'CNY', renminbi: 'CNY', rmb: 'CNY', euro: 'EUR', euros: 'EUR', eur: 'EUR',
  ruble: 'RUB', rubles: 'RUB', roubles: 'RUB', rouble: 'RUB', yen: 'JPY', pounds: 'GBP', pound: 'GBP', rupees: 'INR', won: 'KRW',
};
const CURRENCY_SYMBOL: Record<string, string> = { $: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'CNY', 'US$': 'USD', NT$: 'TWD' };

function num(t: Token | undefined): number | null {
  if (!t || t.kind !== 'n') return null;
  const v = Number(t.text.replace(/,/g, ''));
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
    if (t.kind === 'p' && CURRENCY_SYMBOL[t.text]) {
      cur = CURRENCY_SYMBOL[t.text]!;
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
    if (m && m.kind === 'w' && MULT[m.lower] !== undefined) {
      value *= MULT[m.lower]!;
      k++;
    }
    if (!cur) {
      const cw = toks[k];
      if (cw && cw.kind === 'w' && CURRENCY_WORD[cw.lower]) cur = CURRENCY_WORD[cw.lower]!;
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

export function extractRelations(ctx: RelContext): Fact[] {
  const { toks, sents, rec } = ctx;
  const P = getPatterns();
  const facts: Fact[] = [];
  const seen = new Set<string>();

  const emit = (type: string, from: Entity, to: Entity, props: Fact['props'], sentIdx: number, conf: number): void => {
    if (from.id === to.id) return;
    const spec = relationSpec(type);
    let a = from;
    let b = to;
    if (spec?.symmetric && b.id < a.id) [a, b] = [b, a];
    const s = sents[sentIdx]!;
    const key = `${type}|${a.id}|${b.id}|${s.start}`;
    if (seen.has(key)) return;
    seen.add(key);
    const confidence = Math.round(conf * Math.min(a.confidence, b.confidence) * 100) / 100;
    facts.push({
      type,
      from: a.id,
      to: b.id,
      props,
      evidence: { storyId: ctx.storyId, quote: ctx.body.slice(s.start, s.end), start: s.start, end: s.end, extractor: ctx.extractor, extractorVersion: ctx.version, confidence },
    });
  };

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
      const gap = toks.slice(sp.t1, nx.t0);
      const gapText = gap.map((t) => t.lower).join(' ');
      const after = spans[k + 2];
      const listGoesOn = !!after && toks.slice(nx.t1, after.t0).every((t) => t.text === ',' || t.lower === 'and') && after.t0 > nx.t1;
      const prevTok = toks[sp.t0 - 1];
      if (e.label === 'Place' && f.label === 'Country' && !nx.demonym && !listGoesOn && prevTok?.text !== ',' && (gapText === ',' || gapText === ', the capital of' || gapText === 'in' || gapText === ', capital of' || ((gapText === 'on' || gapText === 'in') && toks[nx.t1]?.kind === 's'))) {
        emit('LOCATED_IN', e, f, {}, si, 0.85);
      } else if (e.label === 'Country' && f.label === 'Place' && gap.length <= 4 && (gap[0]?.kind === 's' || sp.demonym) && gap.every((t) => t.kind === 's' || PLACE_GAP.has(t.lower))) {
        emit('LOCATED_IN', f, e, {}, si, 0.8);
      } else if ((f.label === 'Company' || f.label === 'Organization' || f.label === 'Outlet') && e.label === 'Place' && gap.length >= 2 && gap[0]!.text === '-' && gap[1]!.lower === 'based') {
        emit('LOCATED_IN', f, e, {}, si, 0.75);
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
        if (o && !(o === ownerAfter && spans.some((x) => x.t0 > place.t1 && x.t0 < o.t0 && x.entity.label === 'Place'))) emit('LOCATED_IN', o.entity, place.entity, {}, si, 0.7);
      }
    }

    // trigger patterns
    for (let i = s.t0; i < s.t1; i++) {
      let node = P.root.next.get(toks[i]!.lower);
      if (!node) continue;
      let j = i + 1;
      let hit: { end: number; pats: number[] } | null = node.pats.length ? { end: j, pats: node.pats } : null;
      while (j < s.t1) {
        const nx: TrigNode | undefined = node.next.get(toks[j]!.lower);
        if (!nx) break;
        node = nx;
        j++;
        if (node.pats.length) hit = { end: j, pats: node.pats };
      }
      if (!hit) continue;
      const a = i;
      const b = hit.end;
      const passiveNoAgent = ['is', 'was', 'were', 'been', 'be', 'being', 'are'].includes(toks[a - 1]?.lower ?? '') && toks[b]?.lower !== 'by';
      // a trigger inside an entity name ("Trade Representative", "Defense Production Act") does not count
      if (rec.at[a]! >= 0) continue;
      for (const pi of hit.pats) {
        const p = P.patterns[pi]!;
        if (toks[b] && P.blockers[pi]!.has(toks[b]!.lower)) continue;
        if (p.mode === 'active' && passiveNoAgent && /ed$/.test(toks[a]!.lower)) continue;
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
        const ok = (sp: Span, labels: string[]): boolean =>
          labels.includes(sp.entity.label) && (!sp.demonym || p.demonyms === true || (p.demonyms === 'from' && labels === p.from) || (p.demonyms === 'to' && labels === p.to));
        const left = (labels: string[]): Span | null => {
          for (let k = spans.length - 1; k >= 0; k--) {
            const sp = spans[k]!;
            if (sp.t1 > a) continue;
            if (a - sp.t1 > p.window) break;
            if (ok(sp, labels)) return sp;
          }
          return null;
        };
        const rightAll = (labels: string[]): Span[] => {
          const out: Span[] = [];
          for (const sp of spans) {
            if (sp.t0 < b) continue;
            if (sp.t0 - b > p.window) break;
            if (!ok(sp, labels)) continue;
            if (out.length === 0 && sp.entity.label === 'Country' && isModifier(toks, sp, spans, labels)) continue;
            if (out.length === 0) out.push(sp);
            else {
              const prev = out[out.length - 1]!;
              const gap = toks.slice(prev.t1, sp.t0).map((t) => t.lower).filter((w) => w !== "'s");
              if (gap.length <= 3 && gap.every((w) => w === ',' || w === 'and' || w === 'the' || w === 'as' || w === 'well')) out.push(sp);
              else break;
            }
          }
          // "Peru's Chancay port": a possessive country followed by its place → the place
          if (out.length === 1 && out[0]!.entity.label === 'Country' && toks[out[0]!.t1]?.kind === 's') {
            const nextSp = spans.find((x) => x.t0 > out[0]!.t1 && x.t0 - out[0]!.t1 <= 4 && ok(x, labels) && x.entity.label !== 'Country');
            if (nextSp && p.type !== 'ACQUIRED') return [nextSp];
          }
          return out;
        };
        const props: Fact['props'] = {};
        // Confidence factor of the stated values: a converted amount is less certain than a stated one.
        let claimFactor = 1;
        const addProps = (toSpan: Span | null): void => {
          for (const pr of p.props) {
            if (pr === 'money') {
              const m = findMoney(toks, s.t0, s.t1);
              if (m) {
                props.value = m.value;
                props.currency = m.currency;
                if (m.converted) claimFactor = 0.9;
              }
            } else if (pr === 'year') {
              const y = findYear(toks, s.t0, s.t1);
              if (y !== null) props.year = y;
            } else if (pr === 'percent') {
              const v = findPercent(toks, s.t0, s.t1, a);
              if (v !== null) props.percent = v;
            } else if (pr === 'item') {
              props.item = findItem(toks, a, b, s.t0, s.t1);
            } else if (pr === 'asset' && toSpan) {
              const asset = findAsset(ctx.body, toks, toSpan.t1, s.t1);
              if (asset) props.asset = asset;
            }
          }
        };
        if (p.mode === 'pair') {
          const cands = spans.filter((sp) => ok(sp, p.from) && Math.min(Math.abs(sp.t0 - b), Math.abs(a - sp.t1)) <= p.window);
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
              const partnerId = ctx.ranking.find((id) => id !== only.entity.id && id.startsWith('country:'));
              const partner = partnerId ? rec.spans.find((sp) => sp.entity.id === partnerId) : undefined;
              if (partner) [x, y] = [only, partner];
            }
          }
          if (x && y && x.entity.id !== y.entity.id) {
            addProps(y);
            emit(p.type, x.entity, y.entity, { ...props }, si, p.confidence * claimFactor);
          }
          continue;
        }
        if (p.mode === 'active') {
          const from = left(p.from);
          const tos = rightAll(p.to);
          if (!from) continue;
          if (tos.length === 0) {
            if (p.defaultTarget === WORLD.id) {
              addProps(null);
              ctx.extra.set(WORLD.id, WORLD);
              emit(p.type, from.entity, WORLD, { ...props }, si, p.confidence * 0.9 * claimFactor);
            }
            continue;
          }
          for (const t of tos) {
            addProps(t);
            emit(p.type, from.entity, t.entity, { ...props }, si, p.confidence * claimFactor);
          }
        } else {
          const to = left(p.to);
          const froms = rightAll(p.from);
          if (!to || froms.length === 0) continue;
          for (const f of froms) {
            addProps(to);
            emit(p.type, f.entity, to.entity, { ...props }, si, p.confidence * claimFactor);
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
    emit(type, rl.person, rl.target, { role }, rl.sent, 0.8);
  }
  return facts;
}
