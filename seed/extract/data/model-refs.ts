/**
 * What both pattern files (relation-patterns.json, dependency-patterns.json) check against the graph
 * model: a relation type and an entity label must exist in it, and a value finder may only fill
 * properties the pattern's type declares. The model is a parameter, so tests can use a modified copy.
 */
import { z } from 'zod';
import { entityLabels, factTypes, findRelation } from '../../../model/schema/derive.js';
import type { GraphModel } from '../../../model/schema/model.js';

/** zod schemas for a relation type and an entity label of `model`. */
export function modelRefs(model: GraphModel) {
  const labels: readonly string[] = entityLabels(model);
  const types: readonly string[] = factTypes(model);
  return {
    label: z.string().refine((l) => labels.includes(l), { error: (iss) => `unknown entity label "${String(iss.input)}"` }),
    type: z.string().refine((t) => types.includes(t), { error: (iss) => `unknown relation type "${String(iss.input)}" (not in the model)` }),
  };
}

/** Adds an issue for each property a pattern's value finders fill that its type does not declare. */
export function checkValueFinders<F extends string>(
  model: GraphModel,
  patterns: ReadonlyArray<{ type: string; props: readonly F[] }>,
  finders: Readonly<Record<F, readonly string[]>>,
  ctx: z.RefinementCtx,
): void {
  patterns.forEach((p, i) => {
    const spec = findRelation(model, p.type);
    if (!spec) return;
    const allowed = spec.properties.map((prop) => prop.name);
    for (const finder of p.props) {
      for (const prop of finders[finder]) {
        if (!allowed.includes(prop)) ctx.addIssue({ code: 'custom', path: ['patterns', i, 'props'], message: `property "${prop}" (from "${finder}") is not a property of ${p.type} in the model` });
      }
    }
  });
}
