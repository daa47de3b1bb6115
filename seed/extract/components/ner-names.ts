/**
 * Component "ner-names": names CoreNLP's NER found (doc.nerMentions) that the catalogue and the rules
 * missed or mis-bounded. Runs after the rule recogniser, so the catalogue wins wherever it knows a
 * name; NER then
 *   - splits a recognised span that holds several NER names ("A, B and C", "X on the Y River");
 *   - widens a recognised span to the NER name around it when the rest of that name is free or only
 *     a country/place prefix ("<Country> <Name> Copper", "<Name> und Logistik AG");
 *   - makes unclaimed NER names mentions: organisations typed by head words, cues and descriptors
 *     (Company by default, Organization for government/union/hacking-group names), places, and
 *     people (queued for the "people" component, which reads their roles);
 *   - resolves acronyms introduced after such a name ("Name (ACR)", "…, known as ACR");
 *   - reads "<Firm> chief executive <Name>": the free words before a corporate role are the employer.
 * The other NER passes are components of their own: portfolio-titles, described-names,
 * lowercase-ministries (before this one) and hacking-groups (after); what they share is ner-shared.ts.
 * Word lists: seed/catalog/ner-words.json (ner-words.ts) and the lexicon.
 */
import type { Entity } from '../../../model/types.js';
import type { EntityLabel } from '../../../model/graph-model.js';
import type { Component, Doc, NerMention } from '../document.js';
import { nerLex, type NerLex } from '../ner-words.js';
import { roleAt, roleBefore } from '../role-phrases.js';
import { addSpan, spanAt } from '../spans.js';
import { addEntitySpan, businessSentence, descriptorAfter, hackingGroup, nerCtx, orgType, placeType, text, type Ctx, type Typed } from './ner-shared.js';

export const nerNames: Component = {
  name: 'ner-names',
  run(doc) {
    if (!doc.nerMentions) return; // the rules pipeline: no NLP stage ran
    const N = nerLex();
    const ctx = nerCtx(doc);
    const ms = joinForeignAnd(doc, doc.nerMentions.map((m) => trim(doc, m)).filter((m): m is NerMention => m !== null && ctx.N.tags.has(m.tag)), N);
    // queued people with no role yet: "<role> to <Country>, <Name>"
    geographicQueued(doc, ctx);
    shortQueued(doc, ctx);
    orgQueued(doc, ms, ctx);
    hyphenatedQueued(doc, ms);
    for (const p of doc.pendingPeople) {
      if (p.role || p.before) continue;
      // "<Role> of <Body> <Name>", "<role> to <Country>, <Name>", "<Role> of <Body>, <Name>"
      p.before = roleOfBody(doc, p.t0) ?? (doc.tokens[p.t0 - 1]?.text === ',' ? (roleAcross(doc, p.t0 - 1) ?? roleOfBody(doc, p.t0 - 1)) : null);
    }
    splitMerged(doc, ms, ctx);
    for (const m of ms) claim(doc, m, ctx);
    employers(doc, ctx);
  },
};

/** The mention without a leading article or trailing possessive / punctuation. */
function trim(doc: Doc, m: NerMention): NerMention | null {
  const toks = doc.tokens;
  let { t0, t1 } = m;
  while (t0 < t1 && (toks[t0]!.kind === 'p' || toks[t0]!.lower === 'the')) t0++;
  while (t1 > t0 && (toks[t1 - 1]!.kind === 's' || toks[t1 - 1]!.kind === 'p')) t1--;
  if (t1 <= t0 || !toks[t0]!.cap) return null;
  return { t0, t1, tag: m.tag };
}

/** "<Name> Química" + "y" + "Minera": one organisation name joined by a foreign "and" (y, et, und) NER split on. */
function joinForeignAnd(doc: Doc, ms: NerMention[], N: NerLex): NerMention[] {
  const out: NerMention[] = [];
  for (const m of ms) {
    const prev = out[out.length - 1];
    if (prev && prev.tag === 'ORGANIZATION' && m.tag === 'ORGANIZATION' && m.t0 === prev.t1 + 1 && N.foreignAnd.has(doc.tokens[prev.t1]!.text)) {
      out[out.length - 1] = { t0: prev.t0, t1: m.t1, tag: m.tag };
    } else out.push(m);
  }
  return out;
}

