/**
 * How each node type and relation type draws, keyed by the labels and relation types declared in
 * model/graph-model.ts. The legend, the stylesheet and the filters all read this one table.
 */
import { DOCUMENT_RELATIONS, ENTITY_LABELS, RELATIONS, relationSpec } from '../../../model/graph-model.js';

export interface NodeVisual {
  /** Neo4j label. */
  label: string;
  /** Plural for the legend: "Countries". */
  plural: string;
  colour: string;
  shape: string;
}

const NODE_LOOK: Record<string, Omit<NodeVisual, 'label'>> = {
  Country: { plural: 'Countries', colour: '#2f6fd6', shape: 'ellipse' },
  Official: { plural: 'Officials', colour: '#c0392b', shape: 'diamond' },
  Person: { plural: 'People', colour: '#e67e22', shape: 'ellipse' },
  Company: { plural: 'Companies', colour: '#16a085', shape: 'round-rectangle' },
  Organization: { plural: 'Organisations', colour: '#8e44ad', shape: 'hexagon' },
  Outlet: { plural: 'Outlets', colour: '#7f8c8d', shape: 'vee' },
  Place: { plural: 'Places', colour: '#b8860b', shape: 'triangle' },
  Story: { plural: 'Stories', colour: '#5d6d7e', shape: 'rectangle' },
};
const FALLBACK = { plural: 'Other', colour: '#95a5a6', shape: 'ellipse' };

/** Every type the view knows, in legend order: the entity labels, then stories. */
export const NODE_TYPES: NodeVisual[] = [...ENTITY_LABELS, 'Story'].map((label) => ({ label, ...(NODE_LOOK[label] ?? FALLBACK) }));

export function nodeVisual(label: string): NodeVisual {
  return NODE_TYPES.find((t) => t.label === label) ?? { label, ...FALLBACK };
}

/** The type of a node from its labels: the first one the model knows, ignoring the generic `Entity`. */
export function nodeType(labels: readonly string[]): string {
  return labels.find((l) => NODE_LOOK[l]) ?? labels.find((l) => l !== 'Entity') ?? 'Other';
}

const RELATION_COLOURS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b', '#e377c2', '#17becf', '#bcbd22', '#393b79', '#637939', '#843c39', '#7b4173', '#3182bd'];

export interface RelationVisual {
  type: string;
  phrase: string;
  colour: string;
  /** Facts carry evidence; document relations (MENTIONS, PUBLISHED_BY) do not. */
  fact: boolean;
}

export const RELATION_TYPES: RelationVisual[] = [
  ...RELATIONS.map((r, i) => ({ type: r.type, phrase: r.phrase, colour: RELATION_COLOURS[i % RELATION_COLOURS.length]!, fact: true })),
  ...DOCUMENT_RELATIONS.filter((t) => t !== 'IN_STORY').map((t) => ({ type: t, phrase: t === 'MENTIONS' ? 'mentions' : 'is published by', colour: '#b3b6b7', fact: false })),
];

export function relationVisual(type: string): RelationVisual {
  return RELATION_TYPES.find((r) => r.type === type) ?? { type, phrase: type.toLowerCase().replace(/_/g, ' '), colour: '#999', fact: false };
}

export function isFact(type: string): boolean {
  return relationSpec(type) !== undefined;
}

/** "245 bn", "1.2 m": compact numbers for edge labels. */
export function compactNumber(n: number): string {
  const abs = Math.abs(n);
  const fmt = (v: number) => (Math.round(v * 10) / 10).toString();
  if (abs >= 1e12) return `${fmt(n / 1e12)} tn`;
  if (abs >= 1e9) return `${fmt(n / 1e9)} bn`;
  if (abs >= 1e6) return `${fmt(n / 1e6)} m`;
  if (abs >= 1e4) return `${fmt(n / 1e3)} k`;
  return String(n);
}

/** The edge label: the relation type and the values it carries ("TRADES_WITH 245 bn USD 2024"). */
export function edgeLabel(type: string, props: Record<string, unknown>): string {
  const spec = relationSpec(type);
  if (!spec) return type;
  const parts: string[] = [];
  for (const key of spec.props) {
    const v = props[key];
    if (v === null || v === undefined || v === '') continue;
    if (key === 'percent') parts.push(`${v}%`);
    else if (key === 'value' && typeof v === 'number') parts.push(compactNumber(v));
    else parts.push(String(v));
  }
  return parts.length ? `${type} ${parts.join(' ')}` : type;
}
