/**
 * The annotated story sets extraction is scored on, read the way the seeder reads them:
 *   - dev, test, fresh: tests/fixtures/eval (written afresh, names mostly outside the catalogue; tune
 *     on dev only; test and fresh are held out: their misses are never printed);
 *   - sample: the shipped pages in seed/data with tests/fixtures/gold.json;
 *   - heldout: the earlier made-up stories of tests/fixtures/gold-heldout.json.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Story } from '../model/types.js';
import { listCorpusFiles, readCorpus } from '../seed/parse/index.js';
import type { GoldStory, HeldOutStory } from './score.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

export const SET_NAMES = ['dev', 'test', 'fresh', 'sample', 'heldout'] as const;
/** Sets kept for measuring, never for tuning: reports print their totals only. */
export const HELD_OUT_SETS: readonly SetName[] = ['test', 'fresh'];
export type SetName = (typeof SET_NAMES)[number];

export interface EvalSet {
  name: SetName;
  /** Stories with their gold annotation (stories the gold does not annotate are left out). */
  items: Array<{ story: Story; gold: GoldStory }>;
}

async function fromPages(name: SetName, dir: string, goldFiles: string[]): Promise<EvalSet> {
  const gold: Record<string, GoldStory> = {};
  for (const file of goldFiles) Object.assign(gold, (JSON.parse(readFileSync(file, 'utf8')) as { stories: Record<string, GoldStory> }).stories);
  const { stories } = await readCorpus(await listCorpusFiles(dir));
  const items = stories.filter((s) => gold[s.title]).map((story) => ({ story, gold: gold[story.title]! }));
  return { name, items };
}

export async function loadEvalSet(name: SetName): Promise<EvalSet> {
  if (name === 'dev' || name === 'test' || name === 'fresh') {
    const dir = join(ROOT, 'tests', 'fixtures', 'eval');
    // the dev split grew in batches: gold-dev.json, then gold-dev2.json for the dev2-* pages
    const extra = join(dir, `gold-${name}2.json`);
    return fromPages(name, join(dir, 'pages', name), [join(dir, `gold-${name}.json`), ...(existsSync(extra) ? [extra] : [])]);
  }
  if (name === 'sample') return fromPages(name, join(ROOT, 'seed', 'data'), [join(ROOT, 'tests', 'fixtures', 'gold.json')]);
  const held = (JSON.parse(readFileSync(join(ROOT, 'tests', 'fixtures', 'gold-heldout.json'), 'utf8')) as { stories: HeldOutStory[] }).stories;
  return {
    name,
    items: held.map((h, i) => ({
      story: { id: `story:heldout${i}`, title: h.title, body: h.body, outlet: h.outlet ?? null, published: null, url: null, pages: [], layout: 'json' },
      gold: h,
    })),
  };
}
