/** First run: when the database holds no stories, load the sample corpus shipped in seed/data/. */
import type { Database } from '../db/connect.js';
import { formatSummary, seedCorpus, type Extractor } from '../seed/index.js';

export async function seedIfEmpty(db: Database, extractor: Extractor, log: (line: string) => void): Promise<void> {
  const result = await db.driver.executeQuery('MATCH (s:Story) RETURN count(s) AS stories', {}, { database: db.name });
  const stories = Number(result.records[0]?.get('stories') ?? 0);
  if (stories > 0) return;
  log(`The database is empty: seeding the sample corpus (seed/data) with the ${extractor.name} extractor…`);
  const summary = await seedCorpus(db, {
    extractor,
    onProgress: (p) => log(`  seeded ${p.filesDone}/${p.filesTotal} files, ${p.stories} stories`),
  });
  log(formatSummary(summary));
}
