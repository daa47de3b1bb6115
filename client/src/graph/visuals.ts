/**
 * How each node type and relation type draws, derived from the model (model/schema/): every label
 * and relation type that can appear on the canvas, with the colour, shape and phrase declared
 * there. The legend, the stylesheet and the filters all read these lists; each is a function of a
 * model value so a model with one more entry draws one more type.
 */
import { MODEL, type GraphModel } from '../../../model/graph-model.js';
import { findRelation } from '../../../model/schema/derive.js';

export interface NodeVisual {
  /** Neo4j label. */
  label: string;
  /** Plural for the legend: "Countries". */
  plural: string;
  colour: string;
  shape: string;
}

export interface RelationVisual {
  type: string;
  phrase: string;
  colour: string;
  /** Facts carry evidence; document relations (MENTIONS, PUBLISHED_BY) do not. */
  fact: boolean;
}

/** Every node type a model draws, in legend order: the entity labels, then the documents (stories, evidence). */
export function nodeVisuals(model: GraphModel): NodeVisual[] {
  return model.labels.filter((l) => l.onCanvas).map((l) => ({ label: l.name, plural: l.plural, colour: l.colour, shape: l.shape }));
}

/** Every relation type a model draws, in legend order: the fact types, then the document relations. */
export function relationVisuals(model: GraphModel): RelationVisual[] {
  return [
    ...model.relations.map((r) => ({ type: r.type, phrase: r.phrase, colour: r.colour, fact: true })),
    ...model.documentRelations.filter((r) => r.onCanvas).map((r) => ({ type: r.type, phrase: r.phrase, colour: r.colour, fact: false })),
  ];
}

/** What the legend lists: every node type and relation type of the model that can be drawn. */
export function legendEntries(model: GraphModel): { types: NodeVisual[]; relations: RelationVisual[] } {
  return { types: nodeVisuals(model), relations: relationVisuals(model) };
}

export const NODE_TYPES: NodeVisual[] = nodeVisuals(MODEL);
export const RELATION_TYPES: RelationVisual[] = relationVisuals(MODEL);

const FALLBACK = { plural: 'Other', colour: '#95a5a6', shape: 'ellipse' };
const nodeByLabel = new Map(NODE_TYPES.map((t) => [t.label, t]));
const relationByType = new Map(RELATION_TYPES.map((r) => [r.type, r]));

export function nodeVisual(label: string): NodeVisual {
  return nodeByLabel.get(label) ?? { label, ...FALLBACK };
}

/** The type of a node from its labels: the first one the model draws, ignoring the generic `Entity`. */
export function nodeType(labels: readonly string[]): string {
  return labels.find((l) => nodeByLabel.has(l)) ?? labels.find((l) => l !== 'Entity') ?? 'Other';
}

export function relationVisual(type: string): RelationVisual {
  return relationByType.get(type) ?? { type, phrase: type.toLowerCase().replace(/_/g, ' '), colour: '#999', fact: false };
}

export function isFact(type: string, model: GraphModel = MODEL): boolean {
  return findRelation(model, type) !== undefined;
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

/**
 * The edge label: the relation type and the values it carries ("TRADES_WITH 245 bn USD 2024"), each
 * shown as its property declares (`percent`: 60%, `compact`: 245 bn).
 */
export function edgeLabel(type: string, props: Record<string, unknown>, model: GraphModel = MODEL): string {
  const spec = findRelation(model, type);
  if (!spec) return type;
  const parts: string[] = [];
  for (const p of spec.properties) {
    const v = props[p.name];
    if (v === null || v === undefined || v === '') continue;
    if (p.display === 'percent') parts.push(`${v}%`);
    else if (p.display === 'compact' && typeof v === 'number') parts.push(compactNumber(v));
    else parts.push(String(v));
  }
  return parts.length ? `${type} ${parts.join(' ')}` : type;
}
