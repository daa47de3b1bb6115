/** Deletes the seeded graph (entities, stories, evidence); analysts' saved queries stay. */
import type { Database } from '../../server/db/connect.js';
import { RESET_GRAPH } from './statements.js';

export async function resetGraph(db: Database): Promise<void> {
  // CALL … IN TRANSACTIONS needs an implicit (auto-commit) transaction, hence session.run.
  const session = db.driver.session({ database: db.name });
  try {
    for (const statement of RESET_GRAPH) await session.run(statement);
  } finally {
    await session.close();
  }
}
