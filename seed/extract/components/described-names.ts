/**
 * Component "described-names" (NLP pipeline, before "ner-names"): free capitalised names a lowercase
 * descriptor types — "the <Name> container terminal", "the <Name> mine" (places), "the <Name> party",
 * "the <Name> for <Country> party" (organisations).
 */
import type { Doc } from '../document.js';
import { spanAt } from '../spans.js';
import { addEntitySpan, descriptorAfter, nerComponent, type Ctx } from './ner-shared.js';

export const describedNames = nerComponent('described-names', (doc, ctx) => {
  describedPlaces(doc, ctx);
  describedOrganisations(doc, ctx);
});

/** A free capitalised word before a lowercase place descriptor ("the <Name> container terminal", "the <Name> mine"): a place. */
function describedPlaces(doc: Doc, ctx: Ctx): void {
  const toks = doc.tokens;
  for (let k = 1; k < toks.length; k++) {
    const t = toks[k]!;
    if (t.kind !== 'w' || !t.cap || doc.at[k]! >= 0 || ctx.reserved[k] || doc.lex.common.has(t.lower) || doc.lowerSeen.has(t.lower)) continue;
    if (toks[k - 1]!.sent !== t.sent || toks[k - 1]!.lower !== 'the') continue;
    if (toks[k + 1]?.cap || t.ner === 'ORGANIZATION') continue; // "the <Firm> plant" names the firm's plant, not a place name
    const d = descriptorAfter(doc, k + 1, ctx);
    if (d && d.label === 'Place' && (d.kind === 'port' || d.kind === 'mine')) addEntitySpan(doc, ctx, k, k + 1, d);
  }
}

/**
 * "the <Name> party", "the <Name> for <Country> party": a capitalised name between "the" and a
 * lowercase organisation descriptor is that organisation, country names inside it included.
 */
function describedOrganisations(doc: Doc, ctx: Ctx): void {
  const toks = doc.tokens;
  for (let k = 1; k < toks.length; k++) {
    if (toks[k - 1]!.lower !== 'the' || !toks[k]!.cap || doc.at[k]! >= 0 || ctx.reserved[k]) continue;
    const sent = toks[k]!.sent;
    let j = k;
    let free = 0;
    let ok = true;
    while (j < toks.length && j - k < 7 && toks[j]!.sent === sent) {
      const t = toks[j]!;
      const sp = spanAt(doc, j);
      if (sp) {
        if (sp.entity.label !== 'Country' && sp.entity.label !== 'Place') ok = false;
        j = sp.t1;
        continue;
      }
      if (ctx.reserved[j]) ok = false;
      if (t.kind === 'w' && t.cap) free++;
      else if (!(t.kind === 'w' && (t.lower === 'for' || t.lower === 'of' || t.lower === 'and'))) break;
      j++;
    }
    if (!ok || free === 0 || j === k || !toks[j - 1]!.cap) continue;
    const d = descriptorAfter(doc, j, ctx);
    if (!d || d.label !== 'Organization' || toks[j + 1]?.cap) continue;
    if (doc.lex.common.has(toks[k]!.lower) && j - k === 1) continue;
    addEntitySpan(doc, ctx, k, j, d);
    k = j;
  }
}
