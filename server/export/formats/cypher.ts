/**
 * A Cypher script that recreates the subgraph in another Neo4j, one statement per line, MERGE on
 * `id` (nodes) and on `key` or the endpoints (relationships), every value a literal escaped here.
 * ISO dates and date-times become date()/datetime().
 */
import type { Graph, GraphNode } from '../../../model/api.js';
import { mainLabel } from '../graph-text.js';
import type { ExportWriter } from '../writer.js';

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

export const cypher: ExportWriter = { write: (graph) => toCypherScript(graph) };
