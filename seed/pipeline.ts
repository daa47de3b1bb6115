/**
 * The whole seeding pipeline: parse → extract → load, file group by file group, so memory stays
 * bounded however large the corpus. Bad files and stories are reported and skipped; the rest loads.
 * Re-running is idempotent: everything is MERGEd on stable ids behind uniqueness constraints.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from '../db/connect.js';
import type { Extraction, Story } from '../model/types.js';
import { NlpUnavailableError } from '../nlp/errors.js';
import { rulesExtractor, type Extractor } from './extract/extractors.js';
import { listCorpusFiles, readCorpus } from './parse/index.js';
import { resetGraph } from './load/reset.js';
import { GraphLoader } from './load/graph-loader.js';
import { graphCounts, type GraphCounts } from './load/counts.js';

export const SAMPLE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'data');

export interface SeedProblem {
  file: string;
  message: string;
}

export interface SeedProgress {
  filesDone: number;
  filesTotal: number;
  stories: number;
}

export interface SeedOptions {
  /** Folder of pages (.txt, .json, .ndjson, .jsonl); default: the sample in seed/data. */
  dir?: string;
  /** Explicit files instead of a folder. */
  files?: string[];
  /** Delete the seeded graph first (analysts' saved queries stay). */
  reset?: boolean;
  /** Stories per write transaction. */
  batchSize?: number;
  /** Files parsed per step; bounds memory. */
  filesPerStep?: number;
  onProgress?: (progress: SeedProgress) => void;
  /** Default: the rules extractor. */
  extractor?: Extractor;
}

export interface SeedSummary {
  files: number;
  stories: number;
  facts: number;
  evidence: number;
  problems: SeedProblem[];
  counts: GraphCounts;
  seconds: number;
  /**
   * Where the time went: reading and parsing files, extraction, writing to Neo4j (batches, then
   * `finalize`: the facts' support computed at the end of the run, included in `load`).
   */
  phases: { parse: number; extract: number; load: number; finalize: number };
}

/**
 * Extracts a batch through the run's extractor (the NLP one annotates the batch with requests in
 * parallel). CoreNLP down fails the whole call: nothing of it is written. Any other failure is
 * narrowed down to its story, which is reported and skipped; the rest loads.
 */
async function extractAll(extractor: Extractor, stories: Story[], problems: SeedProblem[]): Promise<{ stories: Story[]; extractions: Extraction[] }> {
  try {
    return { stories, extractions: await extractor.extractAll(stories) };
  } catch (error) {
    if (error instanceof NlpUnavailableError) throw error;
  }
  const kept: Story[] = [];
  const extractions: Extraction[] = [];
  for (const story of stories) {
    try {
      extractions.push(...(await extractor.extractAll([story])));
      kept.push(story);
    } catch (error) {
      if (error instanceof NlpUnavailableError) throw error;
      problems.push({ file: story.pages.join(', '), message: `story "${story.title}" could not be extracted: ${(error as Error).message}` });
    }
  }
  return { stories: kept, extractions };
}

export interface LoadResult {
  stories: number;
  facts: number;
  evidence: number;
  problems: SeedProblem[];
  /** What was created or merged, for callers that report it (POST /api/stories). */
  loaded: Array<{ id: string; title: string; entities: string[]; facts: Array<{ type: string; from: string; to: string }> }>;
  /** Seconds spent extracting and writing, for benchmarks. */
  extractSeconds: number;
  loadSeconds: number;
}

/** Extracts and loads stories that are already parsed (seeding, POST /api/stories). */
export async function loadStories(
  db: Database,
  stories: Story[],
  options: {
    batchSize?: number;
    keepDetails?: boolean;
    loader?: GraphLoader;
    /** Default: the rules extractor. */
    extractor?: Extractor;
    /** Extract every story before the first write (an upload: CoreNLP down must leave nothing written). */
    extractFirst?: boolean;
  } = {},
): Promise<LoadResult> {
  const { batchSize = 200, keepDetails = false, extractor = rulesExtractor } = options;
  // Without a run-wide loader (an API upload), each batch's facts are finalised in its own transaction.
  const loader = options.loader ?? new GraphLoader(db, undefined, { finalizeEachBatch: true });
  const result: LoadResult = { stories: 0, facts: 0, evidence: 0, problems: [], loaded: [], extractSeconds: 0, loadSeconds: 0 };
  const extractBatch = (i: number) => extractAll(extractor, stories.slice(i, i + batchSize), result.problems);
  const extractedFirst: Array<Awaited<ReturnType<typeof extractBatch>>> = [];
  if (options.extractFirst) {
    const t = performance.now();
    for (let i = 0; i < stories.length; i += batchSize) extractedFirst.push(await extractBatch(i));
    result.extractSeconds += (performance.now() - t) / 1000;
  }
  for (let i = 0; i < stories.length; i += batchSize) {
    const t0 = performance.now();
    const batch = options.extractFirst ? extractedFirst[i / batchSize]! : await extractBatch(i);
    const t1 = performance.now();
    const written = await loader.write(batch.stories, batch.extractions);
    result.extractSeconds += (t1 - t0) / 1000;
    result.loadSeconds += (performance.now() - t1) / 1000;
    result.stories += written.stories;
    result.facts += written.facts;
    result.evidence += written.evidence;
    if (keepDetails) {
      batch.extractions.forEach((extraction, index) => {
        result.loaded.push({
          id: extraction.storyId,
          title: batch.stories[index]!.title,
          entities: extraction.entities.map((e) => e.id),
          facts: extraction.facts.map(({ type, from, to }) => ({ type, from, to })),
        });
      });
    }
  }
  if (!options.loader) {
    const t = performance.now();
    await loader.finish();
    result.loadSeconds += (performance.now() - t) / 1000;
  }
  return result;
}

export async function seedCorpus(db: Database, options: SeedOptions = {}): Promise<SeedSummary> {
  const started = performance.now();
  if (options.reset) await resetGraph(db);
  const files = options.files ?? (await listCorpusFiles(options.dir ?? SAMPLE_DIR));
  const filesPerStep = options.filesPerStep ?? 50;
  const problems: SeedProblem[] = [];
  const totals = { stories: 0, facts: 0, evidence: 0 };
  const storyIds = new Set<string>();
  const phases = { parse: 0, extract: 0, load: 0, finalize: 0 };
  const loader = new GraphLoader(db);
  for (let i = 0; i < files.length; i += filesPerStep) {
    const step = files.slice(i, i + filesPerStep);
    const t0 = performance.now();
    const parsed = await readCorpus(step);
    phases.parse += (performance.now() - t0) / 1000;
    problems.push(...parsed.errors);
    const loaded = await loadStories(db, parsed.stories, { batchSize: options.batchSize, loader, extractor: options.extractor });
    phases.extract += loaded.extractSeconds;
    phases.load += loaded.loadSeconds;
    problems.push(...loaded.problems);
    for (const story of parsed.stories) storyIds.add(story.id);
    totals.facts += loaded.facts;
    totals.evidence += loaded.evidence;
    options.onProgress?.({ filesDone: Math.min(i + filesPerStep, files.length), filesTotal: files.length, stories: storyIds.size });
  }
  const t = performance.now();
  await loader.finish();
  phases.finalize = (performance.now() - t) / 1000;
  phases.load += phases.finalize;
  totals.stories = storyIds.size;
  return { files: files.length, ...totals, problems, counts: await graphCounts(db), seconds: (performance.now() - started) / 1000, phases };
}
