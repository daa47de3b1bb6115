/**
 * Cytoscape elements JSON (`{elements: {nodes: [{data}], edges: [{data}]}}`, opens in Cytoscape
 * desktop and cytoscape.js). Props sit flat in `data`; props named like Cytoscape's reserved fields
 * (id, source, target, parent) become `prop_<name>`.
 */
import type { Graph } from '../../../model/api.js';
import { nodeName } from '../graph-text.js';
import type { ExportWriter } from '../writer.js';

const CYTOSCAPE_RESERVED = new Set(['id', 'source', 'target', 'parent', 'label', 'labels', 'type']);

export function toCytoscapeJson(graph: Graph): string {
  const flat = (props: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(props).map(([k, v]) => [CYTOSCAPE_RESERVED.has(k) ? `prop_${k}` : k, v]));
  return JSON.stringify(
    {
      format_version: '1.0',
      generated_by: 'newsgraph',
      target_cytoscapejs_version: '~3',
      data: { truncated: graph.truncated },
      elements: {
        nodes: graph.nodes.map((n) => ({ group: 'nodes', data: { ...flat(n.props), id: n.id, label: nodeName(n), labels: n.labels } })),
        edges: graph.edges.map((e) => ({ group: 'edges', data: { ...flat(e.props), id: e.id, source: e.source, target: e.target, label: e.type, type: e.type } })),
      },
    },
    null,
    2,
  );
}

export const json: ExportWriter = { write: (graph) => toCytoscapeJson(graph) };
