/**
 * Component "references": pronouns (it, its, they, he, his) and definite descriptions ("the company",
 * "the Chinese company", "the ministry") resolved to the most recent earlier entity they can refer to,
 * in the same sentence or the ones before. The label comes from the pronoun or the description's head
 * noun (seed/catalog/dependency-patterns.json words.pronouns / referenceNouns); a nationality adjective in
 * the description must fit the entity's country when the entity has one. Fills doc.references
 * (token → entity), which the relation component reads as an entity at that token. Needs the parse:
 * a description is a head noun with a definite determiner and no name of its own.
 */
import type { Entity } from '../../../model/types.js';
import type { Component, Doc } from '../document.js';
import { depGraph, getDepPatterns, kids, lemmaOf } from '../relations/dep-graph.js';

/** How many sentences back an antecedent may be. */
const MAX_SENTENCES_BACK = 3;

/** The country an entity belongs to: itself for a country, else its `country` property (an entity id). */
export function countryOf(e: Entity): string | null {
  if (e.label === 'Country') return e.id;
  const c = e.props.country;
  return typeof c === 'string' ? c : null;
}

const antecedentTokens = new WeakMap<Doc, Map<number, number>>();
/** Token of a resolved reference → the token of its antecedent (the head of the name or earlier reference). */
export function referenceTokens(doc: Doc): Map<number, number> {
  return antecedentTokens.get(doc) ?? new Map();
}

export const references: Component = {
  name: 'references',
  run(doc) {
    if (!doc.dependencies) return;
    const W = getDepPatterns().words;
    const g = depGraph(doc);
    const refs = new Map<number, Entity>();
    const pronouns = new Map(Object.entries(W.pronouns));
    const nounLabels = new Map<string, string[]>();
    for (const [label, nouns] of Object.entries(W.referenceNouns)) for (const n of nouns) nounLabels.set(n, [...(nounLabels.get(n) ?? []), label]);
    const dets = new Set(W.determiners);
    // the entities seen so far, in text order: (token, entity), names and resolved references alike
    const seen: Array<{ tok: number; e: Entity }> = [];
    const from = new Map<number, number>();
    const toks = doc.tokens;
    const mentionAt = (t: number) => {
      const k = doc.at[t]!;
      const m = k >= 0 ? doc.mentions[k] : undefined;
      return m && !m.dead ? m : undefined;
    };
    let found = -1;
    const antecedent = (t: number, labels: readonly string[], country: string | null): Entity | null => {
      const sent = toks[t]!.sent;
      for (let k = seen.length - 1; k >= 0; k--) {
        const s = seen[k]!;
        if (toks[s.tok]!.sent < sent - MAX_SENTENCES_BACK) break;
        if (!labels.includes(s.e.label)) continue;
        if (country) {
          const c = countryOf(s.e);
          if (c && c !== country) continue;
          if (s.e.label === 'Country' && s.e.id !== country) continue;
        }
        found = s.tok;
        return s.e;
      }
      return null;
    };
    for (let i = 0; i < toks.length; i++) {
      const m = mentionAt(i);
      if (m) {
        // a name used as a modifier ("Hong Kong conglomerate CK Hutchison") is not an antecedent
        if (i === m.t1 - 1 && !m.demonym && !g.heads[i]!.some((a) => a.rel === 'compound' || a.rel === 'amod')) seen.push({ tok: i, e: m.entity });
        continue;
      }
      const t = toks[i]!;
      const pos = t.pos ?? '';
      const pr = pronouns.get(t.lower);
      if (pr && pos.startsWith('PRP')) {
        const e = antecedent(i, pr, null);
        if (e) {
          refs.set(i, e);
          from.set(i, found);
          seen.push({ tok: i, e });
        }
        continue;
      }
      if (!pos.startsWith('NN') || pos.startsWith('NNP')) continue;
      const labels = nounLabels.get(lemmaOf(doc, i));
      if (!labels) continue;
      // the head of its phrase, with a definite determiner, no name inside ("the Tollerort terminal" is a name)
      if (g.heads[i]!.some((a) => a.rel === 'compound')) continue;
      const det = kids(g, i, 'det');
      if (!det.some((d) => dets.has(toks[d]!.lower))) continue;
      let country: string | null = null;
      let named = false;
      for (const k of [...kids(g, i, 'amod'), ...kids(g, i, 'compound'), ...kids(g, i, 'nmod:poss')]) {
        const km = mentionAt(k);
        if (!km) continue;
        if (km.demonym && km.entity.label === 'Country') country = km.entity.id;
        else named = true;
      }
      // "the port group known as HHLA", "the company, Nexperia": the name is right there
      if (named || kids(g, i, 'appos').some((k) => mentionAt(k)) || g.heads[i]!.some((a) => a.rel === 'appos' && mentionAt(a.tok))) continue;
      // "the Serbian government", "the German state": the country itself
      const own = country && labels.includes('Country') && !labels.includes('Company') ? doc.mentions.find((sp) => sp.entity.id === country)?.entity : undefined;
      const e = own ?? antecedent(i, labels, country);
      if (e) {
        refs.set(i, e);
        if (!own) from.set(i, found);
        seen.push({ tok: i, e });
      }
    }
    doc.references = refs;
    antecedentTokens.set(doc, from);
  },
};
