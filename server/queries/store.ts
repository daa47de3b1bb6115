/**
 * Analysts' own saved queries, stored in Neo4j as
 * (:SavedQuery {id: 'query:<name>', name, description, cypher, params: <JSON of param specs>, createdAt, updatedAt}).
 * Reads go through read transactions, writes through write transactions; rows are parsed with zod.
 */
import { z } from 'zod';
import { QueryParamSpecSchema, type SavedQueryInput } from '../../model/api.js';
import type { Database } from '../../db/connect.js';
import { readQuery } from '../../db/read.js';
import { writeQuery } from '../../db/write.js';
import { ID_PREFIX } from '../../model/graph-model.js';
import type { ParsedQuery } from './saved.js';

const Row = z.object({
  name: z.string(),
  description: z.string().nullable().transform((v) => v ?? ''),
  cypher: z.string(),
  params: z
    .string()
    .nullable()
    .transform((v) => z.array(QueryParamSpecSchema).parse(v ? JSON.parse(v) : [])),
});

const RETURN_FIELDS = 'q.name AS name, q.description AS description, q.cypher AS cypher, q.params AS params';
const idOf = (name: string) => `${ID_PREFIX.SavedQuery}:${name}`;
const OPTIONS = (feature: string) => ({ timeoutMs: 10_000, feature });

export async function listStoredQueries(db: Database): Promise<ParsedQuery[]> {
  const records = await readQuery(db, `MATCH (q:SavedQuery) RETURN ${RETURN_FIELDS} ORDER BY q.name`, {}, OPTIONS('queries.list'));
  return records.map((r) => Row.parse(r.toObject()));
}

export async function getStoredQuery(db: Database, name: string): Promise<ParsedQuery | undefined> {
  const [record] = await readQuery(db, `MATCH (q:SavedQuery {id: $id}) RETURN ${RETURN_FIELDS}`, { id: idOf(name) }, OPTIONS('queries.get'));
  return record ? Row.parse(record.toObject()) : undefined;
}

/** Creates the query; false when one of that name exists already. */
export async function createStoredQuery(db: Database, input: Required<SavedQueryInput>): Promise<boolean> {
  const [record] = await writeQuery(
    db,
    `MERGE (q:SavedQuery {id: $id})
     ON CREATE SET q.name = $name, q.description = $description, q.cypher = $cypher, q.params = $params,
                   q.createdAt = datetime(), q.updatedAt = datetime(), q.created = true
     WITH q, coalesce(q.created, false) AS created
     REMOVE q.created
     RETURN created`,
    { id: idOf(input.name), name: input.name, description: input.description, cypher: input.cypher, params: JSON.stringify(input.params) },
    OPTIONS('queries.create'),
  );
  return record?.get('created') === true;
}

/** Replaces the query; false when there is none of that name. */
export async function updateStoredQuery(db: Database, input: Required<SavedQueryInput>): Promise<boolean> {
  const records = await writeQuery(
    db,
    `MATCH (q:SavedQuery {id: $id})
     SET q.description = $description, q.cypher = $cypher, q.params = $params, q.updatedAt = datetime()
     RETURN q.id AS id`,
    { id: idOf(input.name), description: input.description, cypher: input.cypher, params: JSON.stringify(input.params) },
    OPTIONS('queries.update'),
  );
  return records.length > 0;
}

export async function deleteStoredQuery(db: Database, name: string): Promise<boolean> {
  const records = await writeQuery(db, 'MATCH (q:SavedQuery {id: $id}) DELETE q RETURN count(*) AS deleted', { id: idOf(name) }, OPTIONS('queries.delete'));
  return Number(records[0]?.get('deleted') ?? 0) > 0;
}
