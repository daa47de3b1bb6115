/**
 * Component "values": the values a fact may carry, stated in its sentence — money (amount and currency,
 * US dollars preferred), a year, a percentage, the item of an export control, the asset of an
 * acquisition. The finders run on demand (only for sentences with a trigger that asks for them) and the
 * sentence-wide ones are kept for the sentence being read. Word lists: seed/catalog/values.json.
 */
import type { Component, Doc, SentenceValues } from '../document.js';
import { loadCatalogFile } from '../data/read.js';
import { valuesFile } from '../data/schemas.js';
import type { Token } from '../text.js';

const WORDS = loadCatalogFile('values.json', valuesFile);
// Maps, not object literals: a word such as "constructor" must not find Object.prototype's members
const MULT = new Map<string, number>(Object.entries(WORDS.multipliers));
const CURRENCY_WORD = new Map<string, string>(Object.entries(WORDS.currencyWords));
const CURRENCY_SYMBOL = new Map<string, string>(Object.entries(WORDS.currencySymbols));
const ITEM_STOP: ReadonlySet<string> = new Set(WORDS.itemStopWords);
const ITEM_PREPS: ReadonlySet<string> = new Set(WORDS.itemPrepositions);
const ITEM_MODIFIERS: ReadonlySet<string> = new Set(WORDS.itemModifiers);

export const values: Component = {
  name: 'values',
  run(doc) {
    doc.values = sentenceValues(doc);
  },
};

/** `find` over one sentence's tokens, kept for the sentence last asked about (relations ask per trigger). */
function lastSentence<T>(doc: Doc, find: (toks: Token[], t0: number, t1: number) => T): (si: number) => T {
  let sent = -1;
  let found: T;
  return (si) => {
    if (si !== sent) {
      const s = doc.sentences[si]!;
      found = find(doc.tokens, s.t0, s.t1);
      sent = si;
    }
    return found;
  };
}

function sentenceValues(doc: Doc): SentenceValues {
  const toks = doc.tokens;
  return {
    money: lastSentence(doc, findMoney),
    year: lastSentence(doc, findYear),
    percent(si, near) {
      const s = doc.sentences[si]!;
      return findPercent(toks, s.t0, s.t1, near);
    },
    item(si, a, b) {
      const s = doc.sentences[si]!;
      return findItem(toks, a, b, s.t0, s.t1);
    },
    asset(si, afterSpan) {
      return findAsset(doc.text, toks, afterSpan, doc.sentences[si]!.t1);
    },
  };
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
  if (prev && trigA - 1 >= sentA && prev.kind === 'w' && !prev.cap && !ITEM_STOP.has(prev.lower) && !ITEM_MODIFIERS.has(prev.lower)) return prev.lower;
  return null;
}

function findAsset(body: string, toks: Token[], afterSpan: number, sentB: number): string | null {
  // "<Country>'s electricity distribution", "<Company>'s wafer manufacturing and chip-related assets"
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