/**
 * "<Firm> chief executive <Name>", "<Firm>'s chairman <Name>": the free capitalised words before a
 * corporate role that precedes a name are the company the person works for.
 */
function employers(doc: Doc, ctx: Ctx): void {
  const toks = doc.tokens;
  for (let k = 1; k < toks.length; k++) {
    const t = toks[k]!;
    if (t.kind !== 'w' || t.cap) continue;
    const r = roleAt(doc, k, Math.min(toks.length, k + 4));
    if (!r || !ctx.N.corporateRoles.has(r.role.toLowerCase()) || !toks[r.end]?.cap || toks[r.end]!.sent !== t.sent) continue;
    let b = k;
    if (toks[b - 1]?.kind === 's') b--;
    let a = b;
    while (a > 0 && b - a < 3) {
      const w = toks[a - 1]!;
      if (w.sent !== t.sent || !(w.kind === 'w' || w.kind === 'n') || !(w.cap || w.upper) || doc.at[a - 1]! >= 0 || ctx.reserved[a - 1] || doc.lex.titles.has(w.lower) || (doc.lex.common.has(w.lower) && !w.upper) || doc.lex.roleModifiersCapitalised.has(w.text) || roleAt(doc, a - 1, a)) break;
      a--;
    }
    if (a === b) continue;
    const before = toks[a - 1];
    if (before && before.sent === t.sent && before.cap && before.kind === 'w') continue; // a longer name we cannot bound
    if (a === doc.sentences[t.sent]!.t0 && b - a === 1 && doc.lowerSeen.has(toks[a]!.lower)) continue;
    const m = { t0: a, t1: b, tag: 'ORGANIZATION' };
    if (sameStoryName(doc, m, ctx)) continue;
    const typed = orgType(doc, a, b, 'ORGANIZATION', ctx) ?? { label: 'Company' as EntityLabel, kind: null };
    if (typed.label === 'Place') continue;
    addEntitySpan(doc, ctx, a, b, typed);
  }
}

/** A recognised span holding two or more NER names with only lowercase words or punctuation between: one entity each. */
function splitMerged(doc: Doc, ms: NerMention[], ctx: Ctx): void {
  const toks = doc.tokens;
  for (const sp of [...doc.mentions]) {
    if (sp.dead || sp.how !== 'rec' || sp.entity.label === 'Person' || sp.entity.label === 'Official') continue;
    let inside = ms.filter((m) => m.t0 >= sp.t0 && m.t1 <= sp.t1);
    if (inside.length < 2) inside = listAfterPlural(doc, sp.t0, sp.t1) ?? inside;
    if (inside.length < 2) continue;
    let gapsOk = true;
    for (let i = 1; i < inside.length && gapsOk; i++) {
      for (let k = inside[i - 1]!.t1; k < inside[i]!.t0; k++) if (toks[k]!.cap) gapsOk = false;
      if (inside[i]!.t0 === inside[i - 1]!.t1) gapsOk = false;
    }
    if (!gapsOk) continue;
    doc.recognised.delete(sp.entity.id);
    for (const m of inside) {
      const typed = ctx.N.tags.get(m.tag) === 'place' ? placeType(doc, m, ctx) : (orgType(doc, m.t0, m.t1, m.tag, ctx) ?? { label: sp.entity.label, kind: (sp.entity.props.kind as string | undefined) ?? null });
      addEntitySpan(doc, ctx, m.t0, m.t1, typed, sp.entity.props.country as string | null | undefined);
    }
  }
}

/**
 * "chip equipment makers A and B", "carmakers A, B and C": after a plural cue noun, a run joined by
 * commas and "and" is a list of names, one per capitalised piece.
 */
