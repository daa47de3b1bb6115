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

/** The first `limit` stories of a corpus, parsed and extracted, in batches of BATCH. */
export async function corpusBatches(corpus: number, limit: number): Promise<Batch[]> {
  const files = await listCorpusFiles(corpusDir(corpus));
  const batches: Batch[] = [];
  let total = 0;
  for (const file of files) {
    if (total >= limit) break;
    const { stories } = await readCorpus([file]);
    for (let i = 0; i < stories.length && total < limit; i += BATCH) {
      const batch = stories.slice(i, Math.min(i + BATCH, i + limit - total));
      batches.push({ stories: batch, extractions: batch.map(extractStory) });
      total += batch.length;
    }
  }
  return batches;
}
