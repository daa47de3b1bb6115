/** Writes the API makes itself (analysts' saved queries): a write transaction with timeout and metadata. */
import type { RecordShape, Record as Neo4jRecord } from 'neo4j-driver';
import type { Database } from './connect.js';
import type { ReadOptions } from './read.js';
import { fromNeo4jError } from '../errors.js';

export async function writeQuery<T extends RecordShape = RecordShape>(
  db: Database,
  cypher: string,
  params: Record<string, unknown>,
  options: ReadOptions,
): Promise<Neo4jRecord<T>[]> {
  const session = db.driver.session({ database: db.name, defaultAccessMode: 'WRITE' });
  try {
    return await session.executeWrite(
      async (tx) => (await tx.run<T>(cypher, params)).records,
      { timeout: options.timeoutMs, metadata: { app: 'newsgraph', feature: options.feature } },
    );
  } catch (error) {
    throw fromNeo4jError(error, options.timeoutMs);
  } finally {
    await session.close();
  }
}
