/**
 * What the NER components (ner-names, portfolio-titles, described-names, lowercase-ministries,
 * hacking-groups) share: a per-story context (tokens queued as people, the names these components
 * made, whether the story is about hacking) and the typing of a name as Company / Organization /
 * Place / Outlet by head words, cues, descriptors and its sentence. Not a component.
 */
import type { Entity } from '../../../model/types.js';
import type { EntityLabel } from '../../../model/graph-model.js';
import { matchAt } from '../catalog.js';
import type { Component, Doc, NerMention } from '../document.js';
import { nerLex, type NerLex } from '../ner-words.js';
import { appositive } from '../role-phrases.js';
import { addSpan, countryOf, foldApos, makeEntity, roleText, spanAt } from '../spans.js';

export interface Ctx {
  N: NerLex;
  hackingStory: boolean;
  /** Tokens of the people queued for "people" (doc.pendingPeople). */
  reserved: Uint8Array;
  /** Names the NER components made entities of in the story (a later mention reuses the entity). */
  names: Map<string, Entity>;
}

export type Typed = { label: EntityLabel; kind: string | null };

const storyNames = new WeakMap<Doc, Map<string, Entity>>();

/** The context for one NER component's run: reserved tokens read afresh, names shared over the story. */
export function nerCtx(doc: Doc): Ctx {
  const N = nerLex();
  let names = storyNames.get(doc);
  if (!names) storyNames.set(doc, (names = new Map()));
  return { N, hackingStory: countHackingCues(doc, N) >= 2, reserved: reservedTokens(doc), names };
}

/**
 * A component of the NER stage: it runs only where CoreNLP's analysis is present (the rules pipeline
 * never lists it, and a document without NER has nothing for it), with a fresh context.
 */
export function nerComponent(name: string, run: (doc: Doc, ctx: Ctx) => void): Component {
  return {
    name,
    run(doc) {
      if (doc.nerMentions) run(doc, nerCtx(doc));
    },
  };
}

export const text = (doc: Doc, a: number, b: number): string => foldApos(roleText(doc, a, b));

function reservedTokens(doc: Doc): Uint8Array {
  const r = new Uint8Array(doc.tokens.length);
  for (const p of doc.pendingPeople) for (let k = p.t0; k < p.t1; k++) r[k] = 1;
  return r;
}

function countHackingCues(doc: Doc, N: NerLex): number {
  let n = 0;
  for (const t of doc.tokens) if (t.kind === 'w' && N.hackingCues.has(t.lower)) n++;
  return n;
}

export function addEntitySpan(doc: Doc, ctx: Ctx, a: number, b: number, typed: Typed, country?: string | null): Entity {
  const name = text(doc, a, b);
  // the catalogue wins where it knows the whole name
  const known = matchAt(doc.catalog, doc.tokens, a);
  if (known && known.t1 === b) {
    addSpan(doc, a, b, known.entity, 'gaz', known.alias.demonym);
    return known.entity;
  }
  const props: Entity['props'] = { country: country ?? countryNear(doc, a, b) };
  if (typed.label === 'Organization' || typed.label === 'Place') props.kind = typed.kind;
  if (typed.label === 'Outlet') props.ownership = 'unknown';
  const e = makeEntity(doc, typed.label, name, props, 0.7);
  addSpan(doc, a, b, e, 'rec');
  ctx.names.set(name, e);
  acronymAfter(doc, b, e);
  return e;
}

/** The sentence of an organisation name speaks of business (stakes, deals, plants, sales). */
export function businessSentence(doc: Doc, m: NerMention, ctx: Ctx): boolean {
  const toks = doc.tokens;
  const s = doc.sentences[toks[m.t0]!.sent]!;
  for (let k = s.t0; k < s.t1; k++) {
    const t = toks[k]!;
    if (k >= m.t0 && k < m.t1) continue;
    if (t.kind === 'w' && (!t.cap || k === s.t0) && (ctx.N.businessWords.has(t.lower) || doc.lex.companyCue.has(t.lower))) return true;
  }
  return false;
}

