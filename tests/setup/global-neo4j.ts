/**
 * Vitest global setup: one real Neo4j for the whole test run, never the development database.
 * - NEO4J_TEST_URI set: use that server (its data will be wiped by tests: give it a throwaway one).
 * - otherwise: start the bundled Neo4j on a free port with a temporary store, and stop it afterwards.
 * The Bolt URI reaches the tests through `inject('neo4jUri')`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort, startBundledNeo4j, type BundledNeo4j } from '../../server/db/bundled-neo4j.js';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string;
  }
}

let bundled: BundledNeo4j | undefined;
let storeDir: string | undefined;

export async function setup(project: TestProject): Promise<void> {
  if (process.env.NEO4J_TEST_URI) {
    project.provide('neo4jUri', process.env.NEO4J_TEST_URI);
    return;
  }
  storeDir = mkdtempSync(path.join(os.tmpdir(), 'newsgraph-test-neo4j-'));
  bundled = await startBundledNeo4j({
    dataDir: storeDir,
    boltPort: await freePort(),
    heap: '1g',
    pageCache: '256m',
    txTimeoutSeconds: 60,
    log: () => {},
  });
  project.provide('neo4jUri', bundled.uri);
}

export async function teardown(): Promise<void> {
  await bundled?.stop();
  if (storeDir) rmSync(storeDir, { recursive: true, force: true });
}
