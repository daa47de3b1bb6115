/**
 * Component "hacking-groups" (NLP pipeline, after "ner-names"): hacking-group names NER leaves
 * untagged — "<Word> Typhoon" in a story about hacking, "APT41", a name a group noun introduces.
 * (Names NER tags are typed as hacking groups by ner-shared's hackingGroup.)
 */
import type { Doc } from '../document.js';
import { addEntitySpan, hackingGroup, nerComponent, type Ctx } from './ner-shared.js';

export const hackingGroups = nerComponent('hacking-groups', hackingGroupNames);

/** Hacking-group names NER leaves untagged: "<Word> Typhoon", "APT41" (free capitalised tokens). */
function hackingGroupNames(doc: Doc, ctx: Ctx): void {
  const toks = doc.tokens;
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k]!;
    if (t.kind !== 'w' && t.kind !== 'n') continue;
    if (doc.at[k]! >= 0 || ctx.reserved[k]) continue;
    const next = toks[k + 1];
    if (ctx.hackingStory && t.cap && next && next.cap && next.sent === t.sent && doc.at[k + 1]! < 0 && ctx.N.hackingGroupHeads.has(next.lower) && !doc.lex.common.has(t.lower)) {
      addEntitySpan(doc, ctx, k, k + 2, { label: 'Organization', kind: 'hacking group' });
      k++;
    } else if (ctx.N.hackingGroupPattern.test(t.text)) addEntitySpan(doc, ctx, k, k + 1, { label: 'Organization', kind: 'hacking group' });
    else if (t.cap && k > 0 && toks[k - 1]!.sent === t.sent && !toks[k - 1]!.cap && !doc.lex.common.has(t.lower) && !doc.lex.given.has(t.lower) && (next?.cap !== true || next.sent !== t.sent) && ctx.hackingStory && hackingGroup(doc, k, k + 1, ctx)) {
      // "run by <Name>, a cluster of …", "hackers calling themselves <Name>": a name NER left untagged
      addEntitySpan(doc, ctx, k, k + 1, { label: 'Organization', kind: 'hacking group' });
    }
  }
}
