/**
 * The Cytoscape stylesheet. Colours and shapes come from the model through visuals.ts, one rule per
 * label and relation type the model draws; state shows through classes the view sets (filtered,
 * pinned, faded, highlighted), never through per-element inline styles.
 */
import type { StylesheetJson } from 'cytoscape';
import { MODEL, type GraphModel } from '../../../model/graph-model.js';
import { nodeVisuals, relationVisuals } from './visuals.js';

export function stylesheet(model: GraphModel = MODEL): StylesheetJson {
  return [
    {
      selector: 'node',
      style: {
        label: 'data(name)',
        'font-size': 11,
        'font-family': 'system-ui, sans-serif',
        color: '#1b2631',
        'text-valign': 'bottom',
        'text-margin-y': 3,
        'text-wrap': 'ellipsis',
        'text-max-width': '140px',
        'text-outline-color': '#ffffff',
        'text-outline-width': 2,
        'min-zoomed-font-size': 7,
        width: 'mapData(degree, 0, 20, 22, 48)',
        height: 'mapData(degree, 0, 20, 22, 48)',
        'background-color': '#95a5a6',
        'border-width': 1,
        'border-color': '#ffffff',
      },
    },
    ...nodeVisuals(model).map((t) => ({
      selector: `node[type = "${t.label}"]`,
      style: { 'background-color': t.colour, shape: t.shape as 'ellipse' },
    })),
    { selector: 'node[type = "Story"]', style: { 'font-size': 9, 'text-max-width': '110px', width: 18, height: 22 } },
    {
      selector: 'edge',
      style: {
        width: 'mapData(storyCount, 1, 8, 1.5, 9)',
        'line-color': '#b3b6b7',
        'target-arrow-color': '#b3b6b7',
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.8,
        'curve-style': 'bezier',
        label: 'data(label)',
        'font-size': 9,
        color: '#34495e',
        'text-rotation': 'autorotate',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        'text-background-padding': '1px',
        'min-zoomed-font-size': 8,
        opacity: 0.9,
      },
    },
    ...relationVisuals(model).map((r) => ({
      selector: `edge[type = "${r.type}"]`,
      style: { 'line-color': r.colour, 'target-arrow-color': r.colour },
    })),
    { selector: 'edge[?symmetric]', style: { 'target-arrow-shape': 'none' } },
    { selector: 'edge.document', style: { label: '', width: 1, 'line-style': 'dashed', opacity: 0.6 } },
    { selector: '.filtered', style: { display: 'none' } },
    { selector: '.faded', style: { opacity: 0.15 } },
    { selector: 'node.pinned', style: { 'border-width': 3, 'border-color': '#111', 'border-style': 'double' } },
    { selector: 'node.new', style: { 'border-width': 3, 'border-color': '#f1c40f' } },
    { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#f39c12', 'overlay-opacity': 0 } },
    { selector: 'edge:selected', style: { 'line-color': '#f39c12', 'target-arrow-color': '#f39c12', 'z-index': 10, 'font-weight': 'bold' } },
    { selector: '.inspected', style: { 'underlay-color': '#f39c12', 'underlay-opacity': 0.35, 'underlay-padding': 6 } },
  ];
}
