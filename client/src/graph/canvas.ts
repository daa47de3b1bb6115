/**
 * The Cytoscape instance: creation (with settings for large graphs), keeping its elements in step
 * with the graph data, and deriving classes from the state (filtered, pinned, selected, inspected).
 */
import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import dagre from 'cytoscape-dagre';
import svg from 'cytoscape-svg';
import type { Graph, GraphEdge, GraphNode } from '../api/types.js';
import { relationSpec } from '../../../model/graph-model.js';
import type { State } from '../state.js';
import { passes, type FactSources } from './filter.js';

export type { FactSources } from './filter.js';
import { stylesheet } from './style.js';
import { edgeLabel, isFact, nodeType } from './visuals.js';

cytoscape.use(fcose);
cytoscape.use(dagre);
cytoscape.use(svg);

export interface CanvasSettings {
  /** Above this many elements the canvas renders for speed: textures while panning, no edges while moving, pixel ratio 1. */
  largeThreshold: number;
  /** Use Cytoscape's WebGL renderer for large graphs when the browser offers hardware-accelerated WebGL 2. */
  webgl: boolean;
}

export const CANVAS_DEFAULTS: CanvasSettings = { largeThreshold: 1500, webgl: true };

/**
 * WebGL 2 backed by a real GPU. Software WebGL (SwiftShader, llvmpipe) is slower than the 2D canvas,
 * mostly because Cytoscape's WebGL picking reads pixels back on every mouse move.
 */
function hardwareWebgl(): boolean {
  try {
    const gl = document.createElement('canvas').getContext('webgl2');
    if (!gl) return false;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return !/swiftshader|llvmpipe|softpipe|software|basic render/i.test(renderer);
  } catch {
    return false;
  }
}

export function createCy(container: HTMLElement, large: boolean, settings = CANVAS_DEFAULTS): Core {
  const webgl = large && settings.webgl && hardwareWebgl();
  return cytoscape({
    container,
    style: stylesheet(),
    minZoom: 0.05,
    maxZoom: 4,
    boxSelectionEnabled: true,
    selectionType: 'single',
    motionBlur: false,
    textureOnViewport: large,
    hideEdgesOnViewport: large,
    hideLabelsOnViewport: large,
    pixelRatio: large ? 1 : 'auto',
    ...(webgl ? { renderer: { name: 'canvas', webgl: true } } : {}),
  } as cytoscape.CytoscapeOptions);
}

export function nodeElement(n: GraphNode): ElementDefinition {
  const type = nodeType(n.labels);
  const name = String(n.props.name ?? n.props.title ?? n.id);
  return { group: 'nodes', data: { id: n.id, name, type, labels: n.labels, props: n.props, degree: 0 } };
}

export function edgeElement(e: GraphEdge): ElementDefinition {
  const fact = isFact(e.type);
  return {
    group: 'edges',
    data: {
      id: e.id,
      source: e.source,
      target: e.target,
      type: e.type,
      label: edgeLabel(e.type, e.props),
      storyCount: Number(e.props.storyCount ?? 1),
      outletCount: Number(e.props.outletCount ?? 1),
      symmetric: relationSpec(e.type)?.symmetric ?? false,
      props: e.props,
    },
    classes: fact ? 'fact' : 'document',
  };
}

/**
 * Makes the canvas hold exactly the graph's elements. New nodes start at `anchor` (the node that
 * was expanded) so an incremental layout grows them out of it. Returns the ids added.
 */
export function syncElements(cy: Core, graph: Graph, anchor?: { x: number; y: number }): string[] {
  const want = new Set<string>([...graph.nodes.map((n) => n.id), ...graph.edges.map((e) => e.id)]);
  const added: string[] = [];
  cy.batch(() => {
    cy.elements().filter((el) => !want.has(el.id())).remove();
    const defs: ElementDefinition[] = [];
    for (const n of graph.nodes) {
      const existing = cy.getElementById(n.id);
      const def = nodeElement(n);
      if (existing.nonempty()) existing.data(def.data);
      else {
        if (anchor) def.position = { x: anchor.x + (Math.random() - 0.5) * 80, y: anchor.y + (Math.random() - 0.5) * 80 };
        defs.push(def);
        added.push(n.id);
      }
    }
    for (const e of graph.edges) {
      const existing = cy.getElementById(e.id);
      const def = edgeElement(e);
      if (existing.nonempty()) existing.data(def.data);
      else {
        defs.push(def);
        added.push(e.id);
      }
    }
    cy.add(defs);
    cy.nodes().forEach((n) => {
      n.data('degree', n.degree(false));
    });
  });
  return added;
}

/** Derives every element's classes from the state. */
export function applyView(cy: Core, state: State, sources: FactSources | null): void {
  const hidden = new Set(state.hidden);
  const selected = new Set(state.selected);
  const f = state.filters;
  cy.batch(() => {
    cy.nodes().forEach((n) => {
      n.toggleClass('filtered', hidden.has(n.id()) || !passes(n.data(), true, f, sources));
      const pin = state.pinned[n.id()];
      n.toggleClass('pinned', !!pin);
      if (pin) {
        if (!n.locked()) n.position(pin).lock();
      } else if (n.locked()) n.unlock();
    });
    cy.edges().forEach((e) => {
      const endpointsShown = !e.source().hasClass('filtered') && !e.target().hasClass('filtered');
      e.toggleClass('filtered', hidden.has(e.id()) || !endpointsShown || !passes(e.data(), false, f, sources));
    });
    cy.elements().forEach((el) => {
      const want = selected.has(el.id());
      if (want && !el.selected()) el.select();
      if (!want && el.selected()) el.unselect();
      el.toggleClass('inspected', state.inspect?.id === el.id());
    });
  });
}