function listAfterPlural(doc: Doc, a: number, b: number): NerMention[] | null {
  const toks = doc.tokens;
  const cue = toks[a - 1];
  if (!cue || cue.cap || cue.kind !== 'w' || !cue.lower.endsWith('s')) return null;
  const sing = cue.lower.endsWith('ies') ? cue.lower.slice(0, -3) + 'y' : cue.lower.slice(0, -1);
  if (!doc.lex.companyCue.has(sing) && !doc.lex.orgCue.has(sing)) return null;
  const out: NerMention[] = [];
  let start = a;
  for (let k = a; k <= b; k++) {
    const t = toks[k];
    if (k === b || t!.text === ',' || t!.lower === 'and') {
      if (k === start) return null;
      out.push({ t0: start, t1: k, tag: 'ORGANIZATION' });
      start = k + 1;
    } else if (!t!.cap && t!.kind === 'w') return null;
  }
  return out.length >= 2 ? out : null;
}

/** What to do with one NER name given what already covers its tokens. */
function claim(doc: Doc, m: NerMention, ctx: Ctx): void {
  const toks = doc.tokens;
  const kind = ctx.N.tags.get(m.tag)!;
  const covering = new Set<number>();
  let free = 0;
  if (ctx.reserved[m.t0] && kind === 'org' && orgNotQueuedPerson(doc, m, ctx)) return;
  for (let k = m.t0; k < m.t1; k++) {
    if (ctx.reserved[k]) return; // a name the recogniser queued as a person
    const s = doc.at[k]!;
    if (s >= 0) covering.add(s);
    else free++;
  }
  const spans = [...covering].map((i) => doc.mentions[i]!).filter((s) => !s.dead);
  if (spans.length === 1 && free === 0 && spans[0]!.t0 === m.t0 && spans[0]!.t1 === m.t1 && kind === 'org') return orgNotPerson(doc, m, spans[0]!, ctx);
  if (spans.length === 1 && free === 0 && spans[0]!.t0 <= m.t0 && spans[0]!.t1 >= m.t1) return; // already one mention
  if (spans.some((s) => s.t0 < m.t0 || s.t1 > m.t1)) return; // part of a longer mention
  if (free === 0 && spans.every((s) => s.how === 'gaz' && !s.demonym)) return; // catalogue names side by side
  if (!nameLike(doc, m.t0, m.t1)) return;

  if (kind === 'person') return person(doc, m, spans, ctx);
  if (spans.length > 0) {
    // widen: the rest is free or a country / place / demonym prefix; never over a catalogue organisation or person
    // a catalogue organisation's alias as the tail of a longer NER organisation name ("Military Intelligence and Security Service"): another body
    const tail = (s: (typeof spans)[number]): boolean => m.tag === 'ORGANIZATION' && s.how === 'gaz' && !s.demonym && (s.entity.label === 'Organization' || s.entity.label === 'Company') && s.t1 === m.t1 && s.t0 - m.t0 >= 2 && free >= 2 && !toks.slice(m.t0, s.t0).some((t) => t.kind === 's' || t.kind === 'p');
    const ok = spans.every((s) => s.how === 'rec' ? s.entity.label !== 'Person' && s.entity.label !== 'Official' : s.demonym || s.entity.label === 'Country' || s.entity.label === 'Place' || tail(s));
    if (!ok || (free === 0 && !spans.some((s) => s.how === 'rec' || s.demonym))) return;
    if (kind === 'place' && !spans.some((s) => s.demonym)) return; // "<Place> province": the catalogue place is the name
    for (const s of spans) if (s.how === 'rec') doc.recognised.delete(s.entity.id);
  }
  if (skipOrg(doc, m, ctx)) return;
  if (spans.length === 0) {
    const known = sameStoryName(doc, m, ctx);
    if (known) {
      addSpan(doc, m.t0, m.t1, known, 'coref');
      return;
    }
    // "(ACR)" after something that is not a mention (a law, a programme): not a name of ours
    if (toks[m.t0 - 1]?.text === '(' && toks[m.t1]?.text === ')') return;
  }
  if (m.t1 - m.t0 === 1 && spans.length === 0) {
    const t = toks[m.t0]!;
    if (doc.lex.common.has(t.lower) || ctx.N.notNames.has(t.lower) || (doc.lowerSeen.has(t.lower) && !t.upper)) return;
  }
  let typed: Typed | null;
  if (kind === 'place') {
    for (let k = m.t0; k < m.t1; k++) if (doc.lex.titles.has(toks[k]!.lower)) return; // "<City> Queen": a brand or a ship, not a place
    typed = placeType(doc, m, ctx);
  } else typed = orgType(doc, m.t0, m.t1, m.tag, ctx) ?? (businessSentence(doc, m, ctx) || companyListed(doc, m) ? { label: 'Company', kind: null } : null);
  if (typed) addEntitySpan(doc, ctx, m.t0, m.t1, typed);
}

