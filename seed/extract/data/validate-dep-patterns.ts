/**
 * dependency-patterns.json parsed against the graph model, as relation-patterns.json is
 * (validate-patterns.ts): a pattern whose type is not a relation type of the model, whose end label is
 * not an entity label, whose value finders fill a property the type does not declare, or whose slot
 * path is malformed fails the load with the file name and the entry. The model is a parameter, so a test
 * can check patterns against a modified copy.
 */
import { z } from 'zod';
import { entityLabels } from '../../../model/schema/derive.js';
import { MODEL, type GraphModel } from '../../../model/schema/model.js';
import { checkValueFinders, modelRefs } from './model-refs.js';
import { parseData } from './read.js';

/** The value finders a dependency pattern may ask for, and the fact properties each one fills. */
export const DEP_VALUE_FINDERS = {
  money: ['value', 'currency'],
  year: ['year'],
  percent: ['percent'],
  item: ['item'],
  asset: ['asset'],
  aid: ['aid'],
} as const satisfies Record<string, readonly string[]>;
export type DepValueFinder = keyof typeof DEP_VALUE_FINDERS;

const words = z.array(z.string().min(1));
/** A slot path: steps joined by '/', each step relations joined by '|', a relation optionally prefixed by '^' (up to the head). */
const STEP = /^\^?[a-z]+(:[a-z*]+)?(\|\^?[a-z]+(:[a-z*]+)?)*$/;
const path = z.string().refine((p) => p.split('/').every((s) => STEP.test(s)), { error: (iss) => `malformed slot path "${String(iss.input)}"` });
const condition = z.strictObject({ path, lemmas: words.min(1) });

function patternSchema(model: GraphModel) {
  const { label, type } = modelRefs(model);
  return z.strictObject({
    type,
    comment: z.string().min(1),
    triggers: words.min(1),
    pos: z.enum(['verb', 'noun', 'adj', 'any']),
    from: z.array(path).min(1),
    to: z.array(path).min(1),
    requires: z.array(condition),
    requiresFor: z.record(z.string(), z.array(condition)).optional(),
    unless: z.array(condition).optional(),
    particle: z.record(z.string(), z.string()).optional(),
    fromLabels: z.array(label).min(1),
    toLabels: z.array(label).min(1),
    props: z.array(z.enum(Object.keys(DEP_VALUE_FINDERS) as [DepValueFinder, ...DepValueFinder[]])),
    confidence: z.number().gt(0).max(1),
    allowHedged: z.boolean(),
    elliptical: z.boolean().optional(),
    /** The entity the fact points at when no target is stated (`place:world`). */
    defaultTarget: z.literal('place:world').optional(),
  });
}
export type DepPattern = z.output<ReturnType<typeof patternSchema>>;

const wordsSchema = z.strictObject({
  negators: words,
  deniers: words,
  hedges: words,
  wholly: words,
  percentNouns: words,
  partNouns: words,
  actorNouns: words,
  itemContainers: words,
  numberWords: z.record(z.string(), z.number()),
  placeNouns: words,
  locativeCases: words,
  countryHeads: words,
  remainderNouns: words,
  pronouns: z.record(z.string(), z.array(z.string())),
  referenceNouns: z.record(z.string(), words),
  determiners: words,
});
export type DepWords = z.output<typeof wordsSchema>;

export interface DepPatternFile {
  /** Relation types whose rule triggers (relation-patterns.json) the NLP pipeline leaves to these patterns. */
  replacesRules: string[];
  words: DepWords;
  patterns: DepPattern[];
}

/** Parse the file's JSON; throws naming the file and the entry on any mismatch with the model. */
export function parseDepPatternFile(raw: unknown, fileName: string, model: GraphModel = MODEL): DepPatternFile {
  const schema = z
    .strictObject({ $comment: z.string().optional(), replacesRules: z.array(z.string()), words: wordsSchema, patterns: z.array(patternSchema(model)) })
    .superRefine((file, ctx) => {
      const labels: readonly string[] = entityLabels(model);
      for (const [word, ls] of Object.entries(file.words.pronouns)) {
        for (const l of ls) if (!labels.includes(l)) ctx.addIssue({ code: 'custom', path: ['words', 'pronouns', word], message: `unknown entity label "${l}"` });
      }
      for (const l of Object.keys(file.words.referenceNouns)) {
        if (!labels.includes(l)) ctx.addIssue({ code: 'custom', path: ['words', 'referenceNouns', l], message: `unknown entity label "${l}"` });
      }
      for (const t of file.replacesRules) {
        if (!file.patterns.some((p) => p.type === t)) ctx.addIssue({ code: 'custom', path: ['replacesRules'], message: `"${t}" has no dependency pattern to replace the rules with` });
      }
      checkValueFinders(model, file.patterns, DEP_VALUE_FINDERS, ctx);
      file.patterns.forEach((p, i) => {
        for (const k of Object.keys(p.requiresFor ?? {})) {
          if (!p.triggers.includes(k)) ctx.addIssue({ code: 'custom', path: ['patterns', i, 'requiresFor', k], message: `"${k}" is not a trigger of the pattern` });
        }
        for (const k of Object.keys(p.particle ?? {})) {
          if (!p.triggers.includes(k)) ctx.addIssue({ code: 'custom', path: ['patterns', i, 'particle', k], message: `"${k}" is not a trigger of the pattern` });
        }
      });
    });
  return parseData(schema, raw, fileName);
}
