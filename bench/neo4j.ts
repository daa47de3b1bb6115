/** A throwaway bundled Neo4j for one benchmark run: temporary store, free port, stopped at the end. */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, startBundledNeo4j } from '../db/bundled-neo4j.js';
import { createDriver, type Database } from '../db/connect.js';
import { applySchema } from '../db/schema.js';

export async function benchDatabase(): Promise<Database> {
  const store = mkdtempSync(path.join(os.tmpdir(), 'newsgraph-bench-'));
  const neo4j = await startBundledNeo4j({ dataDir: store, boltPort: await freePort(), heap: '2g', pageCache: '4g', log: () => {} });
  const driver = createDriver(neo4j.uri, neo4j.user, neo4j.password);
  const db: Database = {
    driver,
    name: undefined,
    uri: neo4j.uri,
    async close() {
      await driver.close();
      await neo4j.stop();
      rmSync(store, { recursive: true, force: true });
    },
  };
  await applySchema(db);
  return db;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
