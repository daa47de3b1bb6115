/**
 * Component "portfolio-titles" (NLP pipeline, after the rule recogniser): "<Demonym> Industry
 * Minister <Name>", "Economic Affairs Minister <Name>" — a capitalised title of portfolio words and a
 * government role, then a name the rules left alone; the name is queued for "people" with the title.
 * A name the rules queued with such a title inside it ("Commerce Minister <Name>" as one run, no
 * role) gets the title split off as its role.
 */
import type { Doc } from '../document.js';
import { roleAt } from '../role-phrases.js';
import { spanAt } from '../spans.js';
import { nerComponent, nerCtx, text, type Ctx } from './ner-shared.js';

export const portfolioTitles = nerComponent('portfolio-titles', (doc, ctx) => {
  titledQueued(doc, ctx);
  // a fresh context: titledQueued may have changed the queued people, whose tokens it reserves
  queueTitledNames(doc, nerCtx(doc));
});

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

/**
 * A person the rules queued as one capitalised run, "<Portfolio…> <Role> <Name>" ("Commerce Minister
 * <Name>", "Cabinet Secretary <Name>", "Treasurer <Name>"): the leading words are the title (joined
 * to any role read before the run, "Chief"), the rest (two to four words) the name.
 */
function titledQueued(doc: Doc, ctx: Ctx): void {
  const toks = doc.tokens;
  for (const p of doc.pendingPeople) {
    if (p.before) continue;
    const a = p.nameStart;
    let j = a;
    while (j < p.t1 && j - a < 3 && ctx.N.portfolios.has(toks[j]!.lower)) j++;
    const r = roleAt(doc, j, Math.min(p.t1, j + 3));
    const end = r && (r.cls === 'gov' || r.cls === 'head') ? r.end : govTitleEnd(doc, j, p.t1, ctx);
    if (end === null || !toks[j]!.cap) continue;
    const words = toks.slice(end, p.t1).filter((x) => x.kind === 'w').length;
    if (words < 2 || words > 4 || !toks[end]!.cap) continue;
    const prefix = spanAt(doc, a - 1);
    // "Chief Executive <Name>" stays a corporate head (ner-people reads its owner); the rest hold public office
    // a role the rules read before the run ("Chief" + "Cabinet Secretary <Name>") joins the title
    p.role = p.role ? { role: `${p.role.role} ${text(doc, a, end)}`, cls: 'gov' } : { role: text(doc, a, end), cls: r && end === r.end ? r.cls : 'gov' };
    if (!p.prefixEntity && prefix && prefix.entity.label === 'Country') p.prefixEntity = prefix.entity;
    p.nameStart = end;
    p.name = text(doc, end, p.t1);
    p.given = doc.lex.given.has(toks[end]!.lower);
  }
}

/** The end of a title of public office from ner-words' govTitles at `j` ("Treasurer", "Cabinet Secretary"), the longest; null when none. */
function govTitleEnd(doc: Doc, j: number, limit: number, ctx: Ctx): number | null {
  let best: number | null = null;
  for (const words of ctx.N.govTitles) {
    if (j + words.length <= limit && words.every((w, i) => doc.tokens[j + i]!.lower === w)) best = Math.max(best ?? 0, j + words.length);
  }
  return best;
}
