/**
 * The entities the dependency parse puts at a token, for the parse readers (components "dep-relations" and
 * its LOCATED_IN reader): a name, a resolved reference, a plural pronoun's list, an appositive name, the
 * place a place noun names, the country an actor noun stands for, the owner of a part noun, conjuncts.
 */
import type { Entity } from '../../../model/types.js';
import type { Doc, Span } from '../document.js';
import { referenceTokens } from '../components/references.js';
import { kids, lemmaOf, type DepGraph, type getDepPatterns } from './dep-graph.js';

/** Pronouns that may stand for a list of entities. */
const PLURAL = new Set(['they', 'their', 'them']);

export interface Ctx {
  doc: Doc;
  g: DepGraph;
  W: ReturnType<typeof getDepPatterns>['words'];
  neg: Set<string>;
  deny: Set<string>;
  hedge: Set<string>;
  parts: Set<string>;
  pct: Set<string>;
  wholly: Set<string>;
}

export function mentionAt(doc: Doc, t: number): Span | undefined {
  const k = doc.at[t]!;
  const m = k >= 0 ? doc.mentions[k] : undefined;
  return m && !m.dead ? m : undefined;
}

/** Entities standing at token `t`: its name, a resolved reference, an appositive name, the owner of a part noun, conjuncts. */
export function entitiesAt(c: Ctx, t: number, allowDemonym: boolean, depth = 0): Entity[] {
  const { doc, g } = c;
  const out: Entity[] = [];
  const add = (e: Entity | undefined) => {
    if (e && !out.some((x) => x.id === e.id)) out.push(e);
  };
  const m = mentionAt(doc, t);
  if (m) {
    if (!m.demonym || allowDemonym) add(m.entity);
  } else {
    add(doc.references?.get(t));
    // a plural pronoun stands for the whole list its antecedent heads ("Britain, France and Germany … they")
    const at = referenceTokens(doc).get(t);
    if (at !== undefined && PLURAL.has(doc.tokens[t]!.lower)) for (const k of kids(g, at, 'conj:*')) for (const e of entitiesAt(c, k, false, depth + 1)) add(e);
    if (out.length === 0) {
      // "Nexperia, the chipmaker that …" (the noun is an appositive of a name), "the billionaire Ye Cheng"
      for (const a of g.heads[t]!) {
        if (a.rel !== 'appos') continue;
        const am = mentionAt(doc, a.tok);
        if (am && !am.demonym) add(am.entity);
      }
      for (const a of g.children[t]!) {
        if (a.rel !== 'appos' && a.rel !== 'dep') continue;
        const am = mentionAt(doc, a.tok);
        // a title noun right before the name ("the billionaire Ye Cheng"), not any loose attachment
        if (am && !am.demonym && (a.rel === 'appos' || (am.t0 === t + 1 && doc.tokens[t]!.pos?.startsWith('NN')))) add(am.entity);
      }
    }
    // "the Kursk region", "the port of Hamburg": the place a place noun names
    if (out.length === 0 && c.W.placeNouns.includes(lemmaOf(doc, t))) {
      for (const k of [...kids(g, t, 'compound'), ...kids(g, t, 'nmod:of')]) {
        const km = mentionAt(doc, k);
        if (km && !km.demonym && km.entity.label === 'Place') add(km.entity);
      }
    }
    // "U.S. officials", "the Chinese delegation": people acting for a country stand for it
    if (out.length === 0 && c.W.actorNouns.includes(lemmaOf(doc, t))) {
      for (const k of [...kids(g, t, 'amod'), ...kids(g, t, 'compound'), ...kids(g, t, 'nmod:poss')]) {
        const km = mentionAt(doc, k);
        if (km && km.entity.label === 'Country') add(km.entity);
      }
    }
    if (out.length === 0 && depth === 0 && c.parts.has(lemmaOf(doc, t))) {
      for (const k of [...kids(g, t, 'nmod:of'), ...kids(g, t, 'nmod:poss')]) for (const e of entitiesAt(c, k, false, depth + 1)) add(e);
    }
  }
  if (depth === 0) for (const k of kids(g, t, 'conj:*')) for (const e of entitiesAt(c, k, allowDemonym, depth + 1)) add(e);
  return out;
}

