/**
 * Export formats of a Graph ({nodes, edges}). Pure functions from the graph (and, for the brief,
 * the evidence of its facts) to text:
 * - json: Cytoscape elements JSON (`{elements: {nodes: [{data}], edges: [{data}]}}`, opens in
 *   Cytoscape desktop and cytoscape.js). Props sit flat in `data`; props named like Cytoscape's
 *   reserved fields (id, source, target, parent) become `prop_<name>`.
 * - graphml: GraphML 1.0 with a <key> for every property (typed boolean/long/double/string; lists
 *   and maps as JSON text), `label` for Gephi/yEd captions; opens in Gephi and yEd.
 * - csv: `part=nodes` or `part=edges` gives one RFC 4180 table; `part=all` (default) gives the
 *   nodes table, one empty line, then the edges table. Lists and maps are JSON in the cell; text
 *   starting with = + - @ is prefixed with ' so spreadsheets never run it as a formula.
 * - cypher: a script that recreates the subgraph in another Neo4j, one statement per line,
 *   MERGE on `id` (nodes) and on `key` or the endpoints (relationships), every value a literal
 *   escaped here. ISO dates and date-times become date()/datetime().
 * - markdown: a brief listing the entities and every fact with its newest evidence quotes (at most
 *   BRIEF_QUOTES_PER_FACT each, then "… and N more quotes") and links.
 */
import type { Graph, GraphEdge, GraphNode } from '../../model/api.js';
import { relationSpec } from '../../model/graph-model.js';

const nodeName = (n: GraphNode) => String(n.props.name ?? n.props.title ?? n.id);
const mainLabel = (n: GraphNode) => n.labels.find((l) => l !== 'Entity') ?? n.labels[0] ?? 'Node';

// ------------------------------------------------------------------------------------------ json
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

// --------------------------------------------------------------------------------------- graphml
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

const cellText = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v));

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

// ------------------------------------------------------------------------------------------- csv
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

// ---------------------------------------------------------------------------------------- cypher
/** A Cypher string literal: single quotes, backslash escapes, no raw control characters. */
export function cypherString(text: string): string {
  let out = "'";
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (ch === '\\') out += '\\\\';
    else if (ch === "'") out += "\\'";
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f || code === 0x2028 || code === 0x2029) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}'`;
}

/** A name (label, type, property key) in backticks, backticks doubled. */
export function cypherName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `\`${name.replace(/`/g, '``')}\``;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})(\[[^\]]+\])?$/;

export function cypherLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return 'null';
    return Number.isSafeInteger(value) ? String(value) : String(value).includes('e') || String(value).includes('.') ? String(value) : `${value}.0`;
  }
  if (typeof value === 'string') {
    if (ISO_DATE.test(value)) return `date(${cypherString(value)})`;
    if (ISO_DATETIME.test(value)) return `datetime(${cypherString(value)})`;
    return cypherString(value);
  }
  if (Array.isArray(value)) {
    // Neo4j properties hold homogeneous lists of scalars; anything else is kept as JSON text.
    if (value.every((v) => typeof v === 'string') || value.every((v) => typeof v === 'number') || value.every((v) => typeof v === 'boolean')) {
      return `[${value.map((v) => (typeof v === 'string' ? cypherString(v) : cypherLiteral(v))).join(', ')}]`;
    }
    return cypherString(JSON.stringify(value));
  }
  return cypherString(JSON.stringify(value));
}

const cypherMap = (props: Record<string, unknown>) =>
  `{${Object.entries(props)
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => `${cypherName(k)}: ${cypherLiteral(v)}`)
    .join(', ')}}`;

export function toCypherScript(graph: Graph): string {
  const lines = [
    '// newsgraph export: recreates this subgraph in another Neo4j 5. One statement per line;',
    '// run it with cypher-shell or paste it into Neo4j Browser (enable multi-statement editing).',
    `// ${graph.nodes.length} nodes, ${graph.edges.length} relationships${graph.truncated ? ' (the selection was cut by a limit)' : ''}.`,
  ];
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const matchLabel = (n: GraphNode) => (n.labels.includes('Entity') ? 'Entity' : mainLabel(n));
  for (const n of graph.nodes) {
    const { id: _id, ...rest } = n.props;
    const extraLabels = n.labels.filter((l) => l !== matchLabel(n));
    const setLabels = extraLabels.length > 0 ? ` SET n:${extraLabels.map(cypherName).join(':')}` : '';
    lines.push(`MERGE (n:${cypherName(matchLabel(n))} {id: ${cypherString(n.id)}})${setLabels} SET n += ${cypherMap(rest)};`);
  }
  for (const e of graph.edges) {
    const a = byId.get(e.source);
    const b = byId.get(e.target);
    if (!a || !b) continue;
    const key = typeof e.props.key === 'string' ? `{key: ${cypherString(e.props.key)}}` : '';
    lines.push(
      `MATCH (a:${cypherName(matchLabel(a))} {id: ${cypherString(a.id)}}) MATCH (b:${cypherName(matchLabel(b))} {id: ${cypherString(b.id)}}) ` +
        `MERGE (a)-[r:${cypherName(e.type)}${key ? ` ${key}` : ''}]->(b) SET r += ${cypherMap(e.props)};`,
    );
  }
  return `${lines.join('\n')}\n`;
}

