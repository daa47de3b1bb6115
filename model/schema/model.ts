/**
 * The graph model as one value: labels, fact relation types and document relation types. Everything
 * else (the zod enums, the schema's constraints and indexes, the loader's statements, the UI's
 * styles and legend, docs/graph-shape.md) is derived from a value of this shape, so a copy with one
 * more entry derives one more of each.
 */
import { ENTITY_PROPERTIES, LABELS, type LabelSpec } from './labels.js';
import type { PropertySpec } from './property.js';
import { DOCUMENT_RELATION_SPECS, FACT_PROPERTIES, FACT_RELATIONS, type DocumentRelationSpec, type FactRelationSpec } from './relations.js';

export interface GraphModel {
  /** What every entity carries besides `id`, whatever its label. */
  readonly entityProperties: readonly PropertySpec[];
  /** What every fact carries besides its type's own properties (computed from its evidence). */
  readonly factProperties: readonly PropertySpec[];
  readonly labels: readonly LabelSpec[];
  readonly relations: readonly FactRelationSpec[];
  readonly documentRelations: readonly DocumentRelationSpec[];
}

/** The model of this application. Adding a relation type is one entry in FACT_RELATIONS (plus its patterns). */
export const MODEL = {
  entityProperties: ENTITY_PROPERTIES,
  factProperties: FACT_PROPERTIES,
  labels: LABELS,
  relations: FACT_RELATIONS,
  documentRelations: DOCUMENT_RELATION_SPECS,
} as const satisfies GraphModel;

export type Model = typeof MODEL;
