/**
 * Ingest benchmark. For each corpus size: the whole pipeline (parse → extract → load) end to end,
 * then loading alone against the baseline — the same rows written by plain `UNWIND … CREATE` into
 * an empty database — interleaved run by run, medians reported with their ratio.
 *
 * With `--extractor rules,nlp` each size runs through both extractors side by side (rules first, the
 * same corpus): for nlp, CoreNLP's own throughput (MB of story text annotated per second, from the
 * time spent waiting for annotations) and the end-to-end ratio against the rules path of the same
 * run. The nlp path uses NEWSGRAPH_NLP_URI, or a bundled CoreNLP on a free port, with no cache (every
 * story is annotated: a cold run).
 *
 *   npm run bench:ingest -- [--stories 1000,10000] [--runs 3] [--baseline-stories 5000] [--extractor rules,nlp]
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
import { freePort } from '../db/jvm-child.js';
import { startBundledCoreNlp, type BundledCoreNlp } from '../nlp/bundled-corenlp.js';
import { createNlpClient, type NlpClient } from '../nlp/client.js';
import { EXTRACTOR_NAMES, type ExtractorName } from '../nlp/config.js';
import { nlpExtractor, rulesExtractor } from '../seed/extract/extractors.js';

/** A client that also counts the story text it annotates and the time spent waiting for CoreNLP. */
function timedClient(client: NlpClient): NlpClient & { bytes: number; seconds: number } {
  const timed = {
    uri: client.uri,
    bytes: 0,
    seconds: 0,
    async annotateAll(texts: readonly string[]) {
      const t0 = performance.now();
      const annotations = await client.annotateAll(texts);
      timed.seconds += (performance.now() - t0) / 1000;
      for (const text of texts) timed.bytes += Buffer.byteLength(text);
      return annotations;
    },
    annotate: (text: string) => client.annotate(text),
    ready: () => client.ready(),
    get requests() {
      return client.requests;
    },
  };
  return timed;
}

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
    options: {
      stories: { type: 'string', default: '1000' },
      runs: { type: 'string', default: '3' },
      'baseline-stories': { type: 'string', default: '5000' },
      extractor: { type: 'string', default: 'rules' },
    },
  });
  const extractors = values.extractor.split(',').map((e) => e.trim()) as ExtractorName[];
  for (const e of extractors) if (!(EXTRACTOR_NAMES as readonly string[]).includes(e)) throw new Error(`Unknown extractor "${e}": choose from ${EXTRACTOR_NAMES.join(', ')}.`);
  const sizes = values.stories.split(',').map(Number);
  const runs = Number(values.runs);
  let corenlp: BundledCoreNlp | undefined;
  let nlpUri = process.env.NEWSGRAPH_NLP_URI;
  if (extractors.includes('nlp') && !nlpUri) {
    corenlp = await startBundledCoreNlp({ port: await freePort(), log: () => {} });
    nlpUri = corenlp.uri;
  }
  const db = await benchDatabase();
  try {
    console.log('| stories | extractor | end-to-end s | stories/s | relationships/s | parse s | extract s | of which CoreNLP s | CoreNLP MB/s | load s | of which finalise s | ratio to rules | peak RSS MB |');
    console.log('|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const size of sizes) {
      const dir = corpusDir(size);
      let rulesSeconds: number | undefined;
      for (const name of extractors) {
        const totals: number[] = [];
        const nlpSeconds: number[] = [];
        let bytes = 0;
        let last;
        for (let r = 0; r < runs; r++) {
          await resetGraph(db);
          // no cache: every run annotates every story
          const timed = name === 'nlp' ? timedClient(createNlpClient({ uri: nlpUri!, concurrency: 2 })) : undefined;
          last = await seedCorpus(db, { dir, extractor: timed ? nlpExtractor(timed) : rulesExtractor });
          totals.push(last.seconds);
          if (timed) {
            nlpSeconds.push(timed.seconds);
            bytes = timed.bytes;
          }
        }
        // Every relationship type the loader writes, as counted in the run's own summary.
        const rels = Object.values(last!.counts.relationships).reduce((sum, n) => sum + n, 0);
        const t = median(totals);
        if (name === 'rules') rulesSeconds = t;
        const nlpT = nlpSeconds.length ? median(nlpSeconds) : undefined;
        const ratio = rulesSeconds !== undefined ? `${(t / rulesSeconds).toFixed(1)}×` : '–';
        console.log(
          `| ${size} | ${name} | ${t.toFixed(1)} | ${(last!.stories / t).toFixed(0)} | ${(rels / t).toFixed(0)} | ${last!.phases.parse.toFixed(1)} | ${last!.phases.extract.toFixed(1)} | ${nlpT?.toFixed(1) ?? '–'} | ${nlpT ? (bytes / 1e6 / nlpT).toFixed(3) : '–'} | ${last!.phases.load.toFixed(1)} | ${last!.phases.finalize.toFixed(1)} | ${ratio} | ${(process.memoryUsage().rss / 1e6).toFixed(0)} |`,
        );
      }
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
    await corenlp?.stop();
  }
}

await main();
