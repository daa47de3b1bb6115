/**
 * CSV: `part=nodes` or `part=edges` gives one RFC 4180 table; `part=all` (default) gives the nodes
 * table, one empty line, then the edges table. Lists and maps are JSON in the cell; text starting
 * with = + - @ is prefixed with ' so spreadsheets never run it as a formula.
 */
import type { Graph } from '../../../model/api.js';
import { cellText, nodeName } from '../graph-text.js';
import type { ExportWriter } from '../writer.js';

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = cellText(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvTable(header: string[], rows: unknown[][]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export function toCsv(graph: Graph, part: 'nodes' | 'edges' | 'all'): string {
  const nodeProps = [...new Set(graph.nodes.flatMap((n) => Object.keys(n.props)))].filter((k) => k !== 'id' && k !== 'name').sort();
  const edgeProps = [...new Set(graph.edges.flatMap((e) => Object.keys(e.props)))].sort();
  const nodes = csvTable(
    ['id', 'labels', 'name', ...nodeProps],
    graph.nodes.map((n) => [n.id, n.labels.join(';'), nodeName(n), ...nodeProps.map((k) => n.props[k])]),
  );
  const edges = csvTable(
    ['id', 'type', 'source', 'target', ...edgeProps.map((k) => (['id', 'type', 'source', 'target'].includes(k) ? `prop_${k}` : k))],
    graph.edges.map((e) => [e.id, e.type, e.source, e.target, ...edgeProps.map((k) => e.props[k])]),
  );
  if (part === 'nodes') return nodes;
  if (part === 'edges') return edges;
  return `${nodes}\r\n${edges}`;
}

export const csv: ExportWriter = {
  write: (graph, { part }) => toCsv(graph, part),
  fileSuffix: ({ part }) => (part === 'all' ? '' : `-${part}`),
};
