/**
 * The database's part of the configuration: where Neo4j is (or how to start the bundled one) and
 * where the bundled one keeps its store. The seeding CLI reads only this; server/config.ts extends
 * it with the API's own settings, so the app still parses its whole environment with one schema.
 * Every variable is documented in the README's configuration table.
 */
import { z } from 'zod';

export const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);
/** Unset, empty and whitespace-only all mean "not set". */
export const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v));

export const DbConfigSchema = z.object({
  /** External Neo4j (bolt://, neo4j://, neo4j+s://…). Unset: start the bundled Neo4j. */
  NEO4J_URI: optionalText,
  NEO4J_USER: z.string().default('neo4j'),
  NEO4J_PASSWORD: z.string().default(''),
  /** Database name; unset means the server's default database. */
  NEO4J_DATABASE: optionalText,
  /** Bolt port of the bundled Neo4j. */
  NEO4J_BOLT_PORT: positiveInt(7687),
  /** Heap of the bundled Neo4j's JVM. */
  NEO4J_HEAP: z.string().default('1g'),
  /** Page cache of the bundled Neo4j. */
  NEO4J_PAGECACHE: z.string().default('512m'),
  /** Where the bundled Neo4j keeps its store (in `neo4j/` under it). */
  NEWSGRAPH_DATA_DIR: z.string().default('.data'),
});

export type DbConfig = z.infer<typeof DbConfigSchema>;

export class ConfigError extends Error {}

/** Parses the environment with `schema`; throws a ConfigError naming every bad variable. */
export function parseEnvironment<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv): z.output<S> {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`Invalid configuration: ${problems}`);
  }
  return parsed.data;
}

/** The database settings alone (the seeding CLI, benchmarks). */
export function loadDbConfig(env: NodeJS.ProcessEnv = process.env): DbConfig {
  return parseEnvironment(DbConfigSchema, env);
}
