/**
 * LOCATED_IN from the shape of a sentence, without a trigger word:
 *   "<Place>, <Country>" / "<Place>, the capital of <Country>" / "<Place> in <Country>'s …"
 *   "<Country>'s <Place>", "the <demonym> port city of <Place>" (a few place words between)
 *   "<Place>-based <Company>" and "<Company>, a <Place>-based …"
 */
import type { Doc, Span } from '../document.js';
import type { Token } from '../text.js';
import { emitFact } from './facts.js';

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

const OWNER_LABELS = ['Company', 'Organization', 'Outlet'];

/** The LOCATED_IN facts of sentence `si` whose mentions are `spans`. */
export function placeSyntax(doc: Doc, si: number, spans: Span[]): void {
  const toks = doc.tokens;
  const s = doc.sentences[si]!;
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
        emitFact(doc, 'LOCATED_IN', e, f, {}, si, 0.85);
        continue;
      }
    }
    if (e.label === 'Country' && f.label === 'Place' && gapLen <= 4 && ((gapLen > 0 && toks[g0]!.kind === 's') || sp.demonym)) {
      let all = true;
      for (let q = g0; q < g1; q++) {
        const t = toks[q]!;
        if (t.kind !== 's' && !doc.lex.placeGapWords.has(t.lower)) {
          all = false;
          break;
        }
      }
      if (all) {
        emitFact(doc, 'LOCATED_IN', f, e, {}, si, 0.8);
        continue;
      }
    }
    if ((f.label === 'Company' || f.label === 'Organization' || f.label === 'Outlet') && e.label === 'Place' && gapLen >= 2 && toks[g0]!.text === '-' && toks[g0 + 1]!.lower === 'based') {
      emitFact(doc, 'LOCATED_IN', f, e, {}, si, 0.75);
    }
  }
  // "<Company>, a leading <Place>-based brand": X-based after the company
  for (let i = s.t0; i + 2 < s.t1; i++) {
    if (toks[i + 1]!.text === '-' && toks[i + 2]!.lower === 'based') {
      const place = doc.at[i]! >= 0 ? doc.mentions[doc.at[i]!]! : null;
      if (!place || (place.entity.label !== 'Place' && place.entity.label !== 'Country')) continue;
      const owner = [...spans].reverse().find((x) => x.t1 <= place.t0 && OWNER_LABELS.includes(x.entity.label) && place.t0 - x.t1 <= 6);
      const ownerAfter = spans.find((x) => x.t0 > i + 2 && OWNER_LABELS.includes(x.entity.label) && x.t0 - i <= 8);
      const o = owner ?? ownerAfter;
      if (o && !(o === ownerAfter && spans.some((x) => x.t0 > place.t1 && x.t0 < o.t0 && x.entity.label === 'Place'))) emitFact(doc, 'LOCATED_IN', o.entity, place.entity, {}, si, 0.7);
    }
  }
}
