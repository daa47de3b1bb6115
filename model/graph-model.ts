/**
 * The data model's public entry. The model itself is data in model/schema/ (labels.ts,
 * relations.ts, model.ts); this module derives the lists and types the rest of the code reads.
 * Plain data without zod, so the client bundles it cheaply; the zod enums and property validators
 * are in model/validation.ts.
 *
 * Adding a relation type takes one entry in model/schema/relations.ts (phrase, symmetry, colour,
 * typed properties) and its trigger patterns in seed/catalog/relation-patterns.json; then
 * `npm run gen:schema` and `npm run gen:docs` rewrite cypher/schema.cypher (its key index) and the
 * tables of docs/graph-shape.md, and tests/unit/model-derived.test.ts fails until both are current.
 * The loader's statements, the API's type lists and the UI's styles, legend and filters follow
 * from the entry without further edits.
 */
import { documentRelationTypes, entityLabels, factTypes, nodeLabels, type EntityLabelOf, type FactTypeOf, type NodeLabelOf } from './schema/derive.js';
import { MODEL, type Model } from './schema/model.js';
import type { FactRelationSpec } from './schema/relations.js';

export { MODEL, type GraphModel, type Model } from './schema/model.js';
export type { LabelSpec, NodeShape } from './schema/labels.js';
export type { DocumentRelationSpec, FactRelationSpec } from './schema/relations.js';
export type { PropertySpec, PropertyType } from './schema/property.js';

export type EntityLabel = EntityLabelOf<Model>;
export type NodeLabel = NodeLabelOf<Model>;
/** A relation type of the model: a literal union, so a typo'd type does not compile. */
export type FactType = FactTypeOf<Model>;

export const ENTITY_LABELS: readonly EntityLabel[] = entityLabels(MODEL);

/** Every node label, including the document-side ones. Each has a uniqueness constraint on `id`. */
export const NODE_LABELS: readonly NodeLabel[] = nodeLabels(MODEL);

/** The id prefix of each label: `country:CHN`, `company:cosco`, `story:3f9a…`. */
export const ID_PREFIX = Object.fromEntries(MODEL.labels.map((l) => [l.name, l.idPrefix])) as Record<NodeLabel, string>;

/** A fact relation type as the extractor, loader and UI read it: its declaration plus its property names. */
export interface RelationSpec extends FactRelationSpec {
  readonly type: FactType;
  /** Names of the properties the fact may carry besides the bookkeeping ones. */
  readonly props: readonly string[];
}

/** Typed facts between entities. Each carries key, storyCount, outletCount, firstReported, lastReported. */
export const RELATIONS: readonly RelationSpec[] = MODEL.relations.map((r) => ({ ...r, props: r.properties.map((p) => p.name) }));

export const FACT_TYPES: readonly FactType[] = factTypes(MODEL);

/** Document-side relationships. */
export const DOCUMENT_RELATIONS = documentRelationTypes(MODEL);

const relationByType = new Map<string, RelationSpec>(RELATIONS.map((r) => [r.type, r]));

export function relationSpec(type: string): RelationSpec | undefined {
  return relationByType.get(type);
}

/** True when `type` is a relation type of the model (narrows a string read from a file or the API). */
export function isFactType(type: string): type is FactType {
  return relationByType.has(type);
}
