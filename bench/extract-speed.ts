/**
 * npm run bench:extract-speed -- [--dir .data/bench/10000] [--runs 5] [--limit N] [--compare path/to/extract/index.ts]
 *
 * Speed of seed/extract on one core over a (synthetic) corpus: parses the corpus once, then times
 * extractStory over every story; MB/s of title + body bytes, median of several runs.
 * Generate the corpus first: `npx tsx bench/generate.ts --stories 10000 --out .data/bench/10000`.
 * With --compare, a second extractor (e.g. a copy of an older version) is timed in the same process,
 * runs alternating, so a busy machine slows both alike; the ratio is what to read.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import type { Extraction, Story } from '../model/types.js';
import { extractStory } from '../seed/extract/index.js';
import { listCorpusFiles, readCorpus } from '../seed/parse/index.js';

type Extract = (s: Story) => Extraction;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

let sink = 0;
/** Time one chunk: seconds by wall clock and by this process's CPU time (steadier on a shared machine). */
function timeChunk(fn: Extract, stories: Story[]): { wall: number; cpu: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (const s of stories) sink += fn(s).entities.length;
  const wall = (performance.now() - t0) / 1000;
  const cu = process.cpuUsage(c0);
  return { wall, cpu: (cu.user + cu.system) / 1e6 };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      dir: { type: 'string', default: '.data/bench/10000' },
      runs: { type: 'string', default: '5' },
      limit: { type: 'string' },
      compare: { type: 'string' },
    },
  });
  const dir = resolve(values.dir!);
  if (!existsSync(dir)) throw new Error(`no corpus at ${dir}; run: npx tsx bench/generate.ts --stories 10000 --out ${values.dir}`);
  const runs = Math.max(1, Number(values.runs));
  let { stories } = await readCorpus(await listCorpusFiles(dir));
  if (values.limit) stories = stories.slice(0, Number(values.limit));
  const bytes = stories.reduce((n, s) => n + Buffer.byteLength(s.title, 'utf8') + Buffer.byteLength(s.body, 'utf8'), 0);

  const contenders: { name: string; fn: Extract; rates: { wall: number; cpu: number }[] }[] = [{ name: 'current', fn: extractStory, rates: [] }];
  if (values.compare) {
    const mod = (await import(pathToFileURL(resolve(values.compare)).href)) as { extractStory: Extract };
    contenders.push({ name: `compare (${values.compare})`, fn: mod.extractStory, rates: [] });
  }
  console.log(`${stories.length} stories, ${(bytes / 1e6).toFixed(2)} MB title+body; ${runs} timed runs each${contenders.length > 1 ? ', taking turns every 250 stories' : ''}`);
  // warm-up: catalogue build and JIT, on a slice of the corpus
  const warm = stories.slice(0, Math.min(stories.length, 2000));
  for (const c of contenders) for (const s of warm) c.fn(s);

  // one run = one pass over the corpus per contender; with --compare the contenders take turns chunk by chunk,
  // so a load spike from other processes hits both
  const CHUNK = 250;
  for (let r = 0; r < runs; r++) {
    const sec = contenders.map(() => ({ wall: 0, cpu: 0 }));
    for (let i = 0, turn = r; i < stories.length; i += CHUNK, turn++) {
      const chunk = stories.slice(i, i + CHUNK);
      const order = turn % 2 ? contenders.map((_, k) => contenders.length - 1 - k) : contenders.map((_, k) => k);
      for (const k of order) {
        const t = timeChunk(contenders[k]!.fn, chunk);
        sec[k]!.wall += t.wall;
        sec[k]!.cpu += t.cpu;
      }
    }
    contenders.forEach((c, k) => c.rates.push({ wall: bytes / sec[k]!.wall / 1e6, cpu: bytes / sec[k]!.cpu / 1e6 }));
  }
  if (sink < 0) console.log(sink); // keep the results alive
  for (const clock of ['wall', 'cpu'] as const) {
    console.log(`by ${clock === 'wall' ? 'wall clock' : 'process CPU time'}:`);
    for (const c of contenders) {
      const xs = c.rates.map((r) => r[clock]);
      const sorted = [...xs].sort((a, b) => a - b);
      console.log(`  ${c.name} median ${median(xs).toFixed(2)} MB/s (min ${sorted[0]!.toFixed(2)}, max ${sorted[sorted.length - 1]!.toFixed(2)}; runs ${xs.map((x) => x.toFixed(2)).join(' ')})`);
    }
    if (contenders.length > 1) {
      const ratios = contenders[0]!.rates.map((x, i) => x[clock] / contenders[1]!.rates[i]![clock]);
      console.log(`  ratio current/compare: median ${median(ratios).toFixed(2)}× (per run ${ratios.map((x) => x.toFixed(2)).join(' ')})`);
    }
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
