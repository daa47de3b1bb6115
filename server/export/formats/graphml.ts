/**
 * GraphML 1.0 with a <key> for every property (typed boolean/long/double/string; lists and maps as
 * JSON text), `label` for Gephi/yEd captions; opens in Gephi and yEd.
 */
import type { Graph } from '../../../model/api.js';
import { cellText, nodeName } from '../graph-text.js';
import type { ExportWriter } from '../writer.js';

// Characters XML 1.0 does not allow at all (control characters, lone surrogates, U+FFFE/FFFF).
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlEscape(text: string): string {
  return text
    .replace(XML_INVALID, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

type AttrType = 'boolean' | 'long' | 'double' | 'string';

function attrType(values: unknown[]): AttrType {
  const present = values.filter((v) => v !== null && v !== undefined);
  if (present.length === 0) return 'string';
  if (present.every((v) => typeof v === 'boolean')) return 'boolean';
  if (present.every((v) => typeof v === 'number' && Number.isSafeInteger(v))) return 'long';
  if (present.every((v) => typeof v === 'number' && Number.isFinite(v))) return 'double';
  return 'string';
}

interface KeySpec {
  id: string;
  name: string;
  type: AttrType;
  value: (el: { props: Record<string, unknown> }) => unknown;
}

function keysFor<T extends { props: Record<string, unknown> }>(prefix: string, elements: T[], fixed: Array<[string, (el: T) => unknown]>): KeySpec[] {
  const reserved = new Set(fixed.map(([name]) => name));
  const names = [...new Set(elements.flatMap((el) => Object.keys(el.props)))].sort();
  const specs: Array<[string, (el: T) => unknown]> = [
    ...fixed,
    ...names.map((name): [string, (el: T) => unknown] => [reserved.has(name) ? `prop_${name}` : name, (el) => el.props[name]]),
  ];
  return specs.map(([name, value], i) => ({
    id: `${prefix}${i}`,
    name,
    type: attrType(elements.map((el) => value(el))),
    value: value as KeySpec['value'],
  }));
}

export function toGraphML(graph: Graph): string {
  const nodeKeys = keysFor('n', graph.nodes, [
    ['label', (n) => nodeName(n)],
    ['labels', (n) => n.labels.join(':')],
  ]);
  const edgeKeys = keysFor('e', graph.edges, [
    ['label', (e) => e.type],
    ['type', (e) => e.type],
  ]);
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  ];
  for (const [domain, keys] of [['node', nodeKeys], ['edge', edgeKeys]] as const) {
    for (const k of keys) out.push(`  <key id="${k.id}" for="${domain}" attr.name="${xmlEscape(k.name)}" attr.type="${k.type}"/>`);
  }
  out.push('  <graph id="newsgraph" edgedefault="directed">');
  const data = (keys: KeySpec[], el: { props: Record<string, unknown> }, indent: string) =>
    keys
      .map((k) => {
        const v = k.value(el);
        return v === null || v === undefined ? null : `${indent}<data key="${k.id}">${xmlEscape(cellText(v))}</data>`;
      })
      .filter((line): line is string => line !== null);
  for (const n of graph.nodes) out.push(`    <node id="${xmlEscape(n.id)}">`, ...data(nodeKeys, n, '      '), '    </node>');
  for (const e of graph.edges) {
    out.push(`    <edge id="${xmlEscape(e.id)}" source="${xmlEscape(e.source)}" target="${xmlEscape(e.target)}">`, ...data(edgeKeys, e, '      '), '    </edge>');
  }
  out.push('  </graph>', '</graphml>', '');
  return out.join('\n');
}

export const graphml: ExportWriter = { write: (graph) => toGraphML(graph) };