/** The lowercase descriptor right after a name ("<Name> mine", "the <ACR> security service", "<Name> container terminal"). */
export function descriptorAfter(doc: Doc, b: number, ctx: Ctx): Typed | null {
  const toks = doc.tokens;
  const sent = toks[b - 1]!.sent;
  const w1 = toks[b];
  if (!w1 || w1.sent !== sent || w1.kind !== 'w' || w1.cap) return null;
  const w2 = toks[b + 1];
  const w3 = toks[b + 2];
  const cands: string[] = [];
  // three lowercase nouns and adjectives ("military intelligence service"): the last is the head
  const modifier = (t: typeof w1): boolean => !!t.pos && (t.pos.startsWith('JJ') || t.pos === 'NN');
  if (w2 && w3 && w3.sent === sent && [w1, w2, w3].every((t) => t.kind === 'w' && !t.cap) && modifier(w1) && modifier(w2) && w3.pos?.startsWith('NN')) cands.push(`${w2.lower} ${w3.lower}`, w3.lower);
  if (w2 && w2.sent === sent && w2.kind === 'w' && !w2.cap) cands.push(`${w1.lower} ${w2.lower}`, w2.lower);
  cands.push(w1.lower);
  for (const c of cands) {
    // the second word alone counts only when the first is a modifier ("container terminal"), not a verb
    if (c === w2?.lower && (w1.lower.endsWith('ed') || w1.lower.endsWith('s') || doc.lex.speech.has(w1.lower))) continue;
    const pk = ctx.N.placeDescriptors.get(c);
    if (pk) return { label: 'Place', kind: pk };
    if (ctx.N.organizationDescriptors.has(c)) return { label: 'Organization', kind: doc.lex.orgHead.get(c.split(' ').pop()!) ?? 'agency' };
    if (ctx.N.companyDescriptors.has(c)) return { label: 'Company', kind: null };
  }
  return null;
}

/** A hacking group: "<X> Typhoon", "APT41", or a name a group noun introduces in a hacking story. */
export function hackingGroup(doc: Doc, a: number, b: number, ctx: Ctx): boolean {
  const toks = doc.tokens;
  const last = toks[b - 1]!;
  // vendor naming schemes ("<Word> Typhoon", "<Word> Bear"): only in a story about hacking ("Super Typhoon", "Golden Bear" elsewhere)
  if (ctx.hackingStory && b - a >= 2 && last.cap && ctx.N.hackingGroupHeads.has(last.lower)) return true;
  if (b - a === 1 && ctx.N.hackingGroupPattern.test(last.text)) return true;
  if (b - a === 2 && ctx.N.hackingGroupPattern.test(`${toks[a]!.text}${last.text}`)) return true;
  // "the <Name> Group" in a story about hacking, in a sentence not about business
  if (ctx.hackingStory && b - a >= 2 && last.lower === 'group' && !businessSentence(doc, { t0: a, t1: b, tag: 'ORGANIZATION' }, ctx)) return true;
  // "a group calling itself X", "hackers known as X", "the hacking group X"
  const sent = toks[a]!.sent;
  const lowerAt = (k: number): string | null => {
    const t = toks[k];
    return t && t.sent === sent && t.kind === 'w' && !t.cap ? t.lower : null;
  };
  const groupish = (w: string | null): boolean => !!w && (ctx.N.groupNouns.has(w) || ctx.N.hackingCues.has(w));
  const prev = lowerAt(a - 1);
  if (prev && ((ctx.N.groupNouns.has(prev) && (ctx.hackingStory || ctx.N.hackingCues.has(lowerAt(a - 2) ?? ''))) || (ctx.N.hackingCues.has(prev) && prev.endsWith('ing')))) return true;
  // self-naming: "calling itself X", "known as X", "dubbed X" after a group noun or hackers
  for (let k = a - 1; k >= Math.max(0, a - 2); k--) {
    if (ctx.N.selfNaming.has(lowerAt(k) ?? '') && (groupish(lowerAt(k - 1)) || groupish(lowerAt(k - 2)))) return true;
  }
  // "X, a unit of …" / "X, a cluster of …" in a story about hacking
  if (ctx.hackingStory && toks[b]?.text === ',') {
    for (let k = b + 1; k < Math.min(toks.length, b + 4); k++) {
      const t = toks[k]!;
      if (t.cap || t.sent !== sent) break;
      if (ctx.N.groupNouns.has(t.lower) || ctx.N.hackingCues.has(t.lower)) return true;
    }
  }
  return false;
}

