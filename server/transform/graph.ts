/**
 * The one result transformer: records → graph elements (nodes and edges deduplicated by element
 * id, paths unrolled, nodes inside lists and maps found) plus a table of every row. It enforces
 * the caps: a record that would push rows or nodes + edges past the limit is not taken and the
 * result is marked truncated (callers fetch one record more than they show, so "exactly at the
 * cap" is not reported as cut).
 *
 * Ids: a node's `id` property (fallback: its element id); an edge's `key` property, else
 * `<type>:<source id>:<target id>`. Story nodes lose `body` (too big; the story endpoint has it),
 * entities lose `aliasText` (an index helper duplicating `aliases`).
 */
import { isNode, isPath, isRelationship, type Node, type Path, type Record as Neo4jRecord, type Relationship } from 'neo4j-driver';
import type { Graph, GraphEdge, GraphNode, Table } from '../../model/api.js';
import { toPlain } from './values.js';

const DROPPED_PROPS: Record<string, readonly string[]> = { Story: ['body'] };
const ALWAYS_DROPPED = ['aliasText'];

export function nodeProps(node: Node): Record<string, unknown> {
  const drop = new Set([...ALWAYS_DROPPED, ...node.labels.flatMap((l) => DROPPED_PROPS[l] ?? [])]);
  const props: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node.properties)) if (!drop.has(k)) props[k] = toPlain(v);
  return props;
}

function propsOf(rel: Relationship): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(rel.properties)) props[k] = toPlain(v);
  return props;
}

export interface Caps {
  /** Cap on nodes + edges. */
  maxElements: number;
  /** Cap on table rows. */
  maxRows: number;
}

interface PendingEdge {
  elementId: string;
  type: string;
  start: string;
  end: string;
  props: Record<string, unknown>;
}

/** Finds every node and relationship inside a value (lists, maps and paths included). */
function walk(value: unknown, nodes: Map<string, Node>, rels: Map<string, Relationship>): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (isNode(value)) {
    nodes.set(value.elementId, value);
    return true;
  }
  if (isRelationship(value)) {
    rels.set(value.elementId, value);
    return true;
  }
  if (isPath(value)) {
    const path = value as Path;
    nodes.set(path.start.elementId, path.start);
    for (const segment of path.segments) {
      rels.set(segment.relationship.elementId, segment.relationship);
      nodes.set(segment.end.elementId, segment.end);
    }
    return true;
  }
  let found = false;
  if (Array.isArray(value)) {
    for (const v of value) found = walk(v, nodes, rels) || found;
  } else if (!ArrayBuffer.isView(value)) {
    for (const v of Object.values(value)) found = walk(v, nodes, rels) || found;
  }
  return found;
}

export class ResultCollector {
  private readonly nodes = new Map<string, GraphNode>();
  private readonly edges = new Map<string, PendingEdge>();
  private readonly usedNodeIds = new Map<string, string>();
  /** Endpoints of taken relationships that are not (yet) among the nodes. */
  private readonly missing = new Set<string>();
  private readonly rawRows: unknown[][] = [];
  columns: string[] = [];
  /** True once any record held a node, relationship or path. */
  sawGraph = false;
  truncated = false;

  constructor(private readonly caps: Caps) {}

  get elementCount(): number {
    return this.nodes.size + this.edges.size;
  }

  /** Takes one record; false (and truncated) when it would exceed a cap. */
  add(record: Neo4jRecord): boolean {
    if (this.columns.length === 0) this.columns = [...record.keys].map(String);
    if (this.rawRows.length >= this.caps.maxRows) {
      this.truncated = true;
      return false;
    }
    const nodes = new Map<string, Node>();
    const rels = new Map<string, Relationship>();
    const values = record.keys.map((k) => record.get(k));
    let graphy = false;
    for (const v of values) graphy = walk(v, nodes, rels) || graphy;
    const fresh = new Set<string>();
    for (const id of nodes.keys()) if (!this.nodes.has(id)) fresh.add(id);
    for (const rel of rels.values()) {
      if (this.edges.has(rel.elementId)) continue;
      fresh.add(rel.elementId);
      // Endpoints not in the result are fetched afterwards; count them now.
      for (const end of [rel.startNodeElementId, rel.endNodeElementId]) if (!this.nodes.has(end) && !this.missing.has(end)) fresh.add(end);
    }
    if (this.elementCount + this.missing.size + fresh.size > this.caps.maxElements && fresh.size > 0) {
      this.truncated = true;
      return false;
    }
    if (graphy) this.sawGraph = true;
    for (const node of nodes.values()) this.addNode(node);
    for (const rel of rels.values()) this.addRelationship(rel);
    this.rawRows.push(values);
    return true;
  }

