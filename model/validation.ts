/**
 * The zod validators of this application's model (model/schema/), for every boundary that reads
 * labels, relation types or their properties from outside: pattern and catalogue files, uploads.
 * Each is the model-bound form of a function in model/schema/validators.ts that takes any model.
 */
import { z } from 'zod';
import { MODEL, type GraphModel } from './schema/model.js';
import * as of from './schema/validators.js';

/** zod enum of the entity labels (`Country`, `Company`, …). */
export const EntityLabelSchema = of.entityLabelSchema(MODEL);
/** zod enum of the relation types: an unknown type fails, listing the known ones; parses to a FactType. */
export const FactTypeSchema = of.factTypeSchema(MODEL);

/**
 * The strict zod schema of one relation type's properties (a fact's `props`), for validating
 * relation patterns and catalogue files at load: an unknown property or a wrong value type fails
 * naming the property. Throws for a type the model does not have. `model` defaults to this
 * application's; a test passes a copy.
 */
export function relationPropsSchema(type: string, model: GraphModel = MODEL): z.ZodObject {
  return of.relationPropsSchema(model, type);
}

/** The strict zod schema of one entity label's own properties (an entity's `props`); throws for an unknown label. */
export function entityPropsSchema(label: string, model: GraphModel = MODEL): z.ZodObject {
  return of.entityPropsSchema(model, label);
}
