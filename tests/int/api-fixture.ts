/**
 * The data the API integration tests run on: the real sample corpus (seed/data, 31 stories),
 * parsed, extracted and loaded by the seeding pipeline into the test Neo4j. `seedSample` is the
 * one place to change if the tests ever need another data set.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import type { Express } from 'express';
import { expect } from 'vitest';
import { applySchema } from '../../db/schema.js';
import type { Database } from '../../db/connect.js';
import { seedCorpus } from '../../seed/pipeline.js';

/** Where the graph counts right after the last seeding are kept, per test server. */
const markerFile = (db: Database) => path.join(os.tmpdir(), `newsgraph-api-seed-${createHash('sha256').update(db.uri).digest('hex').slice(0, 12)}.json`);

/**
 * Seeds the sample unless the database still holds exactly what the last seeding left (same node
 * and relationship counts, no saved queries): seeding takes tens of seconds, and test files run
 * one after another on the same server.
 */
export async function seedSample(db: Database, options: { force?: boolean } = {}): Promise<void> {
  const marker = markerFile(db);
  if (!options.force && existsSync(marker)) {
    const now = await fingerprint(db);
    if (JSON.stringify(now) === readFileSync(marker, 'utf8')) return;
  }
  await applySchema(db);
  await seedCorpus(db, { reset: true });
  writeFileSync(marker, JSON.stringify(await fingerprint(db)));
}

/** Forget the last seeding (after a test changed the data). */
export function forgetSeeding(db: Database): void {
  rmSync(markerFile(db), { force: true });
}

async function fingerprint(db: Database): Promise<unknown> {
  const { records } = await db.driver.executeQuery(
    `CALL { MATCH (n) RETURN count(n) AS nodes } CALL { MATCH ()-[r]->() RETURN count(r) AS relationships }
     CALL { MATCH (s:Story) RETURN count(s) AS stories } CALL { MATCH (q:SavedQuery) RETURN count(q) AS saved }
     CALL { MATCH (ev:Evidence) RETURN count(ev) AS evidence }
     RETURN nodes, relationships, stories, saved, evidence`,
    {},
    { database: db.name },
  );
  return records[0]!.toObject();
}

/** Deletes every node and relationship (saved queries included): for tests that need an empty store. */
export async function wipe(db: Database): Promise<void> {
  const session = db.driver.session({ database: db.name });
  try {
    await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS');
  } finally {
    await session.close();
  }
}

export async function counts(db: Database): Promise<{ nodes: number; relationships: number }> {
  const { records } = await db.driver.executeQuery(
    'CALL { MATCH (n) RETURN count(n) AS nodes } CALL { MATCH ()-[r]->() RETURN count(r) AS relationships } RETURN nodes, relationships',
    {},
    { database: db.name },
  );
  return { nodes: Number(records[0]!.get('nodes')), relationships: Number(records[0]!.get('relationships')) };
}

/** The id of the first entity the search finds for `q` with `type`. */
export async function entityId(app: Express, q: string, type: string): Promise<string> {
  const res = await request(app).get('/api/search').query({ q, types: type, limit: 1 }).expect(200);
  expect(res.body.hits.length, `search ${type} "${q}"`).toBeGreaterThan(0);
  return res.body.hits[0].id as string;
}
