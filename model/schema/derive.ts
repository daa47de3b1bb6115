/**
 * What follows from a model value: its label and type lists, lookups, and the claim properties of
 * Evidence (the zod validators are in validators.ts, so the client needs no zod). Functions of the model (not of MODEL) so a test can
 * derive them from a copy with one more entry.
 */
import type { LabelSpec } from './labels.js';
import type { GraphModel } from './model.js';
import type { PropertySpec } from './property.js';
import type { DocumentRelationSpec, FactRelationSpec } from './relations.js';

/** The entity label names of a model, as a literal union when the model is a literal. */
export type EntityLabelOf<M extends GraphModel> = Extract<M['labels'][number], { kind: 'entity' }>['name'];
/** The fact relation types of a model, as a literal union when the model is a literal. */
export type FactTypeOf<M extends GraphModel> = M['relations'][number]['type'];
export type NodeLabelOf<M extends GraphModel> = M['labels'][number]['name'];
export type DocumentRelationOf<M extends GraphModel> = M['documentRelations'][number]['type'];

export function entityLabels<M extends GraphModel>(model: M): EntityLabelOf<M>[] {
  return model.labels.filter((l) => l.kind === 'entity').map((l) => l.name as EntityLabelOf<M>);
}

export function nodeLabels<M extends GraphModel>(model: M): NodeLabelOf<M>[] {
  return model.labels.map((l) => l.name as NodeLabelOf<M>);
}

export function factTypes<M extends GraphModel>(model: M): FactTypeOf<M>[] {
  return model.relations.map((r) => r.type as FactTypeOf<M>);
}

export function documentRelationTypes<M extends GraphModel>(model: M): DocumentRelationOf<M>[] {
  return model.documentRelations.map((r) => r.type as DocumentRelationOf<M>);
}

export function findLabel(model: GraphModel, name: string): LabelSpec | undefined {
  return model.labels.find((l) => l.name === name);
}

export function findRelation(model: GraphModel, type: string): FactRelationSpec | undefined {
  return model.relations.find((r) => r.type === type);
}

export function findDocumentRelation(model: GraphModel, type: string): DocumentRelationSpec | undefined {
  return model.documentRelations.find((r) => r.type === type);
}

/** The name an Evidence node stores a stated value of a fact property under. */
export const claimProperty = (name: string): string => `claim_${name}`;

/**
 * The properties Evidence stores its claim's values in: `claim_<name>` for each property any fact
 * type has, with that property's type (the first declaration's, when types share a name).
 */
export function claimProperties(model: GraphModel): PropertySpec[] {
  const byName = new Map<string, PropertySpec & { of: string[] }>();
  for (const r of model.relations) {
    for (const p of r.properties) {
      const seen = byName.get(p.name);
      if (seen) seen.of.push(r.type);
      else byName.set(p.name, { ...p, of: [r.type] });
    }
  }
  return [...byName.values()].map((p) => ({
    name: claimProperty(p.name),
    type: p.type,
    optional: true,
    doc: `The \`${p.name}\` this quote states (${p.of.join(', ')}).`,
  }));
}

/** Does every relation type declare each property with one type? (Evidence stores them under one name.) */
export function conflictingClaimTypes(model: GraphModel): string[] {
  const types = new Map<string, Set<string>>();
  for (const r of model.relations) for (const p of r.properties) (types.get(p.name) ?? types.set(p.name, new Set()).get(p.name)!).add(p.type);
  return [...types].filter(([, t]) => t.size > 1).map(([name]) => name);
}
