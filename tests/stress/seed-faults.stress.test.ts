/**
 * Seeding survives being killed and being run twice at once: a SIGKILL midway followed by a re-run
 * gives the same counts as an uninterrupted run, and two concurrent runs create no duplicates.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../../bench/generate.js';
import { applySchema } from '../../db/schema.js';
import { graphCounts, type GraphCounts } from '../../seed/load/counts.js';
import { resetGraph } from '../../seed/load/reset.js';
import { testDatabase, testDatabaseEnv } from '../int/helpers.js';

const db = testDatabase();
const corpus = mkdtempSync(path.join(os.tmpdir(), 'newsgraph-faults-'));
let uninterrupted: GraphCounts;

function seedProcess(): { done: Promise<number>; kill: () => void } {
  // --extractor rules: this test is about the loader under SIGKILL and concurrency, on a corpus of
  // thousands of stories that CoreNLP would take far longer than the test's bounds to annotate. The
  // environment still names the run's CoreNLP, so no run could start a second one on a shared port.
  const child = spawn(process.execPath, ['--import', 'tsx', 'seed/cli.ts', '--extractor', 'rules', '--dir', corpus], {
    env: { ...process.env, ...testDatabaseEnv() },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.resume();
  child.stderr.resume();
  return {
    done: new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? (signal ? -1 : 0)))),
    kill: () => child.kill('SIGKILL'),
  };
}

async function storyCount(): Promise<number> {
  const { records } = await db.driver.executeQuery('MATCH (s:Story) RETURN count(s) AS n');
  return Number(records[0]!.get('n'));
}

async function duplicateIds(): Promise<number> {
  const { records } = await db.driver.executeQuery(
    'MATCH (n) WHERE n.id IS NOT NULL WITH n.id AS id, count(*) AS c WHERE c > 1 RETURN count(id) AS dups',
  );
  return Number(records[0]!.get('dups'));
}

beforeAll(async () => {
  writeCorpus(1500, corpus, 7);
  await applySchema(db);
  await resetGraph(db);
  expect(await seedProcess().done).toBe(0);
  uninterrupted = await graphCounts(db);
});
afterAll(async () => {
  await resetGraph(db);
  await db.close();
});

describe('seeding under faults', () => {
  it('a run killed with SIGKILL midway, then run again, ends with the same counts', async () => {
    await resetGraph(db);
    const run = seedProcess();
    // Kill once some stories are in, but well before the end.
    const deadline = Date.now() + 120_000;
    while ((await storyCount()) < 100 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    run.kill();
    expect(await run.done).toBe(-1);
    const partial = await storyCount();
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(uninterrupted.nodes.Story!);
    expect(await seedProcess().done).toBe(0);
    expect(await graphCounts(db)).toEqual(uninterrupted);
  });

  it('two seeding processes at once create no duplicates', async () => {
    await resetGraph(db);
    const [a, b] = [seedProcess(), seedProcess()];
    expect(await Promise.all([a.done, b.done])).toEqual([0, 0]);
    expect(await duplicateIds()).toBe(0);
    expect(await graphCounts(db)).toEqual(uninterrupted);
  });
});