/**
 * An entity this story already has under this name: one this component made, a short form
 * (surname, acronym), the acronym in parentheses right after a mention, or the distinctive first word
 * of a recognised company name ("Acme" after "Acme Resources").
 */
function sameStoryName(doc: Doc, m: NerMention, ctx: Ctx): Entity | null {
  const toks = doc.tokens;
  const name = text(doc, m.t0, m.t1);
  const mine = ctx.names.get(name);
  if (mine) return mine;
  for (const e of doc.recognised.values()) if (e.name === name && e.label !== 'Person' && e.label !== 'Official') return e;
  if (m.t1 - m.t0 > 1) return null;
  const t = toks[m.t0]!;
  const sf = doc.shortForms.get(t.text);
  if (sf) return sf;
  if (toks[m.t0 - 1]?.text === '(' && toks[m.t1]?.text === ')') {
    const sp = spanAt(doc, m.t0 - 2);
    if (sp && sp.entity.label !== 'Country' && sp.entity.label !== 'Place' && !sp.demonym) {
      doc.shortForms.set(t.text, sp.entity);
      return sp.entity;
    }
  }
  let hit: Entity | null = null;
  for (const e of doc.recognised.values()) {
    if (e.label !== 'Company' && e.label !== 'Organization') continue;
    if (e.name.startsWith(name + ' ') && !doc.lowerSeen.has(t.lower)) {
      if (hit && hit !== e) return null;
      hit = e;
    }
  }
  return hit;
}

/** Listed with a company ("<Name>, <Company> and <Company>"): a company too. */
function companyListed(doc: Doc, m: NerMention): boolean {
  const toks = doc.tokens;
  const sep = (t: (typeof toks)[number] | undefined): boolean => !!t && (t.text === ',' || t.lower === 'and' || t.lower === 'or');
  const right = sep(toks[m.t1]) ? spanAt(doc, m.t1 + 1) : undefined;
  const left = sep(toks[m.t0 - 1]) ? spanAt(doc, m.t0 - 2) : undefined;
  return right?.entity.label === 'Company' || left?.entity.label === 'Company';
}

/**
 * NER reads as an organisation a name the rules took for a person ("<Name> has agreed to sell its
 * stake"): when its head words, cues or sentence say what kind of organisation it is, it is one,
 * everywhere in the story.
 */
function orgNotPerson(doc: Doc, m: NerMention, sp: Doc['mentions'][number], ctx: Ctx): void {
  const p = sp.entity;
  if (sp.how === 'rec' && p.label === 'Company' && hackingGroup(doc, m.t0, m.t1, ctx)) {
    // "the <Name> Group" the rules read as a company, in a story about hacking
    const g = addEntitySpan(doc, ctx, m.t0, m.t1, { label: 'Organization', kind: 'hacking group' });
    for (const other of doc.mentions) if (other.entity === p) other.entity = g;
    doc.recognised.delete(p.id);
    return;
  }
  if (sp.how !== 'rec' || (p.label !== 'Person' && p.label !== 'Official') || doc.roleLinks.some((l) => l.person === p)) return;
  if (roleBefore(doc, m.t0) || doc.lex.given.has(doc.tokens[m.t0]!.lower)) return;
  const typed = orgType(doc, m.t0, m.t1, m.tag, ctx) ?? (businessSentence(doc, m, ctx) ? { label: 'Company' as EntityLabel, kind: null } : null);
  if (!typed || typed.label === 'Place') return;
  const e = addEntitySpan(doc, ctx, m.t0, m.t1, typed);
  for (const other of doc.mentions) if (other.entity === p) other.entity = e;
  doc.recognised.delete(p.id);
}

