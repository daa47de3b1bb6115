/**
 * Ingest benchmark. For each corpus size: the whole pipeline (parse → extract → load) end to end,
 * then loading alone against the baseline — the same rows written by plain `UNWIND … CREATE` into
 * an empty database — interleaved run by run, medians reported with their ratio.
 *
 *   npm run bench:ingest -- [--stories 1000,10000] [--runs 3] [--baseline-stories 5000]
 */
import { parseArgs } from 'node:util';
import { resetGraph } from '../seed/load/reset.js';
import { buildRows } from '../seed/load/rows.js';
import { GraphLoader } from '../seed/load/graph-loader.js';
import { seedCorpus } from '../seed/pipeline.js';
import { baselineWrite } from './baseline-load.js';
import { BATCH, corpusBatches, corpusDir, type Batch } from './ingest-batches.js';
import type { Database } from '../db/connect.js';
import { benchDatabase, median } from './neo4j.js';

async function ourLoad(db: Database, batches: Batch[]): Promise<void> {
  const loader = new GraphLoader(db);
  for (const b of batches) await loader.write(b.stories, b.extractions);
  await loader.finish();
}

async function baselineLoad(db: Database, batches: Batch[]): Promise<void> {
  const seen = new Set<string>();
  for (const b of batches) await baselineWrite(db, buildRows(b.stories, b.extractions), seen);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { stories: { type: 'string', default: '1000' }, runs: { type: 'string', default: '3' }, 'baseline-stories': { type: 'string', default: '5000' } },
  });
  const sizes = values.stories.split(',').map(Number);
  const runs = Number(values.runs);
  const db = await benchDatabase();
  try {
    console.log('| stories | end-to-end s | stories/s | relationships/s | parse s | extract s | load s | of which finalise s | peak RSS MB |');
    console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const size of sizes) {
      const dir = corpusDir(size);
      const totals: number[] = [];
      let last;
      for (let r = 0; r < runs; r++) {
        await resetGraph(db);
        last = await seedCorpus(db, { dir });
        totals.push(last.seconds);
      }
      // Every relationship type the loader writes, as counted in the run's own summary.
      const rels = Object.values(last!.counts.relationships).reduce((sum, n) => sum + n, 0);
      const t = median(totals);
      console.log(`| ${size} | ${t.toFixed(1)} | ${(last!.stories / t).toFixed(0)} | ${(rels / t).toFixed(0)} | ${last!.phases.parse.toFixed(1)} | ${last!.phases.extract.toFixed(1)} | ${last!.phases.load.toFixed(1)} | ${last!.phases.finalize.toFixed(1)} | ${(process.memoryUsage().rss / 1e6).toFixed(0)} |`);
    }

    // Loading alone, against the baseline, on the same rows and batches (--baseline-stories 0 skips it).
    const baselineStories = Math.min(Number(values['baseline-stories']), Math.max(...sizes));
    if (baselineStories === 0) return;
    const batches = await corpusBatches(Math.max(...sizes), baselineStories);
    const writers: Array<{ name: string; write: (batches: Batch[]) => Promise<void> }> = [
      { name: 'newsgraph loader (GraphLoader)', write: (bs) => ourLoad(db, bs) },
      { name: 'baseline: plain UNWIND … CREATE, one batch at a time', write: (bs) => baselineLoad(db, bs) },
    ];
    // Warm-up: every writer's statements planned and compiled once before anything is timed.
    for (const writer of writers) {
      await resetGraph(db);
      await writer.write(batches.slice(0, 2));
    }
    const seconds = writers.map((): number[] => []);
    for (let r = 0; r < runs; r++) {
      for (const [i, writer] of writers.entries()) {
        await resetGraph(db);
        const t0 = performance.now();
        await writer.write(batches);
        seconds[i]!.push((performance.now() - t0) / 1000);
      }
    }
    const baseline = median(seconds.at(-1)!);
    console.log(`\nLoading alone, ${baselineStories} stories in batches of ${BATCH}, after a warm-up, median of ${runs}:`);
    console.log('| writer | seconds | stories/s | ratio to baseline |');
    console.log('|---|---:|---:|---:|');
    for (const [i, writer] of writers.entries()) {
      const t = median(seconds[i]!);
      console.log(`| ${writer.name} | ${t.toFixed(2)} | ${(baselineStories / t).toFixed(0)} | ${(baseline / t).toFixed(2)} |`);
    }
  } finally {
    await db.close();
  }
}

await main();
