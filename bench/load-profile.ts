/**
 * Where the loader's time goes: the first N stories of a synthetic corpus, extracted up front,
 * then written by GraphLoader with every statement timed (summed per statement kind).
 *
 *   npx tsx bench/load-profile.ts [--corpus 10000] [--stories 5000]
 */
import { parseArgs } from 'node:util';
import { GraphLoader } from '../seed/load/graph-loader.js';
import { benchDatabase } from './neo4j.js';
import { corpusBatches } from './ingest-batches.js';

const { values } = parseArgs({ options: { corpus: { type: 'string', default: '10000' }, stories: { type: 'string', default: '5000' } } });
const batches = await corpusBatches(Number(values.corpus), Number(values.stories));
const db = await benchDatabase();
try {
  const totals = new Map<string, number>();
  const loader = new GraphLoader(db, (name, ms) => totals.set(name, (totals.get(name) ?? 0) + ms));
  const t0 = performance.now();
  for (const b of batches) await loader.write(b.stories, b.extractions);
  await loader.flush();
  const written = performance.now();
  await loader.finish();
  const done = performance.now();
  console.log(`${values.stories} stories: batches ${((written - t0) / 1000).toFixed(1)} s, finish ${((done - written) / 1000).toFixed(1)} s`);
  console.log('| statement | seconds |\n|---|---:|');
  for (const [name, ms] of [...totals].sort((a, b) => b[1] - a[1])) console.log(`| ${name} | ${(ms / 1000).toFixed(2)} |`);
} finally {
  await db.close();
}
