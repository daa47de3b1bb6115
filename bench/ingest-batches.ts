/** Synthetic corpora on disk, and their first stories parsed and extracted in loader-sized batches. */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Extraction, Story } from '../model/types.js';
import { extractStory } from '../seed/extract/index.js';
import { listCorpusFiles, readCorpus } from '../seed/parse/index.js';
import { writeCorpus } from './generate.js';

/** Stories per write transaction, as the seeding pipeline uses. */
export const BATCH = 200;

export interface Batch {
  stories: Story[];
  extractions: Extraction[];
}

/** The corpus of `stories` stories in .data/bench, generated on first use. */
export function corpusDir(stories: number): string {
  const dir = path.join('.data', 'bench', String(stories));
  if (!existsSync(dir) || readdirSync(dir).length === 0) writeCorpus(stories, dir);
  return dir;
}

/** The first `limit` stories of a corpus, parsed and extracted, in batches of `size`. */
export async function corpusBatches(corpus: number, limit: number, size = BATCH): Promise<Batch[]> {
  const files = await listCorpusFiles(corpusDir(corpus));
  const stories: Story[] = [];
  for (const file of files) {
    if (stories.length >= limit) break;
    stories.push(...(await readCorpus([file])).stories);
  }
  const batches: Batch[] = [];
  for (let i = 0; i < Math.min(limit, stories.length); i += size) {
    const batch = stories.slice(i, Math.min(i + size, limit));
    batches.push({ stories: batch, extractions: batch.map((story) => extractStory(story)) });
  }
  return batches;
}
