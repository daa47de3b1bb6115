/** First run: when the database holds no stories, load the sample corpus shipped in seed/data/. */
import type { Database } from './db/connect.js';

export async function seedIfEmpty(db: Database, log: (line: string) => void): Promise<void> {
  const result = await db.driver.executeQuery('MATCH (s:Story) RETURN count(s) AS stories', {}, { database: db.name });
  const stories = Number(result.records[0]?.get('stories') ?? 0);
  if (stories > 0) return;
  // The seeding pipeline (seed/) is not wired in yet: the database stays empty rather than faked.
  log('The database is empty; seeding is not available yet.');
}
