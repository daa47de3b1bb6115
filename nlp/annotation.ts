/**
 * What newsgraph keeps of a CoreNLP annotation: per sentence, the tokens (character offsets into the
 * annotated text, part of speech, lemma, NER tag) and the enhanced++ dependency arcs. The server's JSON
 * is parsed with zod at the boundary (`fromCoreNlpJson`), and the same compact shape is what the cache
 * stores (`AnnotationSchema`), so a truncated or foreign cache file fails the parse instead of the extractor.
 */
import { z } from 'zod';

export const NlpTokenSchema = z.object({
  /** [begin, end): UTF-16 offsets into the annotated text, the same units as JavaScript string indices. */
  begin: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  word: z.string(),
  pos: z.string(),
  lemma: z.string(),
  ner: z.string(),
});

/** A dependency arc inside one sentence: [relation, head index, dependent index]; head -1 is the root. */
export const NlpArcSchema = z.tuple([z.string(), z.number().int().min(-1), z.number().int().nonnegative()]);

export const NlpSentenceSchema = z.object({
  tokens: z.array(NlpTokenSchema),
  arcs: z.array(NlpArcSchema),
});

export const AnnotationSchema = z.object({ sentences: z.array(NlpSentenceSchema) });

export type NlpToken = z.infer<typeof NlpTokenSchema>;
export type NlpArc = z.infer<typeof NlpArcSchema>;
export type NlpSentence = z.infer<typeof NlpSentenceSchema>;
export type Annotation = z.infer<typeof AnnotationSchema>;

/** The parts of CoreNLP's JSON output we read (outputFormat=json); anything else in it is ignored. */
const CoreNlpJsonSchema = z.object({
  sentences: z.array(
    z.object({
      tokens: z.array(
        z.object({
          index: z.number().int().positive(),
          word: z.string(),
          characterOffsetBegin: z.number().int().nonnegative(),
          characterOffsetEnd: z.number().int().nonnegative(),
          pos: z.string().default(''),
          lemma: z.string().default(''),
          ner: z.string().default('O'),
        }),
      ),
      enhancedPlusPlusDependencies: z
        .array(z.object({ dep: z.string(), governor: z.number().int().nonnegative(), dependent: z.number().int().positive() }))
        .default([]),
    }),
  ),
});

/** CoreNLP's JSON (1-based token indices, 0 = root) → the compact 0-based annotation. */
export function fromCoreNlpJson(json: unknown): Annotation {
  const parsed = CoreNlpJsonSchema.parse(json);
  return {
    sentences: parsed.sentences.map((s) => ({
      tokens: s.tokens.map((t) => ({ begin: t.characterOffsetBegin, end: t.characterOffsetEnd, word: t.word, pos: t.pos, lemma: t.lemma, ner: t.ner })),
      arcs: s.enhancedPlusPlusDependencies.map((d): NlpArc => [d.dep, d.governor - 1, d.dependent - 1]),
    })),
  };
}
