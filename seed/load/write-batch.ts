/**
 * Writes one batch of stories with everything extracted from them in ONE write transaction:
 * either the whole batch lands or none of it does, so no story is ever half-written.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import type { Database } from '../../server/db/connect.js';
import type { Extraction, Story } from '../../model/types.js';
import { buildRows } from './rows.js';
import { MERGE_ENTITIES, MERGE_EVIDENCE, MERGE_FACTS, MERGE_MENTIONS, MERGE_PUBLISHED_BY, MERGE_STORIES } from './statements.js';

export interface BatchCounts {
  stories: number;
  facts: number;
  evidence: number;
}

async function run(tx: ManagedTransaction, cypher: string, rows: unknown[]): Promise<void> {
  if (rows.length > 0) await tx.run(cypher, { rows });
}

export async function writeBatch(db: Database, stories: Story[], extractions: Extraction[]): Promise<BatchCounts> {
  const rows = buildRows(stories, extractions);
  const session = db.driver.session({ database: db.name, defaultAccessMode: 'WRITE' });
  try {
    await session.executeWrite(
      async (tx) => {
        await run(tx, MERGE_STORIES, rows.stories);
        for (const [label, entityRows] of rows.entitiesByLabel) await run(tx, MERGE_ENTITIES.get(label)!, entityRows);
        await run(tx, MERGE_PUBLISHED_BY, rows.publishedBy);
        await run(tx, MERGE_MENTIONS, rows.mentions);
        await run(tx, MERGE_EVIDENCE, rows.evidence);
        for (const [type, factRows] of rows.factsByType) await run(tx, MERGE_FACTS.get(type)!, factRows);
      },
      { metadata: { app: 'newsgraph', feature: 'seed' }, timeout: 120_000 },
    );
  } finally {
    await session.close();
  }
  let facts = 0;
  for (const factRows of rows.factsByType.values()) facts += factRows.length;
  return { stories: rows.stories.length, facts, evidence: rows.evidence.length };
}