  addNode(node: Node): void {
    if (this.nodes.has(node.elementId)) return;
    const own = node.properties.id;
    let id = typeof own === 'string' && own.length > 0 ? own : node.elementId;
    const holder = this.usedNodeIds.get(id);
    if (holder !== undefined && holder !== node.elementId) id = node.elementId;
    this.usedNodeIds.set(id, node.elementId);
    this.missing.delete(node.elementId);
    this.nodes.set(node.elementId, { id, labels: [...node.labels], props: nodeProps(node) });
  }

  addRelationship(rel: Relationship): void {
    if (this.edges.has(rel.elementId)) return;
    this.edges.set(rel.elementId, {
      elementId: rel.elementId,
      type: rel.type,
      start: rel.startNodeElementId,
      end: rel.endNodeElementId,
      props: propsOf(rel),
    });
    for (const end of [rel.startNodeElementId, rel.endNodeElementId]) if (!this.nodes.has(end)) this.missing.add(end);
  }

  /** Element ids of relationship endpoints that the records did not include. */
  pendingEndpoints(): string[] {
    return [...this.missing];
  }

  /** Node id of an element id (after addNode). */
  nodeId(elementId: string): string | undefined {
    return this.nodes.get(elementId)?.id;
  }

  graph(): Graph {
    const edges: GraphEdge[] = [];
    const usedEdgeIds = new Set<string>();
    for (const e of this.edges.values()) {
      const source = this.nodes.get(e.start)?.id;
      const target = this.nodes.get(e.end)?.id;
      if (source === undefined || target === undefined) {
        this.truncated = true;
        continue;
      }
      const key = e.props.key;
      let id = typeof key === 'string' && key.length > 0 ? key : `${e.type}:${source}:${target}`;
      if (usedEdgeIds.has(id)) id = `${id}:${e.elementId}`;
      usedEdgeIds.add(id);
      edges.push({ id, type: e.type, source, target, props: e.props });
    }
    return { nodes: [...this.nodes.values()], edges, truncated: this.truncated };
  }

  table(): Table {
    const graphValue = (v: object): unknown => {
      if (isNode(v)) return this.nodes.get(v.elementId) ?? { id: v.elementId, labels: [...v.labels], props: nodeProps(v) };
      if (isRelationship(v)) {
        const r = v as Relationship;
        const source = this.nodeId(r.startNodeElementId) ?? r.startNodeElementId;
        const target = this.nodeId(r.endNodeElementId) ?? r.endNodeElementId;
        const props = propsOf(r);
        return { id: typeof props.key === 'string' ? props.key : `${r.type}:${source}:${target}`, type: r.type, source, target, props };
      }
      if (isPath(v)) {
        const p = v as Path;
        return {
          nodes: [p.start, ...p.segments.map((s) => s.end)].map((n) => this.nodeId(n.elementId) ?? n.elementId),
          edges: p.segments.map((s) => {
            const r = s.relationship;
            const key = r.properties.key;
            if (typeof key === 'string') return key;
            return `${r.type}:${this.nodeId(r.startNodeElementId) ?? r.startNodeElementId}:${this.nodeId(r.endNodeElementId) ?? r.endNodeElementId}`;
          }),
        };
      }
      return null;
    };
    return { columns: this.columns, rows: this.rawRows.map((row) => row.map((v) => toPlain(v, graphValue))), truncated: this.truncated };
  }
}

/** One node as a graph element (same rules as the collector). */
export function toGraphNode(node: Node): GraphNode {
  const own = node.properties.id;
  return { id: typeof own === 'string' && own.length > 0 ? own : node.elementId, labels: [...node.labels], props: nodeProps(node) };
}

/** One relationship as a graph element, given its endpoints' node ids. */
export function toGraphEdge(rel: Relationship, source: string, target: string): GraphEdge {
  const props = propsOf(rel);
  const key = props.key;
  return { id: typeof key === 'string' && key.length > 0 ? key : `${rel.type}:${source}:${target}`, type: rel.type, source, target, props };
}

/** The specific label of an entity (Country, Company…), not the shared `Entity`. */
export function mainLabel(labels: readonly string[]): string {
  return labels.find((l) => l !== 'Entity') ?? labels[0] ?? 'Node';
}