/** "near <Name> <Name> Shoal": a name the rules queued as a person that ends in a geographic word (Shoal, Reef, Strait) is a place. */
function geographicQueued(doc: Doc, ctx: Ctx): void {
  const toks = doc.tokens;
  for (let i = doc.pendingPeople.length - 1; i >= 0; i--) {
    const p = doc.pendingPeople[i]!;
    if (p.role || p.before || p.t0 !== p.nameStart || !ctx.N.geoHeads.has(toks[p.t1 - 1]!.lower)) continue;
    doc.pendingPeople.splice(i, 1);
    for (let k = p.t0; k < p.t1; k++) ctx.reserved[k] = 0;
    addEntitySpan(doc, ctx, geoStart(doc, p.t0), p.t1, { label: 'Place', kind: doc.lex.placeHead.get(toks[p.t1 - 1]!.lower) ?? 'region' });
  }
}

/**
 * A name the rules queued as a person with nothing personal about it (no role, no given name) that is
 * the leading words of an organisation the story names in full ("AD Ports" after "AD Ports Group"):
 * that organisation's short form.
 */
function shortQueued(doc: Doc, ctx: Ctx): void {
  for (let i = doc.pendingPeople.length - 1; i >= 0; i--) {
    const p = doc.pendingPeople[i]!;
    if (p.role || p.before || p.given || p.t0 !== p.nameStart || p.t1 - p.t0 < 2) continue;
    let hit: Entity | null = null;
    for (const sp of doc.mentions) {
      const e = sp.entity;
      if (sp.dead || (e.label !== 'Company' && e.label !== 'Organization') || !e.name.startsWith(p.name + ' ')) continue;
      if (hit && hit !== e) return;
      hit = e;
    }
    if (!hit) continue;
    doc.pendingPeople.splice(i, 1);
    for (let k = p.t0; k < p.t1; k++) ctx.reserved[k] = 0;
    addSpan(doc, p.t0, p.t1, hit, 'coref');
  }
}

/**
 * A queued person whose name NER tags ORGANIZATION, inside a longer NER organisation name ("General
 * Intelligence and …" read as the rank "General" and a name): part of that organisation's name.
 */
function orgQueued(doc: Doc, ms: NerMention[], ctx: Ctx): void {
  const toks = doc.tokens;
  for (let i = doc.pendingPeople.length - 1; i >= 0; i--) {
    const p = doc.pendingPeople[i]!;
    let allOrg = true;
    for (let k = p.nameStart; k < p.t1; k++) if (toks[k]!.ner !== 'ORGANIZATION') allOrg = false;
    if (!allOrg || !ms.some((m) => m.tag === 'ORGANIZATION' && m.t0 <= p.t0 && m.t1 >= p.t1 && m.t1 - m.t0 > p.t1 - p.t0 + 1)) continue;
    doc.pendingPeople.splice(i, 1);
    for (let k = p.t0; k < p.t1; k++) ctx.reserved[k] = 0;
  }
}

/** A queued person whose NER name goes on past a hyphen ("<Family> <Given>-<given>"): the name is NER's. */
function hyphenatedQueued(doc: Doc, ms: NerMention[]): void {
  const toks = doc.tokens;
  for (const p of doc.pendingPeople) {
    const m = ms.find((x) => x.tag === 'PERSON' && x.t0 <= p.nameStart && x.t1 > p.t1);
    if (!m || toks[p.t1]?.text !== '-' || toks[p.t1]!.start !== toks[p.t1 - 1]!.end) continue;
    p.t1 = m.t1;
    p.name = text(doc, p.nameStart, m.t1);
  }
}

