/**
 * Vitest global setup: one real Neo4j for the whole test run, never the development database.
 * - NEO4J_TEST_URI set: use that server (its data will be wiped by tests: give it a throwaway one),
 *   with NEO4J_TEST_USER / NEO4J_TEST_PASSWORD.
 * - otherwise: start the bundled Neo4j on a free port with a temporary store, and stop it afterwards.
 *   Its password is generated into the store's `neo4j-password` file like any bundled store's.
 * The tests get the Bolt URI, the password and (bundled only) the store folder and JVM pid through
 * `inject(…)`; they open databases only through tests/int/helpers.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort, startBundledNeo4j, type BundledNeo4j } from '../../db/bundled-neo4j.js';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string;
    neo4jUser: string;
    neo4jPassword: string;
    /** The bundled test store's folder; empty with NEO4J_TEST_URI. */
    neo4jDataDir: string;
    /** The bundled test JVM's pid; 0 with NEO4J_TEST_URI. */
    neo4jPid: number;
  }
}

let bundled: BundledNeo4j | undefined;
let storeDir: string | undefined;

export async function setup(project: TestProject): Promise<void> {
  if (process.env.NEO4J_TEST_URI) {
    project.provide('neo4jUri', process.env.NEO4J_TEST_URI);
    project.provide('neo4jUser', process.env.NEO4J_TEST_USER ?? 'neo4j');
    project.provide('neo4jPassword', process.env.NEO4J_TEST_PASSWORD ?? '');
    project.provide('neo4jDataDir', '');
    project.provide('neo4jPid', 0);
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
  project.provide('neo4jUser', bundled.user);
  project.provide('neo4jPassword', bundled.password);
  project.provide('neo4jDataDir', storeDir);
  project.provide('neo4jPid', bundled.pid() ?? 0);
}

export async function teardown(): Promise<void> {
  await bundled?.stop();
  if (storeDir) rmSync(storeDir, { recursive: true, force: true });
}
