/**
 * `npm run seed [-- --dir <path>] [--reset] [--extractor nlp|rules] [files…]`: parse, extract and
 * load pages into Neo4j, with a progress bar and a closing summary. The nlp extractor (the default;
 * NEWSGRAPH_EXTRACTOR sets another) starts the bundled CoreNLP beside the database, in parallel,
 * unless NEWSGRAPH_NLP_URI names a server. Exit code 1 when any file or story failed.
 */
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { loadDbConfig } from '../db/config.js';
import { applySchema } from '../db/schema.js';
import { EXTRACTOR_NAMES, loadNlpConfig, type ExtractorName } from '../nlp/config.js';
import { connectDatabaseAndNlp } from '../nlp/connect.js';
import { extractorFor } from './extract/extractors.js';
import { seedCorpus, SAMPLE_DIR } from './pipeline.js';
import { formatSummary } from './summary.js';

const USAGE = `Usage: npm run seed [-- --dir <folder>] [--reset] [--extractor ${EXTRACTOR_NAMES.join('|')}] [file …]
Loads .txt pages and .json/.ndjson stories (default folder: seed/data).
--extractor nlp (default, or NEWSGRAPH_EXTRACTOR): Stanford CoreNLP, then the rules; rules: the rules alone, no CoreNLP.`;

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    options: {
      dir: { type: 'string' },
      reset: { type: 'boolean', default: false },
      extractor: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    allowPositionals: true,
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (values.extractor !== undefined && !(EXTRACTOR_NAMES as readonly string[]).includes(values.extractor)) {
    console.error(`Unknown extractor "${values.extractor}": choose one of ${EXTRACTOR_NAMES.join(', ')}.\n${USAGE}`);
    return 2;
  }
  const config = loadDbConfig();
  const nlpConfig = loadNlpConfig({ ...process.env, ...(values.extractor ? { NEWSGRAPH_EXTRACTOR: values.extractor } : {}) });
  const extractorName: ExtractorName = nlpConfig.NEWSGRAPH_EXTRACTOR;
  const log = (line: string) => console.log(line);
  // The database and CoreNLP start side by side: both are JVMs that mostly wait on their own loading.
  const { db, nlp } = await connectDatabaseAndNlp({ ...config, ...nlpConfig }, log);
  const bar = new cliProgress.SingleBar(
    { format: 'Seeding |{bar}| {percentage}% | {value}/{total} files | {stories} stories', hideCursor: true, noTTYOutput: false },
    cliProgress.Presets.shades_classic,
  );
  try {
    await applySchema(db);
    console.log(`Extractor: ${extractorName}${nlp ? ` (CoreNLP at ${nlp.uri})` : ''}`);
    let started = false;
    const summary = await seedCorpus(db, {
      dir: values.dir ?? SAMPLE_DIR,
      files: positionals.length > 0 ? positionals : undefined,
      reset: values.reset,
      extractor: extractorFor(extractorName, nlp?.client),
      onProgress: (p) => {
        if (!started) bar.start(p.filesTotal, 0, { stories: 0 });
        started = true;
        bar.update(p.filesDone, { stories: p.stories });
      },
    });
    bar.stop();
    console.log(formatSummary(summary));
    if (nlp) console.log(`CoreNLP requests: ${nlp.client.requests} (the rest came from the cache)`);
    return summary.problems.length > 0 ? 1 : 0;
  } finally {
    bar.stop();
    await Promise.all([db.close(), nlp?.close()]);
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`Seeding failed: ${(error as Error).message}`);
    process.exit(2);
  },
);