/** The start of a place name, over free capitalised words before it in the sentence ("Second" in "Second <Name> Shoal"). */
function geoStart(doc: Doc, t0: number): number {
  const toks = doc.tokens;
  let a = t0;
  while (a > 0) {
    const t = toks[a - 1]!;
    if (t.sent !== toks[t0]!.sent || t.kind !== 'w' || !t.cap || doc.at[a - 1]! >= 0 || a - 1 === doc.sentences[t.sent]!.t0) break;
    a--;
  }
  return a;
}

/** A name the rules queued as a person with nothing personal about it (no role, title, given name) that NER reads as a typed organisation. */
function orgNotQueuedPerson(doc: Doc, m: NerMention, ctx: Ctx): boolean {
  const i = doc.pendingPeople.findIndex((p) => p.nameStart === m.t0 && p.t1 === m.t1);
  const p = doc.pendingPeople[i];
  if (!p || p.role || p.before || p.given || p.t0 !== p.nameStart) return false;
  const typed = orgType(doc, m.t0, m.t1, m.tag, ctx) ?? (businessSentence(doc, m, ctx) ? { label: 'Company' as EntityLabel, kind: null } : null);
  if (!typed || typed.label === 'Place') return false;
  doc.pendingPeople.splice(i, 1);
  for (let k = m.t0; k < m.t1; k++) ctx.reserved[k] = 0;
  addEntitySpan(doc, ctx, m.t0, m.t1, typed);
  return true;
}

/** Capitalised words, with lowercase connectors ("of", "und", "de") only inside. */
function nameLike(doc: Doc, a: number, b: number): boolean {
  const toks = doc.tokens;
  if (!toks[a]!.cap || !(toks[b - 1]!.cap || toks[b - 1]!.kind === 'n' || toks[b - 1]!.upper || toks[b - 2]?.text === '-')) return false;
  for (let k = a; k < b; k++) {
    const t = toks[k]!;
    if (t.kind === 'w' && !t.cap && !t.upper && !(t.lower.length <= 4 || doc.lex.connectors.has(t.lower))) return false;
  }
  return true;
}

/** A role word glued to the name ("Commerce Secretary", "Minister of Economic Affairs"), a law or a list: not an entity. */
function skipOrg(doc: Doc, m: NerMention, ctx: Ctx): boolean {
  const toks = doc.tokens;
  const last = toks[m.t1 - 1]!.lower;
  if (ctx.N.documentHeads.has(last)) return true;
  const after = roleAt(doc, m.t1, Math.min(toks.length, m.t1 + 4));
  if (after && toks[m.t1]!.cap && !ctx.N.companyHeads.has(toks[m.t1]!.lower)) return true;
  // "Minister of Economic Affairs", "Under Secretary for Terrorism and Financial Intelligence": part of a role
  for (let k = m.t0 - 1; k >= Math.max(0, m.t0 - 8); k--) {
    const t = toks[k]!;
    if (t.sent !== toks[m.t0]!.sent) break;
    if ((t.lower === 'of' || t.lower === 'for') && roleBefore(doc, k)) return true;
    if (!(t.cap || t.lower === 'and' || t.lower === '&' || t.lower === 'of' || t.lower === 'for')) break;
  }
  return false;
}

