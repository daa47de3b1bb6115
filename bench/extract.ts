/**
 * npm run bench:extract -- [--extractor rules,nlp] [--set dev,test,fresh,sample,heldout] [-v]
 *
 * Extraction quality of both extractors, side by side, on every annotated set (bench/eval-sets.ts):
 * entity F1, relation precision / recall / F1, OWNS_STAKE found and with the right percent, and the
 * seconds each took. -v adds per-type tables for the sets meant for tuning (never for `test` or `fresh`).
 * Then the rule path's speed: MB/s of extractStory over the sample bodies, median of 5 runs, one core.
 *
 * The NLP extractor talks to NEWSGRAPH_NLP_URI when set, otherwise to a bundled CoreNLP started for
 * the run (bench/nlp-server.ts); annotations are cached in <NEWSGRAPH_DATA_DIR>/nlp-cache.
 */
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { extractStory } from '../seed/extract/index.js';
import { rulesExtractor, type Extractor } from '../seed/extract/extractors.js';
import { HELD_OUT_SETS, loadEvalSet, SET_NAMES, type SetName } from './eval-sets.js';
import { withNlpExtractor } from './nlp-extractor.js';
import { printTable, scoreWith, type SetScore } from './score.js';


function row(s: SetScore): string {
  const e = s.entities.f.toFixed(3);
  const r = `${s.relations.p.toFixed(3)} / ${s.relations.r.toFixed(3)} / ${s.relations.f.toFixed(3)}`;
  const stakes = `${s.stakes.found}/${s.stakes.gold} (${s.stakes.percentRight}/${s.stakes.percentChecked} %)`;
  return `| ${s.set.padEnd(7)} | ${String(s.stories).padStart(3)} | ${s.extractor.padEnd(5)} | ${e} | ${r} | ${stakes.padEnd(16)} | ${s.seconds.toFixed(1).padStart(5)} s |`;
}

function ruleSpeed(stories: Parameters<typeof extractStory>[0][]): void {
  const bytes = stories.reduce((n, s) => n + Buffer.byteLength(s.body, 'utf8'), 0);
  for (const s of stories) extractStory(s); // warm-up (catalogue build, JIT)
  const reps = Math.max(1, Math.ceil((8 * 1024 * 1024) / bytes));
  const rates: number[] = [];
  for (let run = 0; run < 5; run++) {
    const t0 = performance.now();
    for (let r = 0; r < reps; r++) for (const s of stories) extractStory(s);
    rates.push((bytes * reps) / ((performance.now() - t0) / 1000) / 1e6);
  }
  rates.sort((a, b) => a - b);
  console.log(`\nRule path speed: ${(bytes / 1e3).toFixed(1)} kB × ${reps} per run, 5 runs: median ${rates[2]!.toFixed(2)} MB/s (min ${rates[0]!.toFixed(2)}, max ${rates[4]!.toFixed(2)})`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      extractor: { type: 'string', default: 'rules,nlp' },
      set: { type: 'string', default: SET_NAMES.join(',') },
      verbose: { type: 'boolean', short: 'v', default: false },
    },
  });
  const names = values.set.split(',') as SetName[];
  for (const n of names) if (!SET_NAMES.includes(n)) throw new Error(`unknown set "${n}" (${SET_NAMES.join(', ')})`);
  const sets = await Promise.all(names.map((n) => loadEvalSet(n)));
  const wanted = values.extractor.split(',');

  const results: SetScore[] = [];
  const run = async (extractor: Extractor) => {
    for (const set of sets) results.push(await scoreWith(extractor, set));
  };
  if (wanted.includes('rules')) await run(rulesExtractor);
  if (wanted.includes('nlp')) await withNlpExtractor(run);

  console.log('\n| set     |   n | extr. | ent. F1 | relations P / R / F1  | OWNS_STAKE (percent) |  time   |');
  console.log('|---------|----:|-------|--------:|-----------------------|------------------|--------:|');
  for (const name of names) for (const s of results.filter((r) => r.set === name)) console.log(row(s));
  if (values.verbose) {
    for (const s of results) {
      if (HELD_OUT_SETS.includes(s.set as SetName)) continue; // held-out sets are not for tuning: totals only
      console.log(`\n=== ${s.set}, ${s.extractor} ===`);
      printTable('Entities', s.score.entities, 2);
      printTable('Relations', s.score.relations, 2);
    }
  }
  const sample = sets.find((s) => s.name === 'sample');
  if (sample && wanted.includes('rules')) ruleSpeed(sample.items.map((i) => i.story));
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
