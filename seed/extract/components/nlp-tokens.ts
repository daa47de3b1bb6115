/**
 * Component "nlp-tokens": lays CoreNLP's analysis (doc.annotation) over our own tokens by character
 * offset, so every later component (catalogue, values, patterns) keeps working on one token list.
 * Fills each token's pos, lemma and ner, `doc.nerMentions` (runs of one NER tag) and
 * `doc.dependencies` (enhanced++ arcs between our token indices).
 *
 * The two tokenizers differ on hyphens ("Dubai-based" is one CoreNLP token, three of ours): a CoreNLP
 * token maps to its last word or number among ours, since the head of an English compound is its last
 * part ("state-owned" → owned); the other pieces keep its tag and part of speech.
 */
import type { Component, Dependency, Doc, NerMention } from '../document.js';

/** Our token indices covering [begin, end), found by a moving pointer (tokens and annotation are both in text order). */
function overlapping(doc: Doc, begin: number, end: number, from: number): { t0: number; t1: number } {
  const toks = doc.tokens;
  let t0 = from;
  while (t0 < toks.length && toks[t0]!.end <= begin) t0++;
  let t1 = t0;
  while (t1 < toks.length && toks[t1]!.start < end) t1++;
  return { t0, t1 };
}

export const nlpTokens: Component = {
  name: 'nlp-tokens',
  run(doc) {
    const a = doc.annotation;
    if (!a) return;
    const toks = doc.tokens;
    const dependencies: Dependency[] = [];
    const nerMentions: NerMention[] = [];
    let cursor = 0;
    for (const s of a.sentences) {
      // anchor[k]: our token standing for CoreNLP token k (-1: none, e.g. a character we do not tokenize)
      const anchor = new Int32Array(s.tokens.length).fill(-1);
      const range: Array<{ t0: number; t1: number }> = [];
      s.tokens.forEach((nt, k) => {
        const r = overlapping(doc, nt.begin, nt.end, cursor);
        range.push(r);
        if (r.t1 <= r.t0) return;
        cursor = r.t0;
        let head = r.t1 - 1;
        for (let i = r.t1 - 1; i >= r.t0; i--) {
          if (toks[i]!.kind === 'w' || toks[i]!.kind === 'n') {
            head = i;
            break;
          }
        }
        anchor[k] = head;
        for (let i = r.t0; i < r.t1; i++) {
          const t = toks[i]!;
          t.pos = nt.pos;
          t.ner = nt.ner;
          t.lemma = i === head ? nt.lemma : t.lower;
        }
      });
      for (const [rel, h, d] of s.arcs) {
        const dep = anchor[d] ?? -1;
        if (dep < 0) continue;
        const head = h < 0 ? -1 : (anchor[h] ?? -1);
        if (h >= 0 && (head < 0 || head === dep)) continue;
        dependencies.push({ head, dep, rel });
      }
      // runs of one NER tag → mentions over our tokens
      for (let k = 0; k < s.tokens.length; ) {
        const tag = s.tokens[k]!.ner;
        let e = k + 1;
        while (e < s.tokens.length && s.tokens[e]!.ner === tag) e++;
        if (tag !== 'O') {
          const first = range[k]!;
          const last = range[e - 1]!;
          if (first.t1 > first.t0 && last.t1 > last.t0) nerMentions.push({ t0: first.t0, t1: last.t1, tag });
        }
        k = e;
      }
    }
    doc.dependencies = dependencies;
    doc.nerMentions = nerMentions;
  },
};