// -------------------------------------------------------------------------------------- markdown
export interface BriefEvidence {
  quote: string;
  story: { id: string; title: string };
  outlet: string | null;
  published: string | null;
  url: string | null;
  claim: Record<string, unknown> | null;
  /** Times the story states this quote for the fact (1 when absent). */
  occurrences?: number;
}

/**
 * Quotes per fact in a brief. A brief is read by people: past a handful of quotes more add length,
 * not insight, and a hub fact can have tens of thousands; the rest is counted, not listed.
 */
export const BRIEF_QUOTES_PER_FACT = 10;

export interface BriefOptions {
  /** All quotes of each fact (by key), when more exist than were given. */
  totals?: ReadonlyMap<string, number>;
  quotesPerFact?: number;
}

const mdText = (text: string) => text.replace(/[\\`*_{}[\]<>()#+!|~]/g, (c) => `\\${c}`).replace(/\s+/g, ' ').trim();
const mdLink = (title: string, url: string | null) =>
  url && /^https?:\/\/[^\s<>]+$/i.test(url) ? `[${mdText(title)}](<${url.replace(/[<>]/g, encodeURIComponent)}>)` : mdText(title);

export function toMarkdown(
  graph: Graph,
  evidence: ReadonlyMap<string, BriefEvidence[]>,
  generatedAt = new Date(),
  { totals, quotesPerFact = BRIEF_QUOTES_PER_FACT }: BriefOptions = {},
): string {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const label = (id: string) => mdText(byId.get(id) ? nodeName(byId.get(id)!) : id);
  const facts = graph.edges.filter((e) => relationSpec(e.type));
  const others = graph.edges.filter((e) => !relationSpec(e.type));
  const out: string[] = [
    '# newsgraph brief',
    '',
    `Generated ${generatedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC · ${graph.nodes.length} nodes · ${facts.length} facts` +
      (others.length > 0 ? ` · ${others.length} other relationships` : '') +
      (graph.truncated ? ' · **the selection was cut by a limit**' : ''),
    '',
    '## Entities',
    '',
  ];
  const entities = graph.nodes.filter((n) => !n.labels.includes('Story'));
  for (const n of [...entities].sort((a, b) => mainLabel(a).localeCompare(mainLabel(b)) || nodeName(a).localeCompare(nodeName(b)))) {
    const aliases = Array.isArray(n.props.aliases) && n.props.aliases.length > 0 ? ` — also ${n.props.aliases.map((a) => mdText(String(a))).join(', ')}` : '';
    out.push(`- **${mdText(nodeName(n))}** (${mainLabel(n)}, \`${n.id.replace(/`/g, "'")}\`)${aliases}`);
  }
  if (entities.length === 0) out.push('_None._');
  out.push('', '## Relationships', '');
  if (facts.length === 0) out.push('_No facts in this selection._', '');
  for (const e of facts) {
    const spec = relationSpec(e.type)!;
    out.push(`### ${label(e.source)} ${spec.phrase} ${label(e.target)}`, '');
    const values = spec.props.filter((p) => e.props[p] !== undefined && e.props[p] !== null).map((p) => `${p} ${mdText(cellText(e.props[p]))}`);
    const reported = [
      `\`${e.type}\``,
      ...values,
      e.props.storyCount !== undefined ? `${cellText(e.props.storyCount)} stories` : null,
      e.props.outletCount !== undefined ? `${cellText(e.props.outletCount)} outlets` : null,
      e.props.firstReported ? `first reported ${cellText(e.props.firstReported)}` : null,
      e.props.lastReported ? `last ${cellText(e.props.lastReported)}` : null,
    ].filter((x): x is string => x !== null);
    out.push(reported.join(' · '), '');
    const quotes = evidence.get(e.id) ?? [];
    if (quotes.length === 0) out.push('_No quotes recorded._', '');
    const shown = quotes.slice(0, quotesPerFact);
    for (const q of shown) {
      out.push(`> ${mdText(q.quote)}`);
      const source = [mdLink(q.story.title, q.url), q.outlet ? mdText(q.outlet) : null, q.published].filter(Boolean).join(', ');
      const claim = q.claim && Object.keys(q.claim).length > 0 ? ` — states ${mdText(JSON.stringify(q.claim))}` : '';
      const repeated = (q.occurrences ?? 1) > 1 ? ` (stated ${q.occurrences} times in this story)` : '';
      out.push(`>`, `> — ${source}${claim}${repeated}`, '');
    }
    const more = Math.max(totals?.get(e.id) ?? quotes.length, quotes.length) - shown.length;
    if (more > 0) out.push(`_… and ${more} more quote${more === 1 ? '' : 's'}._`, '');
  }
  if (others.length > 0) {
    const counts = new Map<string, number>();
    for (const e of others) counts.set(e.type, (counts.get(e.type) ?? 0) + 1);
    out.push('## Other relationships', '', ...[...counts].map(([t, c]) => `- ${t}: ${c}`), '');
  }
  const stories = graph.nodes.filter((n) => n.labels.includes('Story'));
  if (stories.length > 0) {
    out.push('## Stories', '');
    for (const s of stories) out.push(`- ${mdLink(nodeName(s), typeof s.props.url === 'string' ? s.props.url : null)}${s.props.published ? ` (${cellText(s.props.published)})` : ''}`);
    out.push('');
  }
  return out.join('\n');
}

export type { GraphEdge };
