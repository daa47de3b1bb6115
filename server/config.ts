/**
 * Configuration, parsed once from the environment by one zod schema: the database's part
 * (db/config.ts) and the NLP component's (nlp/config.ts) extended with the API's settings. Every variable is documented in the README's
 * configuration table.
 */
import { z } from 'zod';
import { DbConfigSchema, optionalText, parseEnvironment, positiveInt } from '../db/config.js';
import { NlpConfigSchema } from '../nlp/config.js';

/** The database's variables (db/config.ts), the NLP component's (nlp/config.ts) and the API's own, in one schema. */
export const ConfigSchema = DbConfigSchema.extend(NlpConfigSchema.shape).extend({
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  /** Timeout of every read query the API runs for analysts. */
  NEWSGRAPH_QUERY_TIMEOUT_MS: positiveInt(15_000),
  /** Cap on nodes + edges (and table rows) in one response. */
  NEWSGRAPH_MAX_ELEMENTS: positiveInt(2_000),
  /**
   * How long a saved query's result is served from the in-process cache. The app empties the cache
   * when it writes; this bounds staleness after writes made by others (the seeding CLI). 0 disables it.
   */
  NEWSGRAPH_QUERY_CACHE_TTL_MS: z.coerce.number().int().min(0).default(30_000),
  /** Results kept in that cache at most (least recently used dropped first). */
  NEWSGRAPH_QUERY_CACHE_ENTRIES: z.coerce.number().int().min(0).default(100),
  /** When set, write endpoints require `Authorization: Bearer <token>`. */
  NEWSGRAPH_API_TOKEN: optionalText,
  /** Allowed CORS origin(s), comma-separated; unset means no CORS headers at all. */
  NEWSGRAPH_CORS_ORIGIN: optionalText,
  /** Set to 0 to skip seeding the sample corpus into an empty database at start. */
  NEWSGRAPH_SEED_ON_START: z
    .enum(['0', '1', 'true', 'false'])
    .default('1')
    .transform((v) => v === '1' || v === 'true'),
  /**
   * Host names (comma-separated) the app answers to besides loopback names, IP addresses and HOST;
   * `.example.org` also allows its subdomains, `*` turns the Host check off. Guards against DNS rebinding.
   */
  NEWSGRAPH_ALLOWED_HOSTS: optionalText,
  /**
   * Analyst queries (ad-hoc Cypher, saved queries, export by query) running at once; kept below the
   * driver's pool of 50 so other routes always find a connection.
   */
  NEWSGRAPH_ANALYST_CONCURRENCY: z.coerce.number().int().min(1).max(40).default(16),
  /** How long an analyst query waits for a free slot before it is answered 503 `overloaded`. */
  NEWSGRAPH_ANALYST_QUEUE_MS: z.coerce.number().int().min(0).max(60_000).default(2_000),
});

export type Config = z.infer<typeof ConfigSchema>;

/** Parses the environment; throws a ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return parseEnvironment(ConfigSchema, env);
}
