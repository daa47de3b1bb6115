/**
 * `npm run seed [-- --dir <path>] [--reset] [files…]`: parse, extract and load pages into Neo4j,
 * with a progress bar and a closing summary. Exit code 1 when any file or story failed.
 */
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { loadDbConfig } from '../db/config.js';
import { connectDatabase } from '../db/connect.js';
import { applySchema } from '../db/schema.js';
import { seedCorpus, SAMPLE_DIR } from './pipeline.js';
import { formatSummary } from './summary.js';

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    options: { dir: { type: 'string' }, reset: { type: 'boolean', default: false }, help: { type: 'boolean', default: false } },
    allowPositionals: true,
  });
  if (values.help) {
    console.log('Usage: npm run seed [-- --dir <folder>] [--reset] [file …]\nLoads .txt pages and .json/.ndjson stories (default folder: seed/data).');
    return 0;
  }
  const config = loadDbConfig();
  const db = await connectDatabase(config, (line) => console.log(line));
  const bar = new cliProgress.SingleBar(
    { format: 'Seeding |{bar}| {percentage}% | {value}/{total} files | {stories} stories', hideCursor: true, noTTYOutput: false },
    cliProgress.Presets.shades_classic,
  );
  try {
    await applySchema(db);
    let started = false;
    const summary = await seedCorpus(db, {
      dir: values.dir ?? SAMPLE_DIR,
      files: positionals.length > 0 ? positionals : undefined,
      reset: values.reset,
      onProgress: (p) => {
        if (!started) bar.start(p.filesTotal, 0, { stories: 0 });
        started = true;
        bar.update(p.filesDone, { stories: p.stories });
      },
    });
    bar.stop();
    console.log(formatSummary(summary));
    return summary.problems.length > 0 ? 1 : 0;
  } finally {
    bar.stop();
    await db.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`Seeding failed: ${(error as Error).message}`);
    process.exit(2);
  },
);