/** Company, Organization or Outlet for an organisation name [a, b), or null when nothing says which. */
export function orgType(doc: Doc, a: number, b: number, tag: string, ctx: Ctx): Typed | null {
  const toks = doc.tokens;
  if (hackingGroup(doc, a, b, ctx)) return { label: 'Organization', kind: 'hacking group' };
  const last = toks[b - 1]!.lower;
  if (ctx.N.companyHeads.has(last)) return { label: 'Company', kind: null };
  const head = doc.lex.head.get(last);
  if (head && !(head.label === 'Place' && tag === 'ORGANIZATION')) return { label: head.label, kind: head.kind };
  for (let k = a; k < b; k++) {
    const w = toks[k]!.lower;
    const kind = ctx.N.organizationWords.get(w) ?? (w.endsWith('workers') ? 'association' : undefined);
    if (kind) return { label: 'Organization', kind };
  }
  const d = descriptorAfter(doc, b, ctx);
  if (d && d.label !== 'Place') return d;
  // an appositive (", a Chinese company", ", the state regulator"), not a clause (", asked the regulator")
  const det = toks[b + 1];
  const app = toks[b]?.text === ',' && det && (det.lower === 'a' || det.lower === 'an' || det.lower === 'the' || spanAt(doc, b + 1)) ? appositive(doc, b) : null;
  if (app && !app.role && app.cue) {
    if (doc.lex.companyCue.has(app.cue)) return { label: 'Company', kind: null };
    if (doc.lex.outletCue.has(app.cue)) return { label: 'Outlet', kind: null };
    if (doc.lex.orgCue.has(app.cue) && app.cue !== 'group') return { label: 'Organization', kind: doc.lex.orgHead.get(app.cue) ?? 'agency' };
  }
  if (toks[b]?.text === ',' && det && (det.lower === 'a' || det.lower === 'an' || det.lower === 'the') && !app?.role) return appositiveHead(doc, b + 1, ctx);
  return null;
}

/**
 * The head noun of an appositive noun phrase ("the bloc's statistics office", "a state security
 * service"): the last noun before the phrase ends (punctuation, a verb, a preposition, a relative
 * word); an organisation word makes an Organization, a company descriptor a Company.
 */
function appositiveHead(doc: Doc, k: number, ctx: Ctx): Typed | null {
  const toks = doc.tokens;
  const sent = toks[k]?.sent;
  let head: string | null = null;
  for (let j = k; j < toks.length && j - k < 8; j++) {
    const t = toks[j]!;
    if (t.sent !== sent) break;
    if (t.kind === 's') continue;
    if (t.kind !== 'w' || t.cap && j > k) {
      if (t.kind === 'p') break;
      continue;
    }
    const pos = t.pos ?? '';
    if (pos.startsWith('NN') && !t.cap) head = t.lower;
    else if (!(pos === 'DT' || pos.startsWith('JJ') || pos === 'POS' || pos === 'PRP$' || pos === 'CD')) break;
  }
  if (!head) return null;
  const kind = ctx.N.organizationWords.get(head);
  if (kind || ctx.N.organizationDescriptors.has(head)) return { label: 'Organization', kind: kind ?? doc.lex.orgHead.get(head) ?? 'agency' };
  if (ctx.N.companyDescriptors.has(head)) return { label: 'Company', kind: null };
  return null;
}

export function placeType(doc: Doc, m: NerMention, ctx: Ctx): Typed {
  const last = doc.tokens[m.t1 - 1]!.lower;
  const ph = doc.lex.placeHead.get(last);
  if (ph) return { label: 'Place', kind: ph };
  const d = descriptorAfter(doc, m.t1, ctx);
  if (d?.label === 'Place') return d;
  return { label: 'Place', kind: m.tag === 'STATE_OR_PROVINCE' ? 'region' : 'city' };
}

/** "Name (ACR)" or "Name, the port group known as ACR": the acronym is a short form of the name. */
function acronymAfter(doc: Doc, b: number, e: Entity): void {
  const toks = doc.tokens;
  let acr: string | null = null;
  if (toks[b]?.text === '(' && toks[b + 1]?.upper && toks[b + 2]?.text === ')') acr = toks[b + 1]!.text;
  else {
    const sent = toks[b - 1]!.sent;
    const N = nerLex();
    for (let k = b; k < Math.min(toks.length, b + 10) && !acr; k++) {
      const t = toks[k]!;
      if (t.sent !== sent || (k > b && spanAt(doc, k))) break;
      for (const intro of N.acronymIntroducers) {
        if (intro.length === 1) continue; // a bare "or" only inside parentheses
        if (intro.every((w, j) => toks[k + j]?.lower === w)) {
          const x = toks[k + intro.length];
          if (x && x.upper && x.kind === 'w') acr = x.text;
        }
      }
    }
  }
  if (!acr || doc.shortForms.has(acr)) return;
  doc.shortForms.set(acr, e);
  if (e.source === 'recognizer' && !e.aliases.includes(acr) && e.name !== acr) e.aliases.push(acr);
}

/** The country of a span in the name, or of a ", <Country>" right after it. */
function countryNear(doc: Doc, a: number, b: number): string | null {
  for (let k = a; k < b; k++) {
    const co = countryOf(doc, spanAt(doc, k)?.entity);
    if (co) return co.id;
  }
  if (doc.tokens[b]?.text === ',') {
    const sp = spanAt(doc, b + 1);
    if (sp && sp.entity.label === 'Country') return sp.entity.id;
  }
  return null;
}
