/**
 * relation-patterns.json parsed against the graph model: a pattern whose type is not a relation type
 * of the model, whose endpoint label is not an entity label, or whose value finders produce a property
 * the type does not declare, fails the load with the file name and the entry. The model is a parameter,
 * so a test (or a new relation type) can check patterns against a modified copy.
 */
import { z } from 'zod';
import { MODEL, type GraphModel } from '../../../model/schema/model.js';
import { checkValueFinders, modelRefs } from './model-refs.js';
import { parseData } from './read.js';

/** The value finders a pattern may ask for, and the fact properties each one fills. */
export const VALUE_FINDERS = {
  money: ['value', 'currency'],
  year: ['year'],
  percent: ['percent'],
  item: ['item'],
  asset: ['asset'],
} as const satisfies Record<string, readonly string[]>;
export type ValueFinder = keyof typeof VALUE_FINDERS;

const words = z.array(z.string().min(1));

function patternSchema(model: GraphModel) {
  const { label, type } = modelRefs(model);
  return z.strictObject({
    type,
    mode: z.enum(['active', 'passive', 'pair']),
    triggers: words.min(1),
    from: z.array(label).min(1),
    to: z.array(label).min(1),
    window: z.number().int().positive(),
    blockers: words.optional(),
    props: z.array(z.enum(Object.keys(VALUE_FINDERS) as [ValueFinder, ...ValueFinder[]])),
    demonyms: z.union([z.boolean(), z.literal('from'), z.literal('to')]),
    confidence: z.number().gt(0).max(1),
    defaultTarget: z.string().min(1).optional(),
    bilateral: words.optional(),
    modalBlockers: words.optional(),
    notFollowedBy: words.optional(),
  });
}
export type Pattern = z.output<ReturnType<typeof patternSchema>>;

/** Parse a pattern file's JSON; throws naming the file and the entry on any mismatch with the model. */
export function parsePatternFile(raw: unknown, fileName: string, model: GraphModel = MODEL): Pattern[] {
  const schema = z
    .object({ $comment: z.string().optional(), patterns: z.array(patternSchema(model)) })
    .strict()
    .superRefine((file, ctx) => checkValueFinders(model, file.patterns, VALUE_FINDERS, ctx));
  return parseData(schema, raw, fileName).patterns;
}
