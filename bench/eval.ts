/**
 * npm run eval -- [--set dev|test|fresh|sample|heldout]… [--extractor nlp|rules] [--type OWNS_STAKE] [-v]
 *
 * Scores one extractor on annotated sets, with per-type tables; -v lists every miss and extra (the
 * misses of the held-out test and fresh splits are never printed: they are not for tuning). The NLP extractor uses
 * NEWSGRAPH_NLP_URI, or the bundled CoreNLP (started for the run), and the annotation cache in
 * <NEWSGRAPH_DATA_DIR>/nlp-cache.
 */
import { parseArgs } from 'node:util';
import { rulesExtractor, type Extractor } from '../seed/extract/extractors.js';
import { HELD_OUT_SETS, loadEvalSet, SET_NAMES, type SetName } from './eval-sets.js';
import { withNlpExtractor } from './nlp-extractor.js';
import { printTable, scoreWith } from './score.js';


async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { set: { type: 'string', multiple: true }, extractor: { type: 'string', default: 'nlp' }, type: { type: 'string' }, verbose: { type: 'boolean', short: 'v', default: false } },
  });
  const sets = (values.set ?? ['dev']) as SetName[];
  for (const s of sets) if (!SET_NAMES.includes(s)) throw new Error(`unknown set ${s} (${SET_NAMES.join(', ')})`);
  const run = async (extractor: Extractor) => {
    for (const name of sets) await report(extractor, name, values.verbose, values.type);
  };
  if (values.extractor === 'rules') await run(rulesExtractor);
  else await withNlpExtractor(run);
}

async function report(extractor: Extractor, name: SetName, verbose: boolean, type: string | undefined): Promise<void> {
  const r = await scoreWith(extractor, await loadEvalSet(name));
  console.log(`\n=== ${name} (${r.stories} stories), extractor ${r.extractor}, ${r.seconds.toFixed(1)} s ===`);
  if (!HELD_OUT_SETS.includes(name)) {
    printTable('Entities', r.score.entities);
    printTable('Relations', r.score.relations);
  }
  console.log(`  entities F1 ${r.entities.f.toFixed(3)} · relations P ${r.relations.p.toFixed(3)} R ${r.relations.r.toFixed(3)} F1 ${r.relations.f.toFixed(3)} · OWNS_STAKE ${r.stakes.found}/${r.stakes.gold} (percent right ${r.stakes.percentRight}/${r.stakes.percentChecked})`);
  if (verbose && !HELD_OUT_SETS.includes(name)) {
    for (const m of r.score.misses) if (!type || m.includes(type)) console.log('   ·', m);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
