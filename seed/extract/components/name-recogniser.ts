/**
 * Component "name-recogniser": names that are not in the catalogue, by rules. It walks the runs of
 * capitalised tokens once and classifies each from its own words (head nouns: Ministry, Corp,
 * University, Airport…), the words around it (roles and titles before, speech verbs after, cue words,
 * appositives ", a Chinese company") and short forms already known in the story. People are queued
 * (doc.pendingPeople) for the "people" component, which links their roles once every organisation is known.
 */
import type { Entity } from '../../../model/types.js';
import type { Component, Doc, RoleClass } from '../document.js';
import type { HeadKind } from '../lexicon.js';
import { appositive, appPersonOf, roleAt, roleBefore } from '../role-phrases.js';
import { findRuns, type Run } from '../runs.js';
import { addSpan, anySpan, countryOf, foldApos, makeEntity, roleText, spanAt } from '../spans.js';

export const nameRecogniser: Component = {
  name: 'name-recogniser',
  run(doc) {
    for (const r of findRuns(doc)) classifyRun(doc, r);
  },
};

function headKind(doc: Doc, lower: string): HeadKind | null {
  return doc.lex.head.get(lower) ?? null;
}

/** Classify one run (possibly split further) and register spans. */
function classifyRun(doc: Doc, run: Run): void {
  const toks = doc.tokens;
  let { t0, t1 } = run;
  const sent = toks[t0]!.sent;
  const sentStart = doc.sentences[sent]!.t0;
  // drop leading common words ("The", "According", sentence-initial ordinary words)
  while (t0 < t1) {
    const t = toks[t0]!;
    const sp = spanAt(doc, t0);
    if (sp) break;
    if (roleAt(doc, t0, t1)) break;
    if (t.kind === 'w' && (doc.lex.common.has(t.lower) || (t0 === sentStart || toks[t0 - 1]?.text === '“' || toks[t0 - 1]?.text === '"' ? doc.lowerSeen.has(t.lower) && !doc.lex.orgHead.has(t.lower) && !doc.lex.companyHead.has(t.lower) : false))) {
      t0++;
      continue;
    }
    break;
  }
  // trailing connectors / hyphens
  while (t1 > t0 && (toks[t1 - 1]!.kind !== 'w' || (doc.lex.connectors.has(toks[t1 - 1]!.lower) && !toks[t1 - 1]!.cap))) t1--;
  if (t1 <= t0) return;

  // Leading country/demonym/place spans are a prefix ("Russian President …", "Poland's Civil Aviation Authority").
  let prefixEntity: Entity | null = null;
  let nameStart = t0;
  while (nameStart < t1) {
    const sp = spanAt(doc, nameStart);
    if (!sp) break;
    if (sp.t1 >= t1) break;
    prefixEntity = sp.entity;
    nameStart = sp.t1;
  }
  // role words at the front: "President", "Treasury Secretary", "Foreign Minister"
  let role: { role: string; cls: RoleClass } | null = null;
  let noPerson = false;
  {
    const r = roleAt(doc, nameStart, t1);
    if (r && r.end >= t1) return; // only a role ("Vice President of Engineering")
    if (r && r.end < t1) {
      role = { role: r.role, cls: r.cls };
      nameStart = r.end;
      if (doc.lex.connectors.has(toks[nameStart]!.lower) && !toks[nameStart]!.cap) {
        // "CEO of <Country> Fiber Networks": the rest is the organisation, not a person
        role = null;
        while (nameStart < t1 && !toks[nameStart]!.cap) nameStart++;
        t0 = nameStart;
        prefixEntity = null;
        while (nameStart < t1) {
          const sp = spanAt(doc, nameStart);
          if (!sp || sp.t1 >= t1) break;
          prefixEntity = sp.entity;
          nameStart = sp.t1;
        }
        if (nameStart >= t1) return;
        noPerson = true;
      }
    }
  }
  // title words: "Mr.", "Prince"
  let titled = false;
  if (!role && nameStart < t1 && doc.lex.titles.has(toks[nameStart]!.lower) && nameStart + 1 < t1) {
    titled = true;
    nameStart++;
  }
  const nTok = t1 - nameStart;
  if (nTok <= 0) return;
  const lastLower = toks[t1 - 1]!.lower;
  const firstLower = toks[nameStart]!.lower;
  const prevTok = toks[t0 - 1];
  const prev2 = toks[t0 - 2];
  const nextTok = toks[t1];
  const nextNext = toks[t1 + 1];
  // the appositive after the run, computed at most once (appositive() is pure)
  let appMemo: ReturnType<typeof appositive> | undefined;

  // 1. head noun decides: ministries, companies, outlets, places
  let head = headKind(doc, lastLower);
  if (!head) {
    // "Ministry of Infrastructure", "Office of Foreign Assets Control": a head followed by of/for
    for (let k = nameStart; k < t1 - 1; k++) {
      const nx = toks[k + 1]!;
      if ((nx.lower === 'of' || nx.lower === 'for') && !nx.cap) {
        const h = headKind(doc, toks[k]!.lower);
        if (h && h.label !== 'Place') head = h;
        break;
      }
    }
  }
  if (head && nTok >= 1 && nTok <= 8 && !(nTok === 1 && !prefixEntity && !anySpan(doc, nameStart, t1))) {
    let label = head.label;
    let kind = head.kind;
    for (let k = nameStart; k < t1; k++) {
      if (doc.lex.militaryWords.has(toks[k]!.lower)) {
        label = 'Organization';
        kind = 'military';
        break;
      }
    }
    if (label === 'Company' && lastLower === 'group' && nTok <= 2 && !prefixEntity) return;
    // keep a country/place prefix that is part of the name ("<Country> Fiber Networks") unless possessive
    let start = nameStart;
    if (prefixEntity && toks[nameStart - 1]?.kind !== 's' && !role) start = t0;
    while (start < t1 && toks[start]!.kind === 's') start++;
    const name = foldApos(roleText(doc, start, t1));
    const country = countryOf(doc, prefixEntity ?? undefined) ?? countryInside(doc, start, t1);
    const props: Entity['props'] = { country: country ? country.id : null };
    if (label === 'Organization' || label === 'Place') props.kind = kind;
    if (label === 'Outlet') props.ownership = 'unknown';
    const e = makeEntity(doc, label, name, props, 0.75);
    addSpan(doc, start, t1, e, 'rec');
    return;
  }
  if (anySpan(doc, nameStart, t1)) return; // a country/place plus ordinary words: not a new entity

  // context before the run (lowercase role or cue words) and after it
  const before = roleBefore(doc, t0) ?? (toks[t0 - 1]?.text === ',' && toks[t0 - 2]?.kind === 'w' ? roleBefore(doc, t0 - 1) : null);
  const nextIsSpeech = !!nextTok && nextTok.sent === sent && doc.lex.speech.has(nextTok.lower) && !nextTok.cap;
  const whole = foldApos(roleText(doc, nameStart, t1));

  // 2. people: roles, titles, speech verbs, given names, appositives
  const given = doc.lex.given.has(firstLower) || (doc.lex.asian.has(firstLower) && nTok >= 2 && nTok <= 3);
  const asianSecond = nTok === 2 && doc.lex.asian.has(lastLower) && !doc.lex.common.has(firstLower);
  const personNounBefore = !!prevTok && !prevTok.cap && doc.lex.personNouns.has(prevTok.lower);
  let allNameLike = true;
  for (let k = nameStart; k < t1; k++) {
    const t = toks[k]!;
    if (!((t.kind === 'w' && (t.cap || k > nameStart)) || t.text === '-')) {
      allNameLike = false;
      break;
    }
  }
  const shortOk = nTok <= 4 && allNameLike;
  let nonPersonCue = false;
  if (!(role || titled || before)) {
    const a = appMemo === undefined ? (appMemo = appositive(doc, t1)) : appMemo;
    nonPersonCue = !!a && !a.role && !!a.cue && !doc.lex.personNouns.has(a.cue);
    // "<Name> is a … company": a copula naming what the name is decides against a person
    if (!nonPersonCue) nonPersonCue = isCopula(doc, t1, doc.lex.companyCue);
  }
  const personish =
    shortOk &&
    !noPerson &&
    !nonPersonCue &&
    (role !== null || titled || before !== null || personNounBefore || (given && nTok >= 2) || asianSecond || ((nTok >= 2 || given) && (nextIsSpeech || appPersonOf(doc, appMemo === undefined ? (appMemo = appositive(doc, t1)) : appMemo))));
  // a lone surname of someone already named in the story (surname or given name alone)
  if (nTok === 1 && !role) {
    const sf = doc.shortForms.get(toks[nameStart]!.text);
    if (sf) {
      addSpan(doc, nameStart, t1, sf, 'coref');
      return;
    }
  }
  if (personish) {
    doc.pendingPeople.push({ nameStart, t1, t0, role, before, prefixEntity, name: whole.endsWith("'s") ? whole.slice(0, -2) : whole, given, sent });
    return;
  }

  // 3. companies / outlets / orgs / places named by the words around them
  const shortName = nTok <= 4 && allNameLike;
  const app = shortName ? (appMemo === undefined ? (appMemo = appositive(doc, t1)) : appMemo) : null;
  if (shortName && (cueBefore(doc, t0, sent, doc.lex.companyCue) || (app && app.cue && doc.lex.companyCue.has(app.cue) && !app.role) || isCopula(doc, t1, doc.lex.companyCue))) {
    const e = makeEntity(doc, 'Company', whole, { country: countryFromContext(doc, t0, t1, app) }, 0.7);
    addSpan(doc, nameStart, t1, e, 'rec');
    return;
  }
  if (shortName && (cueBefore(doc, t0, sent, doc.lex.outletCue) || (app && app.cue && doc.lex.outletCue.has(app.cue)))) {
    const e = makeEntity(doc, 'Outlet', whole, { country: countryFromContext(doc, t0, t1, app), ownership: 'unknown' }, 0.7);
    addSpan(doc, nameStart, t1, e, 'rec');
    return;
  }
  // "X-based", "city of X", "port city of X", "in X, Country"
  const based = nextTok?.text === '-' && nextNext?.lower === 'based' && nTok <= 3;
  const cityOf = prevTok?.lower === 'of' && prev2 && doc.lex.placeCue.has(prev2.lower);
  const inCountry = !!prevTok && doc.lex.locPrep.has(prevTok.lower) && !prevTok.cap && nextTok?.text === ',' && spanAt(doc, t1 + 1)?.entity.label === 'Country';
  const countryCapital = prevTok?.lower === 'capital' && prev2?.kind === 's';
  const afterIn = !!prevTok && (prevTok.lower === 'in' || prevTok.lower === 'near') && !prevTok.cap && nTok <= 2 && !given && !doc.shortForms.has(toks[nameStart]!.text) && nextTok?.kind !== 's';
  if (shortName && (based || cityOf || inCountry || countryCapital || afterIn)) {
    let country: string | null = null;
    if (inCountry) country = spanAt(doc, t1 + 1)!.entity.id;
    else if (countryCapital) country = countryOf(doc, spanAt(doc, t0 - 3)?.entity)?.id ?? null;
    const e = makeEntity(doc, 'Place', whole, { kind: 'city', country }, 0.65);
    addSpan(doc, nameStart, t1, e, 'rec');
    return;
  }
}

