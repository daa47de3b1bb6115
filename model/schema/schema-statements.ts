/**
 * The database schema implied by a model: a uniqueness constraint on `id` per label (and on the
 * generic `:Entity`), a range index per `indexed` property, the full-text index over the searchable
 * labels, and one `key` index per fact type (without it, finding a fact by key — and finalising a
 * load — scans every relationship of that type). cypher/schema.cypher is this text, written by
 * `npm run gen:schema` and checked by tests/unit/model-derived.test.ts.
 */
import { fileURLToPath } from 'node:url';
import type { GraphModel } from './model.js';

/** `SavedQuery` → `saved_query`, `relKey` → `rel_key`, `TRADES_WITH` → `trades_with`. */
export const snakeCase = (name: string): string => name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();

/** The name of the index that finds facts of one type by key. */
export const factKeyIndexName = (type: string): string => `fact_key_${snakeCase(type)}`;

export interface SchemaSection {
  /** Why the statements exist (a `//` comment above them in the file). */
  comment: string;
  statements: string[];
}

export function schemaSections(model: GraphModel): SchemaSection[] {
  const entities = model.labels.filter((l) => l.kind === 'entity');
  const searchable = model.labels.filter((l) => l.searchable);
  const fullText = [...new Set([...(entities.some((l) => l.searchable) ? model.entityProperties.filter((p) => p.fullText).map((p) => p.name) : []), ...searchable.flatMap((l) => l.properties.filter((p) => p.fullText).map((p) => p.name))])];
  return [
    {
      comment: 'One uniqueness constraint on `id` per node label of the model; a full-text index for search.',
      statements: model.labels.map((l) => `CREATE CONSTRAINT ${snakeCase(l.name)}_id IF NOT EXISTS FOR (n:${l.name}) REQUIRE n.id IS UNIQUE;`),
    },
    {
      comment: 'Every entity also carries the :Entity label, so "any entity by id" is one index lookup.',
      statements: ['CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;'],
    },
    {
      comment: 'Properties the model marks `indexed` (Evidence points at the fact it supports by key).',
      statements: model.labels.flatMap((l) =>
        l.properties.filter((p) => p.indexed).map((p) => `CREATE INDEX ${snakeCase(l.name)}_${snakeCase(p.name)} IF NOT EXISTS FOR (n:${l.name}) ON (n.${p.name});`),
      ),
    },
    {
      comment: 'Full-text search over entity names and aliases (aliasText: the aliases joined) and story titles.',
      statements: searchable.length
        ? [`CREATE FULLTEXT INDEX search_names IF NOT EXISTS FOR (n:${searchable.map((l) => l.name).join('|')}) ON EACH [${fullText.map((p) => `n.${p}`).join(', ')}];`]
        : [],
    },
    {
      comment: "A fact by its key (GET /api/facts/:key, a story's facts): one relationship index per fact type.",
      statements: model.relations.map((r) => `CREATE INDEX ${factKeyIndexName(r.type)} IF NOT EXISTS FOR ()-[r:${r.type}]-() ON (r.key);`),
    },
  ];
}

/** Every statement, in order, without the trailing `;`: what applying the schema runs. */
export function schemaStatements(model: GraphModel): string[] {
  return schemaSections(model).flatMap((s) => s.statements.map((st) => st.replace(/;$/, '')));
}

/** The text of cypher/schema.cypher for a model. */
export function schemaCypher(model: GraphModel): string {
  const lines = [
    '// The graph schema, applied idempotently at every start (IF NOT EXISTS).',
    '// GENERATED from model/schema/ by `npm run gen:schema`: edit the model, not this file.',
  ];
  for (const section of schemaSections(model)) {
    if (!section.statements.length) continue;
    lines.push(`// ${section.comment}`, ...section.statements);
  }
  return lines.join('\n') + '\n';
}

/** Where the schema script lives; db/schema.ts applies this file at every start. */
export const SCHEMA_FILE = fileURLToPath(new URL('../../cypher/schema.cypher', import.meta.url));
