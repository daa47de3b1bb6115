/** Deletes the seeded graph (entities, stories, evidence); analysts' saved queries stay. */
import type { Database } from '../../db/connect.js';
import { writeAutoCommit } from '../../db/write.js';
import { RESET_GRAPH } from './statements.js';

export async function resetGraph(db: Database): Promise<void> {
  // CALL … IN TRANSACTIONS needs an implicit (auto-commit) transaction.
  await writeAutoCommit(db, RESET_GRAPH);
}
