/**
 * Vitest global setup: one real Neo4j and one real CoreNLP server for the whole test run, never the
 * development ones. CoreNLP: NEWSGRAPH_NLP_TEST_URI when set, otherwise the bundled one on a free port,
 * started beside the Neo4j (in parallel) and stopped afterwards; tests get its URL as `nlpUri`.
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
import { startBundledCoreNlp, type BundledCoreNlp } from '../../nlp/bundled-corenlp.js';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string;
    neo4jUser: string;
    neo4jPassword: string;
    /** The bundled test store's folder; empty with NEO4J_TEST_URI. */
    neo4jDataDir: string;
    /** The bundled test JVM's pid; 0 with NEO4J_TEST_URI. */
    neo4jPid: number;
    /** The test run's CoreNLP server (http://127.0.0.1:<free port>). */
    nlpUri: string;
    /** The bundled test CoreNLP's pid; 0 with NEWSGRAPH_NLP_TEST_URI. */
    nlpPid: number;
  }
}

let bundled: BundledNeo4j | undefined;
let storeDir: string | undefined;
let nlp: BundledCoreNlp | undefined;

export async function setup(project: TestProject): Promise<void> {
  const [database, corenlp] = await Promise.allSettled([setupNeo4j(project), setupCoreNlp(project)]);
  if (database.status === 'rejected' || corenlp.status === 'rejected') {
    await teardown();
    throw database.status === 'rejected' ? database.reason : (corenlp as PromiseRejectedResult).reason;
  }
}

async function setupCoreNlp(project: TestProject): Promise<void> {
  if (process.env.NEWSGRAPH_NLP_TEST_URI) {
    project.provide('nlpUri', process.env.NEWSGRAPH_NLP_TEST_URI);
    project.provide('nlpPid', 0);
    return;
  }
  // started beside the Neo4j on a 2-core machine often shared with other jobs: generous start timeouts
  nlp = await startBundledCoreNlp({ port: await freePort(), heap: '2g', threads: 2, startTimeoutMs: 300_000, log: () => {} });
  project.provide('nlpUri', nlp.uri);
  project.provide('nlpPid', nlp.pid() ?? 0);
}

async function setupNeo4j(project: TestProject): Promise<void> {
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
    startTimeoutMs: 300_000,
    log: () => {},
  });
  project.provide('neo4jUri', bundled.uri);
  project.provide('neo4jUser', bundled.user);
  project.provide('neo4jPassword', bundled.password);
  project.provide('neo4jDataDir', storeDir);
  project.provide('neo4jPid', bundled.pid() ?? 0);
}

export async function teardown(): Promise<void> {
  await Promise.all([bundled?.stop(), nlp?.stop()]);
  if (storeDir) rmSync(storeDir, { recursive: true, force: true });
}
