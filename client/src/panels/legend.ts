/**
 * The legend over the canvas: every node type and relation type the model draws (legendEntries),
 * with its colour and how many are on the canvas; each entry also switches its type on and off.
 * Types on the canvas that the model does not know (a Cypher query can return any) follow.
 */
import type { Core } from 'cytoscape';
import { MODEL, type GraphModel } from '../../../model/graph-model.js';
import { fill, h } from '../dom.js';
import { legendEntries, relationVisual } from '../graph/visuals.js';
import type { State } from '../state.js';

export function legend(root: HTMLElement, toggleType: (type: string) => void, toggleRelation: (type: string) => void, model: GraphModel = MODEL) {
  const entries = legendEntries(model);
  const known = new Set(entries.relations.map((r) => r.type));
  return (cy: Core, state: State) => {
    const nodeCounts = new Map<string, number>();
    cy.nodes().forEach((n) => {
      const t = String(n.data('type'));
      nodeCounts.set(t, (nodeCounts.get(t) ?? 0) + 1);
    });
    const relCounts = new Map<string, number>();
    cy.edges().forEach((e) => {
      const t = String(e.data('type'));
      relCounts.set(t, (relCounts.get(t) ?? 0) + 1);
    });
    const hiddenTypes = new Set(state.filters.hiddenTypes);
    const hiddenRels = new Set(state.filters.hiddenRelations);
    const relations = [...entries.relations, ...[...relCounts.keys()].filter((t) => !known.has(t)).sort().map(relationVisual)];
    fill(
      root,
      h('h4', {}, 'Types'),
      ...entries.types.map((t) =>
        h(
          'button',
          {
            type: 'button',
            class: `legend-item${hiddenTypes.has(t.label) ? ' off' : ''}${nodeCounts.get(t.label) ? '' : ' absent'}`,
            title: hiddenTypes.has(t.label) ? `Show ${t.plural.toLowerCase()}` : `Hide ${t.plural.toLowerCase()}`,
            dataset: { type: t.label },
            aria: { pressed: String(!hiddenTypes.has(t.label)) },
            on: { click: () => toggleType(t.label) },
          },
          h('span', { class: `swatch shape-${t.shape}`, style: { background: t.colour } }),
          t.plural,
          h('span', { class: 'count' }, String(nodeCounts.get(t.label) ?? 0)),
        ),
      ),
      h('h4', {}, 'Relations'),
      ...relations.map((r) =>
        h(
          'button',
          {
            type: 'button',
            class: `legend-item${hiddenRels.has(r.type) ? ' off' : ''}${relCounts.get(r.type) ? '' : ' absent'}`,
            title: `${hiddenRels.has(r.type) ? 'Show' : 'Hide'} "${r.phrase}"`,
            dataset: { relation: r.type },
            aria: { pressed: String(!hiddenRels.has(r.type)) },
            on: { click: () => toggleRelation(r.type) },
          },
          h('span', { class: 'swatch line', style: { background: r.colour } }),
          r.type,
          h('span', { class: 'count' }, String(relCounts.get(r.type) ?? 0)),
        ),
      ),
    );
  };
}
