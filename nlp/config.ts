/**
 * The NLP component's part of the configuration: which extractor runs, where CoreNLP is (or how to
 * start the bundled one). The seeding CLI reads it beside db/config.ts; server/config.ts merges it
 * into the app's one schema. Every variable is documented in the README's configuration table.
 */
import { z } from 'zod';
import { optionalText, parseEnvironment, positiveInt } from '../db/config.js';

/** The extractors a run can choose (`--extractor`, NEWSGRAPH_EXTRACTOR); with `rules` no CoreNLP is started. */
export const EXTRACTOR_NAMES = ['nlp', 'rules'] as const;
export type ExtractorName = (typeof EXTRACTOR_NAMES)[number];

export const NlpConfigSchema = z.object({
  /** Which extractor reads the stories: `nlp` (CoreNLP + rules, the default) or `rules` (rules alone, no CoreNLP). */
  NEWSGRAPH_EXTRACTOR: z.enum(EXTRACTOR_NAMES).default('nlp'),
  /** Base URL of your own CoreNLP server (http:// or https://). Unset: start the bundled one (nlp extractor only). */
  NEWSGRAPH_NLP_URI: optionalText.refine((v) => v === undefined || /^https?:\/\/[^\s/]+/i.test(v), {
    message: 'must be an http:// or https:// URL of a CoreNLP server, such as http://127.0.0.1:9000',
  }),
  /** Port of the bundled CoreNLP server (loopback only). */
  NEWSGRAPH_NLP_PORT: z.coerce.number().int().min(1).max(65535).default(9010),
  /** Heap of the bundled CoreNLP's JVM (its models need about 2 GB). */
  NEWSGRAPH_NLP_HEAP: z.string().regex(/^\d+[kmgKMG]?$/, 'must be a JVM size such as 2g or 3072m').default('2g'),
  /** Annotation requests in flight at once (and the bundled server's threads). */
  NEWSGRAPH_NLP_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(2),
  /** How long one story's annotation may take before the request counts as failed. */
  NEWSGRAPH_NLP_TIMEOUT_MS: positiveInt(120_000),
});

export type NlpConfig = z.infer<typeof NlpConfigSchema>;

/** The NLP settings alone (the seeding CLI, benchmarks). */
export function loadNlpConfig(env: NodeJS.ProcessEnv = process.env): NlpConfig {
  return parseEnvironment(NlpConfigSchema, env);
}
