/**
 * Component "lowercase-ministries" (NLP pipeline, before "ner-names"): "<Country>'s foreign ministry",
 * "the environment ministry" — a ministry written in lowercase, named by its portfolio.
 */
import type { Entity } from '../../../model/types.js';
import { matchAt } from '../catalog.js';
import type { Doc } from '../document.js';
import { addSpan, makeEntity, roleText, spanAt } from '../spans.js';
import { tokenize } from '../text.js';
import { nerComponent, text, type Ctx } from './ner-shared.js';

export const lowercaseMinistries = nerComponent('lowercase-ministries', ministries);

/**
 * "<Country>'s foreign ministry", "the environment ministry": a ministry written in lowercase, named
 * by its portfolio. The catalogue's "<Demonym> Foreign Ministry" when it has one, else a new
 * Organization named as written, of that country (or the story's first country).
 */
function ministries(doc: Doc, ctx: Ctx): void {
  const toks = doc.tokens;
  for (let k = 0; k < toks.length; k++) {
    const head = toks[k]!;
    if (head.cap || !ctx.N.ministryHeads.has(head.lower) || doc.at[k]! >= 0) continue;
    let a = k;
    while (a > 0 && k - a < 2 && !toks[a - 1]!.cap && toks[a - 1]!.kind === 'w' && ctx.N.portfolios.has(toks[a - 1]!.lower)) a--;
    if (a === k) continue;
    const portfolio = roleText(doc, a, k);
    if (!ctx.N.portfolios.has(portfolio.toLowerCase()) && k - a > 1) continue;
    let country: Entity | null = null;
    let start = a;
    if (toks[a - 1]?.kind === 's' && spanAt(doc, a - 2)?.entity.label === 'Country') {
      const sp = spanAt(doc, a - 2)!;
      country = sp.entity;
      start = sp.t0;
    } else if (toks[a - 1]?.lower !== 'the') continue;
    // the catalogue's name for it: "<Country or demonym> <Portfolio> Ministry"
    const title = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1);
    const portfolioTitle = portfolio.split(' ').map(title).join(' ');
    let known: Entity | null = null;
    for (const form of country ? [country.name, ...country.aliases] : []) {
      const toksOf = tokenize(`${form} ${portfolioTitle} ${title(head.lower)}`);
      const m = matchAt(doc.catalog, toksOf, 0);
      if (m && m.t1 === toksOf.length && m.entity.label === 'Organization') {
        known = m.entity;
        break;
      }
    }
    if (known) {
      addSpan(doc, start, k + 1, known, 'gaz');
      continue;
    }
    const name = start === a ? `${portfolio} ${head.lower}` : text(doc, start, k + 1);
    const co = country ?? doc.mentions.find((s) => !s.dead && s.entity.label === 'Country')?.entity ?? null;
    const e = makeEntity(doc, 'Organization', name, { country: co?.id ?? null, kind: 'ministry' }, 0.65);
    addSpan(doc, start, k + 1, e, 'rec');
    ctx.names.set(name, e);
  }
}
