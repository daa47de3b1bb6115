/**
 * Component "gazetteer": catalogue names (countries, officials, people, companies, organisations,
 * outlets, places; one token-trie walk, longest match wins). An ambiguous alias (Jordan, Georgia) does
 * not count when glued to a neighbouring capitalised word.
 */
import { matchAt, mayStartMatch } from '../catalog.js';
import type { Component, Doc } from '../document.js';
import { addSpan, isWord } from '../spans.js';
import type { Token } from '../text.js';

export const gazetteer: Component = {
  name: 'gazetteer',
  run(doc) {
    findCatalogueMentions(doc);
  },
};

function findCatalogueMentions(doc: Doc): void {
  const toks = doc.tokens;
  for (let i = 0; i < toks.length; ) {
    const t = toks[i]!;
    if (t.kind !== 'w' && t.kind !== 'n') {
      i++;
      continue;
    }
    const m = mayStartMatch(doc.catalog, t) ? matchAt(doc.catalog, toks, i) : null;
    if (!m) {
      i++;
      continue;
    }
    if (m.alias.ambiguous) {
      const prev = toks[m.t0 - 1];
      const next = toks[m.t1];
      const glued = (x: Token | undefined, xi: number): boolean => isWord(x) && x.cap && x.sent === t.sent && !doc.lex.common.has(x.lower) && !matchAt(doc.catalog, toks, xi);
      if ((prev && prev.end === t.start - 1 && glued(prev, m.t0 - 1)) || (next && glued(next, m.t1))) {
        i = m.t1;
        continue;
      }
    }
    addSpan(doc, m.t0, m.t1, m.entity, 'gaz', m.alias.demonym);
    i = m.t1;
  }
}