/** A cue word (lowercase) among the three words before the run: "the company X", "a newspaper called X". */
function cueBefore(doc: Doc, t0: number, sent: number, set: Set<string>): boolean {
  const toks = doc.tokens;
  for (let k = t0 - 1; k >= Math.max(0, t0 - 3); k--) {
    const t = toks[k]!;
    if (t.sent !== sent) return false;
    if (set.has(t.lower) && !t.cap) return true;
    if (doc.lex.nameIntroducers.has(t.lower) || t.text === '“' || t.text === '"') continue;
    if (t.cap || t.kind !== 'w') return false;
  }
  return false;
}

/** The country of the first span inside [a, b) that has one. */
function countryInside(doc: Doc, a: number, b: number): Entity | null {
  for (let k = a; k < b; k++) {
    const sp = spanAt(doc, k);
    if (sp) {
      const co = countryOf(doc, sp.entity);
      if (co) return co;
    }
  }
  return null;
}

function isCopula(doc: Doc, after: number, cues: Set<string>): boolean {
  // "X is a chip manufacturing company"
  const t = doc.tokens[after];
  if (!t || (t.lower !== 'is' && t.lower !== 'was')) return false;
  const a = doc.tokens[after + 1];
  if (!a || (a.lower !== 'a' && a.lower !== 'an' && a.lower !== 'the')) return false;
  for (let k = after + 2; k < Math.min(doc.tokens.length, after + 8); k++) {
    const w = doc.tokens[k]!;
    if (w.kind !== 'w' || w.sent !== t.sent) return false;
    if (cues.has(w.lower)) return true;
  }
  return false;
}

function countryFromContext(doc: Doc, t0: number, t1: number, app: ReturnType<typeof appositive>): string | null {
  // "the Chinese company X", "U.S. company X", "X, China's … platform"
  for (let k = t0 - 1; k >= Math.max(0, t0 - 4); k--) {
    const sp = spanAt(doc, k);
    if (sp) return countryOf(doc, sp.entity)?.id ?? null;
    if (doc.tokens[k]!.sent !== doc.tokens[t0]!.sent) break;
  }
  if (app?.target) return countryOf(doc, app.target)?.id ?? null;
  const after = doc.tokens[t1];
  if (after?.text === ',') {
    for (let k = t1 + 1; k < Math.min(doc.tokens.length, t1 + 6); k++) {
      const sp = spanAt(doc, k);
      if (sp) return countryOf(doc, sp.entity)?.id ?? null;
    }
  }
  return null;
}

