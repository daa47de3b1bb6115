/**
 * Component "ner-people" (after "people"): two corrections to the people the recogniser and NER found.
 *   - A corporate role with no government owner ("chief executive <Name>", "<Firm> chief executive
 *     <Name>" when the firm was not recognised) makes a Person, not an Official: "chief executive"
 *     is a political head only where a country or government body owns it.
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
    for (const e of doc.recognised.values()) {
      if (e.label !== 'Official' || e.props.country) continue;
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

function firstCountry(doc: Doc): Entity | null {
  for (const sp of doc.mentions) if (!sp.dead && sp.entity.label === 'Country') return sp.entity;
  return null;
}
