/**
 * Component "org-countries": LOCATED_IN for organisations whose country the wording makes plain (rule 12):
 *   a nationality adjective on a description that stands for it ("the Japanese steelmaker", "the Swiss
 *   commodity trader": a reference resolved by component "references");
 *   a nationality adjective on a common noun next to its name ("the French group Orano", "Chilean state
 *   miner Codelco": the noun is an appositive or compound of the name);
 *   a country at the start of its own name ("China Development Bank", "Iran Air", "German police",
 *   "China's commerce ministry"): the country the organisation is of.
 * Needs the parse; a country is the organisation's location, never the reverse.
 */
import type { Entity } from '../../../model/types.js';
import { matchAt } from '../catalog.js';
import type { Component, Doc, Span } from '../document.js';
import { depGraph, kids } from '../relations/dep-graph.js';
import { emitFact } from '../relations/facts.js';

const ORG_LABELS = new Set(['Company', 'Organization', 'Outlet']);

function mentionAt(doc: Doc, t: number): Span | undefined {
  const k = doc.at[t]!;
  const m = k >= 0 ? doc.mentions[k] : undefined;
  return m && !m.dead ? m : undefined;
}

/** The countries named by nationality adjectives on token `t` ("the French group"). */
function demonymsOn(doc: Doc, g: ReturnType<typeof depGraph>, t: number): Entity[] {
  const out: Entity[] = [];
  for (const k of kids(g, t, 'amod')) {
    const km = mentionAt(doc, k);
    if (km && km.demonym && km.entity.label === 'Country') out.push(km.entity);
  }
  return out;
}

export const orgCountries: Component = {
  name: 'org-countries',
  run(doc) {
    if (!doc.dependencies) return;
    const g = depGraph(doc);
    const emit = (x: Entity, y: Entity, t: number, conf: number) => {
      if (x.id !== y.id && ORG_LABELS.has(x.label) && y.label === 'Country') emitFact(doc, 'LOCATED_IN', x, y, {}, doc.tokens[t]!.sent, conf);
    };
    for (let t = 0; t < doc.tokens.length; t++) {
      const m = mentionAt(doc, t);
      if (!m) {
        // "the Japanese steelmaker" standing for a named company
        const ref = doc.references?.get(t);
        if (ref && ORG_LABELS.has(ref.label)) for (const y of demonymsOn(doc, g, t)) emit(ref, y, t, 0.65);
        // "the French group Orano", "Chilean state miner Codelco"
        if (doc.tokens[t]!.pos?.startsWith('NN') && !doc.tokens[t]!.pos?.startsWith('NNP')) {
          const ys = demonymsOn(doc, g, t);
          if (ys.length === 0) continue;
          const names = [...kids(g, t, 'appos'), ...g.heads[t]!.filter((a) => a.rel === 'compound' || a.rel === 'appos').map((a) => a.tok)];
          for (const k of names) {
            const km = mentionAt(doc, k);
            if (km && !km.demonym) for (const y of ys) emit(km.entity, y, t, 0.65);
          }
        }
        continue;
      }
      // a country at the start of the organisation's own name
      if (t !== m.t0 || m.demonym || !ORG_LABELS.has(m.entity.label)) continue;
      const hit = matchAt(doc.catalog, doc.tokens, t);
      if (hit && hit.entity.label === 'Country' && hit.t1 < m.t1) emit(m.entity, hit.entity, t, 0.6);
    }
  },
};
