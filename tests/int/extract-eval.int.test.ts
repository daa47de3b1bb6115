/**
 * Floors on extraction quality through the test run's real CoreNLP: the NLP extractor on the held-out
 * splits (test, and fresh: stories nobody tuned on) must score at least what `npm run bench:extract`
 * measured when the floor was set, less a small margin, so a change that loses quality fails here.
 * Raise a floor when a measured gain holds; never lower one to make a change pass.
 */
import { describe, expect, it } from 'vitest';
import { loadEvalSet } from '../../bench/eval-sets.js';
import { scoreWith, type SetScore } from '../../bench/score.js';
import { createNlpClient } from '../../nlp/client.js';
import { nlpExtractor } from '../../seed/extract/extractors.js';
import { testNlpUri } from './helpers.js';

/** Measured with the NLP extractor (see BENCHMARKS.md, "Extraction quality"); the floor is 0.03 below. */
const MEASURED: Record<'test' | 'fresh', { entitiesF1: number; relationsF1: number; stakesFound: number; stakePercentRight: number }> = {
  test: { entitiesF1: 0.888, relationsF1: 0.419, stakesFound: 6, stakePercentRight: 5 },
  fresh: { entitiesF1: 0.843, relationsF1: 0.391, stakesFound: 3, stakePercentRight: 2 },
};
const MARGIN = 0.03;

describe.each(['test', 'fresh'] as const)('the NLP extractor on the held-out %s split', (name) => {
  let result: SetScore;
  const measured = MEASURED[name];

  it('annotates every story through CoreNLP and scores it', async () => {
    // no cache: every story goes through the real server
    const extractor = nlpExtractor(createNlpClient({ uri: testNlpUri(), concurrency: 2 }));
    result = await scoreWith(extractor, await loadEvalSet(name));
    expect(result.stories).toBeGreaterThanOrEqual(25);
  }, 300_000);

  it(`keeps entity F1 at or above ${MARGIN} below the measured value`, () => {
    expect(result.entities.f).toBeGreaterThanOrEqual(measured.entitiesF1 - MARGIN);
  });

  it(`keeps relation F1 at or above ${MARGIN} below the measured value`, () => {
    expect(result.relations.f).toBeGreaterThanOrEqual(measured.relationsF1 - MARGIN);
  });

  it('finds nearly as many stated ownership stakes, with their percent', () => {
    expect(result.stakes.found).toBeGreaterThanOrEqual(measured.stakesFound - 1);
    expect(result.stakes.percentRight).toBeGreaterThanOrEqual(measured.stakePercentRight - 1);
  });
});
