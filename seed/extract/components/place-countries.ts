/**
 * Component "place-countries": a catalogue place (seed/catalog/places.json, capitals) whose country the
 * story also names is LOCATED_IN that country ("talks in Riyadh … Saudi Arabia", "Hamburg … Germany").
 * The general case: a reader places a named city, port or region in the country the story is about
 * without the sentence saying so. Not when the story already places it in another named place of that
 * country (Darwin in the Northern Territory: the region carries the country), nor for a national capital
 * named only as its government ("Beijing said", rule (2): such a mention is no relation's end) — a capital
 * counts when some mention uses it as a location ("talks in Riyadh", words.locativeCases).
 * A capital's "-based" use is a location too ("the Riyadh-based operator"). A place the catalogue does
 * not know is left alone: the one country its sentence names is as often the story's subject as the
 * place's own ("the prosecutor in Karlsruhe … spying for China"). Evidence: the first sentence naming it.
 */
import type { Entity } from '../../../model/types.js';
import type { Component } from '../document.js';
import { CAPITALS } from '../relations/capitals.js';
import { depGraph, getDepPatterns, kids, lemmaOf } from '../relations/dep-graph.js';
import { emitFact } from '../relations/facts.js';

export const placeCountries: Component = {
  name: 'place-countries',
  run(doc) {
    const named = new Set<string>();
    for (const m of doc.mentions) if (!m.dead && m.entity.label === 'Country') named.add(m.entity.id);
    const placed = new Set<string>();
    const byId = new Map<string, Entity>();
    for (const m of doc.mentions) if (!m.dead) byId.set(m.entity.id, m.entity);
    for (const f of doc.facts) {
      if (f.type !== 'LOCATED_IN') continue;
      const to = byId.get(f.to) ?? doc.extra.get(f.to);
      if (to && to.label === 'Place') placed.add(f.from);
    }
    const g = depGraph(doc);
    const cases = new Set(getDepPatterns().words.locativeCases);
    // capitals some mention uses as a location: its last token takes a locative preposition
    const located = new Set<string>();
    for (const m of doc.mentions) {
      if (m.dead || !CAPITALS.has(m.entity.id)) continue;
      // the preposition of a list holds for each item: "in Hamburg and Berlin"
      const h = m.t1 - 1;
      const toks = [h, ...g.heads[h]!.filter((a) => a.rel.startsWith('conj')).map((a) => a.tok)];
      if (toks.some((t) => kids(g, t, 'case').some((k) => cases.has(lemmaOf(doc, k))))) located.add(m.entity.id);
      // "the Riyadh-based operator": a base is a location too
      if (doc.tokens[m.t1]?.text === '-' && doc.tokens[m.t1 + 1]?.lower === 'based') located.add(m.entity.id);
    }
    const done = new Set<string>();
    for (const m of doc.mentions) {
      const e = m.entity;
      if (m.dead || m.demonym || e.label !== 'Place' || done.has(e.id)) continue;
      done.add(e.id);
      const country = e.props.country;
      if (typeof country !== 'string' || !named.has(country) || placed.has(e.id)) continue;
      if (CAPITALS.has(e.id) && !located.has(e.id)) continue;
      const c = byId.get(country);
      if (c) emitFact(doc, 'LOCATED_IN', e, c, {}, doc.tokens[m.t0]!.sent, 0.6);
    }
  },
};
