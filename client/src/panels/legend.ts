/** The legend over the canvas; each entry also switches its type on and off. */
import type { Core } from 'cytoscape';
import { fill, h } from '../dom.js';
import { NODE_TYPES, relationVisual } from '../graph/visuals.js';
import type { State } from '../state.js';

export function legend(root: HTMLElement, toggleType: (type: string) => void, toggleRelation: (type: string) => void) {
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
    fill(
      root,
      h('h4', {}, 'Types'),
      ...NODE_TYPES.map((t) =>
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
      relCounts.size ? h('h4', {}, 'Relations') : null,
      ...[...relCounts.keys()].sort().map((type) =>
        h(
          'button',
          {
            type: 'button',
            class: `legend-item${hiddenRels.has(type) ? ' off' : ''}`,
            dataset: { relation: type },
            aria: { pressed: String(!hiddenRels.has(type)) },
            on: { click: () => toggleRelation(type) },
          },
          h('span', { class: 'swatch line', style: { background: relationVisual(type).colour } }),
          type,
          h('span', { class: 'count' }, String(relCounts.get(type))),
        ),
      ),
    );
  };
}