/** A PERSON name: a hacking group or a place by its context, a known short form, or a person queued for "people". */
function person(doc: Doc, m: NerMention, spans: Doc['mentions'], ctx: Ctx): void {
  const toks = doc.tokens;
  // only free tokens or short forms the rules guessed (a shared surname taken for another person of that name)
  if (spans.some((s) => s.how !== 'coref')) return;
  if (hackingGroup(doc, m.t0, m.t1, ctx)) {
    addEntitySpan(doc, ctx, m.t0, m.t1, { label: 'Organization', kind: 'hacking group' });
    return;
  }
  // "<Company> and <Name>": listed with a company and with no given name, a company (NER reads "CK Hutchison" as a person)
  if (spans.length === 0 && !doc.lex.given.has(toks[m.t0]!.lower) && companyListed(doc, m)) {
    addEntitySpan(doc, ctx, m.t0, m.t1, { label: 'Company', kind: null });
    return;
  }
  if (ctx.N.geoHeads.has(toks[m.t1 - 1]!.lower)) {
    addEntitySpan(doc, ctx, geoStart(doc, m.t0), m.t1, { label: 'Place', kind: doc.lex.placeHead.get(toks[m.t1 - 1]!.lower) ?? 'region' });
    return;
  }
  const prevTok = toks[m.t0 - 1];
  if (prevTok && !prevTok.cap && ctx.N.toldVerbs.has(prevTok.lower) && !doc.lex.given.has(toks[m.t0]!.lower)) return;
  const d = descriptorAfter(doc, m.t1, ctx);
  if (d && d.label === 'Place') {
    addEntitySpan(doc, ctx, m.t0, m.t1, d);
    return;
  }
  if (m.t1 - m.t0 === 1) {
    if (spans.length) return;
    const sf = doc.shortForms.get(toks[m.t0]!.text);
    if (sf) addSpan(doc, m.t0, m.t1, sf, 'coref');
    return;
  }
  for (const s of spans) s.dead = true;
  for (let k = m.t0; k < m.t1; k++) doc.at[k] = -1;
  const before = roleBefore(doc, m.t0) ?? govTitleBefore(doc, m.t0, ctx) ?? roleOfBody(doc, m.t0) ?? (toks[m.t0 - 1]?.text === ',' && toks[m.t0 - 2]?.kind === 'w' ? (roleBefore(doc, m.t0 - 1) ?? roleAcross(doc, m.t0 - 1) ?? roleOfBody(doc, m.t0 - 1)) : null);
  const name = text(doc, m.t0, m.t1);
  doc.pendingPeople.push({ nameStart: m.t0, t1: m.t1, t0: m.t0, role: null, before, prefixEntity: null, name, given: doc.lex.given.has(toks[m.t0]!.lower), sent: toks[m.t0]!.sent });
  for (let k = m.t0; k < m.t1; k++) ctx.reserved[k] = 1;
}

/** "Minister of <Body> and <Body> <Name>": a role whose body's name (capitalised words, "and") stands between it and the name. */
function roleOfBody(doc: Doc, t0: number): ReturnType<typeof roleBefore> {
  const toks = doc.tokens;
  const sent = toks[t0]?.sent;
  if (!toks[t0 - 1]?.cap) return null;
  for (let k = t0 - 1; k >= Math.max(0, t0 - 9); k--) {
    const t = toks[k]!;
    if (t.sent !== sent) return null;
    if ((t.lower === 'of' || t.lower === 'for') && !t.cap) return roleBefore(doc, k);
    if (!(t.cap || t.lower === 'and' || t.lower === '&' || t.text === ',')) return null;
  }
  return null;
}

/** A title of public office from ner-words' govTitles right before a name ("Treasurer <Name>"), the longest. */
function govTitleBefore(doc: Doc, t0: number, ctx: Ctx): ReturnType<typeof roleBefore> {
  const toks = doc.tokens;
  let start = -1;
  for (const words of ctx.N.govTitles) {
    const a = t0 - words.length;
    if (a >= 0 && toks[a]!.sent === toks[t0]!.sent && words.every((w, i) => toks[a + i]!.lower === w && doc.at[a + i]! < 0) && (start < 0 || a < start)) start = a;
  }
  return start < 0 ? null : { start, role: text(doc, start, t0), cls: 'gov' };
}

/** "<role> to|of|at <Entity>, <Name>": the role before the entity the phrase names ("ambassador to <Country>, <Name>"). */
function roleAcross(doc: Doc, comma: number): ReturnType<typeof roleBefore> {
  const sp = spanAt(doc, comma - 1);
  if (!sp) return null;
  let k = sp.t0 - 1;
  if (doc.tokens[k]?.lower === 'the') k--;
  const prep = doc.tokens[k];
  if (!prep || !nerLex().rolePrepositions.has(prep.lower)) return null;
  return roleBefore(doc, k);
}

