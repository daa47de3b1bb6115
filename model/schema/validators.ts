/**
 * The zod validators a model implies: enums of its labels and fact types, and strict schemas of
 * each label's and relation type's properties. Functions of the model value, so a test can derive
 * them from a copy with one more entry.
 */
import { z } from 'zod';
import { entityLabels, factTypes, findLabel, findRelation, type EntityLabelOf, type FactTypeOf } from './derive.js';
import type { GraphModel } from './model.js';
import type { PropertySpec, PropertyType } from './property.js';

/** The zod validator of one value of the given type, as it arrives from a file or an extractor. */
export function valueSchema(type: PropertyType): z.ZodType {
  switch (type) {
    case 'string':
      return z.string();
    case 'integer':
      return z.number().int();
    case 'float':
      return z.number().finite();
    case 'boolean':
      return z.boolean();
    case 'date':
      return z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected an ISO date YYYY-MM-DD');
    case 'datetime':
      return z.iso.datetime();
    case 'string[]':
      return z.array(z.string());
  }
}

/**
 * A strict zod object of the given properties: an unknown property or a value of the wrong type is
 * refused, naming the property. Every property may be left out or null (null means "not stated").
 */
export function propertiesSchema(properties: readonly PropertySpec[]): z.ZodObject {
  const shape: Record<string, z.ZodType> = {};
  for (const p of properties) shape[p.name] = valueSchema(p.type).nullable().optional();
  return z.strictObject(shape);
}

/** The zod enum of a model's fact types: a value that is not one fails, naming the allowed ones. */
export function factTypeSchema<M extends GraphModel>(model: M): z.ZodEnum<{ [K in FactTypeOf<M>]: K }> {
  return z.enum(factTypes(model) as [FactTypeOf<M>, ...FactTypeOf<M>[]]) as unknown as z.ZodEnum<{ [K in FactTypeOf<M>]: K }>;
}

/** The zod enum of a model's entity labels. */
export function entityLabelSchema<M extends GraphModel>(model: M): z.ZodEnum<{ [K in EntityLabelOf<M>]: K }> {
  return z.enum(entityLabels(model) as [EntityLabelOf<M>, ...EntityLabelOf<M>[]]) as unknown as z.ZodEnum<{ [K in EntityLabelOf<M>]: K }>;
}

/**
 * The strict zod schema of a fact's own properties (its `props`): in a relation pattern, a catalogue
 * entry or an extractor's output, an unknown property or a value of the wrong type is refused with
 * the property's name. Throws when the model has no such relation type.
 */
export function relationPropsSchema(model: GraphModel, type: string): z.ZodObject {
  const spec = findRelation(model, type);
  if (!spec) throw new Error(`unknown relation type "${type}" (the model has ${factTypes(model).join(', ')})`);
  return propertiesSchema(spec.properties);
}

/**
 * The strict zod schema of an entity's label-specific properties (its `props`, as the extractor and
 * the catalogue files set them). Throws when the model has no such entity label.
 */
export function entityPropsSchema(model: GraphModel, label: string): z.ZodObject {
  const spec = findLabel(model, label);
  if (!spec || spec.kind !== 'entity') throw new Error(`unknown entity label "${label}" (the model has ${entityLabels(model).join(', ')})`);
  return propertiesSchema(spec.properties);
}

