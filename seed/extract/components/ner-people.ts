/**
 * Component "ner-people" (after "people"): two corrections to the people the recogniser and NER found.
 *   - A corporate role with no government owner ("chief executive <Name>", "<Firm> chief executive
 *     <Name>" when the firm was not recognised) makes a Person, not an Official: "chief executive"
 *     is a political head only where a country or government body owns it.
 *   - "<Name>, who heads the <body>": a person heading a government body (a recognised one, or a
 *     lowercase "command", "ministry", "agency") is an Official.
 *   - An Official whose title names no country ("Commerce Secretary <Name>", "Economic Affairs
 *     Minister <Name>") serves the story's country: the first country mentioned.
 */
import type { Entity } from '../../../model/types.js';
import type { Component, Doc } from '../document.js';
import { nerLex } from '../ner-words.js';
import { makeEntity } from '../spans.js';

export const nerPeople: Component = {
  name: 'ner-people',
  run(doc) {
    const N = nerLex();
    const swap = new Map<string, Entity>();
    legislators(doc, swap);
    spokespeople(doc, swap);
    bodyHeads(doc, swap);
    for (const e of doc.recognised.values()) {
      if (e.label !== 'Official' || e.props.country || swap.has(e.id)) continue;
      const role = String(e.props.role ?? '').toLowerCase();
      const links = doc.roleLinks.filter((l) => l.person === e);
      if (N.corporateRoles.has(role) && links.every((l) => !l.target || (l.target.label !== 'Country' && l.target.label !== 'Organization'))) {
        swap.set(e.id, makeEntity(doc, 'Person', e.name, {}, e.confidence));
      } else {
        const co = firstCountry(doc);
        if (co) e.props.country = co.id;
      }
    }
    if (swap.size === 0) return;
    for (const sp of doc.mentions) {
      const p = swap.get(sp.entity.id);
      if (p) sp.entity = p;
    }
    for (const l of doc.roleLinks) {
      const p = swap.get(l.person.id);
      if (p) l.person = p;
    }
    for (const id of swap.keys()) doc.recognised.delete(id);
  },
};

/** "<Legislature> member <Name>": a member of a parliament, congress or assembly holds public office. */
function legislators(doc: Doc, swap: Map<string, Entity>): void {
  const N = nerLex();
  const toks = doc.tokens;
  for (const sp of doc.mentions) {
    const p = sp.entity;
    if (sp.dead || p.label !== 'Person' || p.source !== 'recognizer' || swap.has(p.id)) continue;
    const role = toks[sp.t0 - 1];
    if (!role || role.cap || !N.memberRoles.has(role.lower)) continue;
    let k = sp.t0 - 2;
    if (toks[k]?.kind === 's') k--;
    const body = k >= 0 && doc.at[k]! >= 0 ? doc.mentions[doc.at[k]!] : undefined;
    if (!body || body.entity.label !== 'Organization' || !body.entity.name.split(/\s+/).some((w) => N.legislatureWords.has(w.toLowerCase()))) continue;
    const country = typeof body.entity.props.country === 'string' ? body.entity.props.country : null;
    swap.set(p.id, makeEntity(doc, 'Official', p.name, { role: role.lower, country }, p.confidence));
  }
}

/** A spokesperson of a country or government body holds public office (annotation rule). */
function spokespeople(doc: Doc, swap: Map<string, Entity>): void {
  const N = nerLex();
  for (const l of doc.roleLinks) {
    const p = l.person;
    const role = l.role.toLowerCase().replace(/ (for|of|at)$/, '');
    if (p.label !== 'Person' || p.source !== 'recognizer' || swap.has(p.id) || !N.spokesRoles.has(role)) continue;
    const t = l.target ?? bodyAfter(doc, p);
    if (!t) continue;
    l.target = t;
    const gov = t.label === 'Country' || (t.label === 'Organization' && !doc.lex.nonGovernmentKinds.has(String(t.props.kind)));
    if (!gov) continue;
    const country = t.label === 'Country' ? t.id : typeof t.props.country === 'string' ? t.props.country : null;
    swap.set(p.id, makeEntity(doc, 'Official', p.name, { role: l.role, country }, p.confidence));
  }
}

/** The first country or organisation within a few words after the person's first mention (", a spokesperson for the <Body>"). */
function bodyAfter(doc: Doc, p: Entity): Entity | null {
  const sp = doc.mentions.find((m) => !m.dead && m.entity === p);
  if (!sp) return null;
  const sent = doc.tokens[sp.t0]!.sent;
  for (let k = sp.t1; k < Math.min(doc.tokens.length, sp.t1 + 8) && doc.tokens[k]!.sent === sent; k++) {
    const i = doc.at[k]!;
    if (i < 0) continue;
    const e = doc.mentions[i]!.entity;
    if (e.label === 'Country' && !doc.mentions[i]!.demonym) return e;
    if (e.label === 'Organization') return e;
  }
  return null;
}

/** "<Name>, who heads the <body>", "<Name>, who commands the <Country>'s <unit>": the head of a government body holds public office. */
function bodyHeads(doc: Doc, swap: Map<string, Entity>): void {
  const N = nerLex();
  const toks = doc.tokens;
  for (const sp of doc.mentions) {
    const p = sp.entity;
    if (sp.dead || p.label !== 'Person' || p.source !== 'recognizer' || swap.has(p.id) || doc.roleLinks.some((l) => l.person === p)) continue;
    if (toks[sp.t1]?.text !== ',' || toks[sp.t1 + 1]?.lower !== 'who' || !N.headVerbs.has(toks[sp.t1 + 2]?.lower ?? '')) continue;
    const sent = toks[sp.t0]!.sent;
    let body: Entity | null = null;
    let kind: string | undefined;
    for (let k = sp.t1 + 3; k < Math.min(toks.length, sp.t1 + 9) && toks[k]!.sent === sent; k++) {
      const i = doc.at[k]!;
      if (i >= 0) {
        const e = doc.mentions[i]!.entity;
        if (e.label === 'Organization') body = e;
        else if (e.label === 'Country' && toks[doc.mentions[i]!.t1]?.kind === 's') {
          k = doc.mentions[i]!.t1;
          continue; // "<Country>'s <body>"
        }
        break;
      }
      const t = toks[k]!;
      if (t.kind !== 'w' || t.cap) break;
      kind = N.organizationWords.get(t.lower);
      if (kind) break;
    }
    const gov = body ? !doc.lex.nonGovernmentKinds.has(String(body.props.kind)) : !!kind && !doc.lex.nonGovernmentKinds.has(kind);
    if (!gov) continue;
    const country = body && typeof body.props.country === 'string' ? body.props.country : (firstCountry(doc)?.id ?? null);
    swap.set(p.id, makeEntity(doc, 'Official', p.name, { role: 'head', country }, p.confidence));
  }
}

function firstCountry(doc: Doc): Entity | null {
  for (const sp of doc.mentions) if (!sp.dead && sp.entity.label === 'Country') return sp.entity;
  return null;
}
