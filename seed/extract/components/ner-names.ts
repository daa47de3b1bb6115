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
 *   - resolves acronyms introduced after such a name ("Name (ACR)", "…, known as ACR").
 * Word lists: seed/catalog/ner-words.json (ner-words.ts) and the lexicon.
 */
import type { Entity } from '../../../model/types.js';
import type { EntityLabel } from '../../../model/graph-model.js';
import { matchAt } from '../catalog.js';
import type { Component, Doc, NerMention } from '../document.js';
import { nerLex, type NerLex } from '../ner-words.js';
import { appositive, roleAt, roleBefore } from '../role-phrases.js';
import { addSpan, countryOf, foldApos, makeEntity, roleText, spanAt } from '../spans.js';
import { tokenize } from '../text.js';

export const nerNames: Component = {
  name: 'ner-names',
  run(doc) {
    if (!doc.nerMentions) return; // the rules pipeline: no NLP stage ran
    const N = nerLex();
    const ctx: Ctx = { N, hackingStory: countHackingCues(doc, N) >= 2, reserved: reservedTokens(doc), names: new Map() };
    const ms = joinForeignAnd(doc, doc.nerMentions.map((m) => trim(doc, m)).filter((m): m is NerMention => m !== null && ctx.N.tags.has(m.tag)), N);
    // queued people with no role yet: "<role> to <Country>, <Name>"
    geographicQueued(doc, ctx);
    hyphenatedQueued(doc, ms);
    for (const p of doc.pendingPeople) {
      if (p.role || p.before) continue;
      p.before = roleOfBody(doc, p.t0) ?? (doc.tokens[p.t0 - 1]?.text === ',' ? roleAcross(doc, p.t0 - 1) : null);
    }
    portfolioTitles(doc, ctx);
    splitMerged(doc, ms, ctx);
    describedPlaces(doc, ctx);
    describedOrganisations(doc, ctx);
    lowercaseMinistries(doc, ctx);
    for (const m of ms) claim(doc, m, ctx);
    employers(doc, ctx);
    hackingGroupNames(doc, ctx);
  },
};

interface Ctx {
  N: NerLex;
  hackingStory: boolean;
  reserved: Uint8Array;
  /** Names this component made entities of in the story (a later mention reuses the entity). */
  names: Map<string, Entity>;
}

type Typed = { label: EntityLabel; kind: string | null };

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

/** The mention without a leading article or trailing possessive / punctuation. */
function trim(doc: Doc, m: NerMention): NerMention | null {
  const toks = doc.tokens;
  let { t0, t1 } = m;
  while (t0 < t1 && (toks[t0]!.kind === 'p' || toks[t0]!.lower === 'the')) t0++;
  while (t1 > t0 && (toks[t1 - 1]!.kind === 's' || toks[t1 - 1]!.kind === 'p')) t1--;
  if (t1 <= t0 || !toks[t0]!.cap) return null;
  return { t0, t1, tag: m.tag };
}

const text = (doc: Doc, a: number, b: number): string => foldApos(roleText(doc, a, b));

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

/**
 * "<Country>'s foreign ministry", "the environment ministry": a ministry written in lowercase, named
 * by its portfolio. The catalogue's "<Demonym> Foreign Ministry" when it has one, else a new
 * Organization named as written, of that country (or the story's first country).
 */
function lowercaseMinistries(doc: Doc, ctx: Ctx): void {
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

/**
 * "<Demonym> Industry Minister <Name>", "Economic Affairs Minister <Name>": a capitalised title made
 * of portfolio words and a government role, then a name the rules left alone (too long a run). The
 * name is queued for "people" with the title as its role and the country before it as the owner.
 */
function portfolioTitles(doc: Doc, ctx: Ctx): void {
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

function addEntitySpan(doc: Doc, ctx: Ctx, a: number, b: number, typed: Typed, country?: string | null): Entity {
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
    const ok = spans.every((s) => s.how === 'rec' ? s.entity.label !== 'Person' && s.entity.label !== 'Official' : s.demonym || s.entity.label === 'Country' || s.entity.label === 'Place');
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

/** The sentence of an organisation name speaks of business (stakes, deals, plants, sales). */
function businessSentence(doc: Doc, m: NerMention, ctx: Ctx): boolean {
  const toks = doc.tokens;
  const s = doc.sentences[toks[m.t0]!.sent]!;
  for (let k = s.t0; k < s.t1; k++) {
    const t = toks[k]!;
    if (k >= m.t0 && k < m.t1) continue;
    if (t.kind === 'w' && (!t.cap || k === s.t0) && (ctx.N.businessWords.has(t.lower) || doc.lex.companyCue.has(t.lower))) return true;
  }
  return false;
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

/** The lowercase descriptor right after a name ("<Name> mine", "the <ACR> security service", "<Name> container terminal"). */
function descriptorAfter(doc: Doc, b: number, ctx: Ctx): Typed | null {
  const toks = doc.tokens;
  const sent = toks[b - 1]!.sent;
  const w1 = toks[b];
  if (!w1 || w1.sent !== sent || w1.kind !== 'w' || w1.cap) return null;
  const w2 = toks[b + 1];
  const cands: string[] = [];
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
function hackingGroup(doc: Doc, a: number, b: number, ctx: Ctx): boolean {
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
function orgType(doc: Doc, a: number, b: number, tag: string, ctx: Ctx): Typed | null {
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
  return null;
}

function placeType(doc: Doc, m: NerMention, ctx: Ctx): Typed {
  const last = doc.tokens[m.t1 - 1]!.lower;
  const ph = doc.lex.placeHead.get(last);
  if (ph) return { label: 'Place', kind: ph };
  const d = descriptorAfter(doc, m.t1, ctx);
  if (d?.label === 'Place') return d;
  return { label: 'Place', kind: m.tag === 'STATE_OR_PROVINCE' ? 'region' : 'city' };
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
  const before = roleBefore(doc, m.t0) ?? roleOfBody(doc, m.t0) ?? (toks[m.t0 - 1]?.text === ',' && toks[m.t0 - 2]?.kind === 'w' ? (roleBefore(doc, m.t0 - 1) ?? roleAcross(doc, m.t0 - 1)) : null);
  const name = text(doc, m.t0, m.t1);
  doc.pendingPeople.push({ nameStart: m.t0, t1: m.t1, t0: m.t0, role: null, before, prefixEntity: null, name, given: doc.lex.given.has(toks[m.t0]!.lower), sent: toks[m.t0]!.sent });
  for (let k = m.t0; k < m.t1; k++) ctx.reserved[k] = 1;
}

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
