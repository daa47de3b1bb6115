/**
 * The endpoints of a trigger: the nearest allowed mention before it, and the allowed mentions after it
 * (the nearest, and a list that follows it). Which labels are allowed, and whether an adjective
 * ("Chinese") counts as its country, is the pattern's.
 */
import type { Span } from '../document.js';
import type { Lex } from '../lexicon.js';
import type { Token } from '../text.js';
import type { Pattern } from './patterns.js';

/** One trigger occurrence [a, b) in a sentence being resolved against one pattern. */
export interface Trigger {
  toks: Token[];
  /** Mentions of the sentence, in order. */
  spans: Span[];
  a: number;
  b: number;
  p: Pattern;
  lex: Lex;
}

/** "U.S. company X": a country followed by a common noun and then another candidate is an adjective. */
export function isModifier(toks: Token[], sp: Span, spans: Span[], labels: string[]): boolean {
  const nx = toks[sp.t1];
  if (!nx || nx.kind !== 'w' || nx.cap || nx.lower === 'and' || nx.lower === 'or') return false;
  return spans.some((o) => o !== sp && o.t0 >= sp.t1 + 1 && o.t0 <= sp.t1 + 3 && labels.includes(o.entity.label));
}

export function ok(p: Pattern, sp: Span, labels: string[]): boolean {
  return labels.includes(sp.entity.label) && (!sp.demonym || p.demonyms === true || (p.demonyms === 'from' && labels === p.from) || (p.demonyms === 'to' && labels === p.to));
}

/** The nearest allowed span ending before the trigger, within the window. */
export function left(h: Trigger, labels: string[]): Span | null {
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
export function rightAll(h: Trigger, labels: string[]): Span[] {
  const { spans, b, p, toks, lex } = h;
  const out: Span[] = [];
  for (const sp of spans) {
    if (sp.t0 < b) continue;
    if (sp.t0 - b > p.window) break;
    if (!ok(p, sp, labels)) continue;
    if (out.length === 0 && sp.entity.label === 'Country' && isModifier(toks, sp, spans, labels)) continue;
    if (out.length === 0) out.push(sp);
    else {
      const prev = out[out.length - 1]!;
      // the words between (possessives aside): at most three list words (", and the as well")
      let n = 0;
      let listy = true;
      for (let q = prev.t1; q < sp.t0 && listy; q++) {
        const w = toks[q]!.lower;
        if (w === "'s") continue;
        n++;
        if (n > 3 || !lex.listWords.has(w)) listy = false;
      }
      if (listy) out.push(sp);
      else break;
    }
  }
  // "<Country>'s <Place>": a possessive country followed by its place → the place
  if (out.length === 1 && out[0]!.entity.label === 'Country' && toks[out[0]!.t1]?.kind === 's') {
    const nextSp = spans.find((x) => x.t0 > out[0]!.t1 && x.t0 - out[0]!.t1 <= 4 && ok(p, x, labels) && x.entity.label !== 'Country');
    if (nextSp && p.type !== 'ACQUIRED') return [nextSp];
  }
  return out;
}

