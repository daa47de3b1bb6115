/**
 * Component "portfolio-titles" (NLP pipeline, after the rule recogniser): "<Demonym> Industry
 * Minister <Name>", "Economic Affairs Minister <Name>" — a capitalised title of portfolio words and a
 * government role, then a name the rules left alone; the name is queued for "people" with the title.
 */
import type { Component, Doc } from '../document.js';
import { roleAt } from '../role-phrases.js';
import { spanAt } from '../spans.js';
import { nerCtx, text, type Ctx } from './ner-shared.js';

export const portfolioTitles: Component = {
  name: 'portfolio-titles',
  run(doc) {
    if (!doc.nerMentions) return; // the rules pipeline: no NLP stage ran
    queueTitledNames(doc, nerCtx(doc));
  },
};

/**
 * "<Demonym> Industry Minister <Name>", "Economic Affairs Minister <Name>": a capitalised title made
 * of portfolio words and a government role, then a name the rules left alone (too long a run). The
 * name is queued for "people" with the title as its role and the country before it as the owner.
 */
function queueTitledNames(doc: Doc, ctx: Ctx): void {
  const toks = doc.tokens;
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k]!;
    if (t.kind !== 'w' || !t.cap || doc.at[k]! >= 0 || ctx.reserved[k] || !ctx.N.portfolios.has(t.lower)) continue;
    let j = k;
    while (j < toks.length && j - k < 3 && toks[j]!.cap && ctx.N.portfolios.has(toks[j]!.lower) && doc.at[j]! < 0) j++;
    const r = roleAt(doc, j, Math.min(toks.length, j + 3));
    if (!r || (r.cls !== 'gov' && r.cls !== 'head') || !toks[j]!.cap) continue;
    let e = r.end;
    while (e < toks.length && e - r.end < 6 && toks[e]!.sent === t.sent && doc.at[e]! < 0 && !ctx.reserved[e] && ((toks[e]!.kind === 'w' && (toks[e]!.cap || toks[e - 1]!.text === '-')) || (toks[e]!.text === '-' && toks[e]!.start === toks[e - 1]!.end))) e++;
    if (toks[e - 1]?.text === '-') e--;
    const words = toks.slice(r.end, e).filter((x) => x.kind === 'w').length;
    if (words < 2 || words > 4) continue;
    if (toks[e]?.kind === 'w' && toks[e]!.cap && toks[e]!.sent === t.sent) continue; // the run goes on: not bounded
    const prefix = spanAt(doc, k - 1);
    const prefixEntity = prefix && prefix.entity.label === 'Country' ? prefix.entity : null;
    doc.pendingPeople.push({ nameStart: r.end, t1: e, t0: k, role: { role: text(doc, k, r.end), cls: 'gov' }, before: null, prefixEntity, name: text(doc, r.end, e), given: doc.lex.given.has(toks[r.end]!.lower), sent: t.sent });
    for (let x = k; x < e; x++) ctx.reserved[x] = 1;
    k = e;
  }
}
