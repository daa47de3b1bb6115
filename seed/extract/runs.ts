/**
 * Runs of capitalised tokens (with connectors, hyphens, "&" inside) not claimed by a one-name mention:
 * the candidates the name recogniser classifies and the coreference components look up.
 */
import type { Doc } from './document.js';
import { isFree, isWord } from './spans.js';

export interface Run {
  t0: number;
  t1: number;
}

/** Phase 2: runs of capitalised tokens not claimed by an atomic catalogue entity. */
export function findRuns(doc: Doc): Run[] {
  const toks = doc.tokens;
  const runs: Run[] = [];
  for (let i = 0; i < toks.length; i++) {
    // a run starts at a capitalised word, or an ordinal before one ("1st Special Forces Group"), not claimed by an atomic entity
    const t0k = toks[i]!;
    if (t0k.kind === 'w') {
      if (!t0k.cap) continue;
    } else if (t0k.kind !== 'n' || !isOrdinal(t0k.text) || !isWord(toks[i + 1]) || !toks[i + 1]!.cap) continue;
    if (!isFree(doc, i)) continue;
    const sent = t0k.sent;
    let j = i + 1;
    for (;;) {
      const t = toks[j];
      if (!t || t.sent !== sent) break;
      if (!isFree(doc, j)) break;
      if (isWord(t) && t.cap) {
        j++;
        continue;
      }
      // Co. Ltd. and the like are capitalised already; hyphenated parts: Montuffar-Helou, Ching-te, al-Sharaa
      if (t.text === '-' || t.text === '–') {
        const nx = toks[j + 1];
        if (isWord(nx) && nx.start === t.end && t.start === toks[j - 1]!.end && isFree(doc, j + 1) && (nx.cap || (nx.text.length <= 3 && doc.at[j - 1]! < 0))) {
          j += 2;
          continue;
        }
        break;
      }
      if (t.text === '&' && isWord(toks[j + 1]) && toks[j + 1]!.cap && isFree(doc, j + 1)) {
        j += 2;
        continue;
      }
      if (isWord(t) && doc.lex.connectors.has(t.lower) && !t.cap) {
        // connectors only between capitalised words: "Bank of Russia", "Academy of Social Sciences"
        let k = j + 1;
        if (toks[k]?.lower === 'the' && toks[k]!.kind === 'w') k++;
        const nx = toks[k];
        if (isWord(nx) && nx.cap && nx.sent === sent && isFree(doc, k) && !doc.lex.common.has(nx.lower)) {
          j = k + 1;
          continue;
        }
      }
      break;
    }
    runs.push({ t0: i, t1: j });
    i = j - 1;
  }
  return runs;
}

/** A digit followed by st/nd/rd/th at the end: 1st, 22nd, 3rd, 20th (as /\d(st|nd|rd|th)$/). */
export function isOrdinal(text: string): boolean {
  const n = text.length;
  if (n < 3) return false;
  const d = text.charCodeAt(n - 3);
  if (d < 48 || d > 57) return false;
  const suf = text.slice(n - 2);
  return suf === 'st' || suf === 'nd' || suf === 'rd' || suf === 'th';
}

