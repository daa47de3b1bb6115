/**
 * Layout options per layout name, with defaults and a draft mode for large graphs (cheaper fcose,
 * breadthfirst instead of dagre, no animation).
 */
import type { Collection, Core, LayoutOptions } from 'cytoscape';
import type { LayoutName } from '../state.js';
import { geoPositions, type GeoNode } from './geo.js';

export const LAYOUT_TITLES: Record<LayoutName, string> = {
  fcose: 'Force (fcose)',
  concentric: 'Concentric',
  hierarchy: 'Hierarchical',
  geo: 'Geographic',
};

export interface LayoutSettings {
  /** Above this many visible elements the layouts switch to their draft settings. */
  largeThreshold: number;
  /** Animate layouts on small graphs. */
  animate: boolean;
}

export const LAYOUT_DEFAULTS: LayoutSettings = { largeThreshold: 1200, animate: true };

export function layoutOptions(name: LayoutName, cy: Core, eles: Collection, incremental: boolean, settings = LAYOUT_DEFAULTS): LayoutOptions {
  const large = eles.length > settings.largeThreshold;
  const animate = settings.animate && !large && eles.nodes().length < 300;
  const common = { fit: true, padding: 40, animate, animationDuration: 400 };
  const pinned = eles.nodes('.pinned');
  switch (name) {
    case 'fcose':
      return {
        name: 'fcose',
        ...common,
        quality: large ? 'draft' : 'default',
        randomize: !incremental,
        nodeDimensionsIncludeLabels: !large,
        nodeRepulsion: () => 9000,
        idealEdgeLength: () => 110,
        nodeSeparation: 90,
        numIter: large ? 800 : 2500,
        fixedNodeConstraint: pinned.length ? pinned.map((n) => ({ nodeId: n.id(), position: { ...n.position() } })) : undefined,
      } as LayoutOptions;
    case 'concentric':
      return {
        name: 'concentric',
        ...common,
        concentric: (n: cytoscape.NodeSingular) => n.degree(false),
        levelWidth: () => 2,
        minNodeSpacing: 24,
        avoidOverlap: !large,
      } as LayoutOptions;
    case 'hierarchy':
      return large
        ? ({ name: 'breadthfirst', ...common, directed: true, spacingFactor: 1.1 } as LayoutOptions)
        : ({ name: 'dagre', ...common, rankDir: 'LR', nodeSep: 24, rankSep: 120, edgeSep: 8 } as LayoutOptions);
    case 'geo': {
      const nodes: GeoNode[] = eles.nodes().map((n) => ({
        id: n.id(),
        type: String(n.data('type')),
        props: (n.data('props') ?? {}) as Record<string, unknown>,
        neighbours: n.neighborhood('node').map((m) => m.id()),
      }));
      const positions = geoPositions(nodes);
      return { name: 'preset', ...common, positions: (n: cytoscape.NodeSingular) => positions.get(n.id()) ?? { x: 0, y: 0 } } as LayoutOptions;
    }
  }
  void cy;
}
