/** buildRows bounds a story's evidence: repeats of one quote fold into one row, distinct quotes per fact are capped. */
import { describe, expect, it } from 'vitest';
import { extractStory } from '../../seed/extract/index.js';
import { storyFromInput } from '../../seed/parse/index.js';
import { buildRows, MAX_EVIDENCE_PER_FACT_PER_STORY } from '../../seed/load/rows.js';
import { factKey } from '../../seed/load/keys.js';

const KEY = factKey('TRADES_WITH', 'country:CHN', 'country:RUS');
const rowsOf = (title: string, body: string) => {
  const story = storyFromInput({ title, body }, 'test.json')!;
  return { story, rows: buildRows([story], [extractStory(story)]) };
};

describe('buildRows: evidence per fact per story', () => {
  it('folds one sentence stated a thousand times into one row with its count and first offsets', () => {
    const sentence = 'Trade between China and Russia reached 244.8 billion dollars in 2024.';
    const { story, rows } = rowsOf('Repeated', `Intro text here. ${Array(1000).fill(sentence).join(' ')}`);
    const trade = rows.evidence.filter((r) => r.relKey === KEY);
    expect(trade).toHaveLength(1);
    expect(trade[0]!.occurrences).toBe(1000);
    expect(trade[0]!.start).toBe(story.body.indexOf(sentence));
    expect(story.body.slice(trade[0]!.start, trade[0]!.end)).toBe(sentence);
  });

  it('keeps at most MAX_EVIDENCE_PER_FACT_PER_STORY distinct quotes of one fact, each with its own count', () => {
    const sentences = Array.from({ length: 3 * MAX_EVIDENCE_PER_FACT_PER_STORY }, (_, i) => `Trade between China and Russia reached ${100 + i} billion dollars in 2024.`);
    const { story, rows } = rowsOf('Many quotes', [...sentences, ...sentences].join(' '));
    const trade = rows.evidence.filter((r) => r.relKey === KEY);
    expect(trade).toHaveLength(MAX_EVIDENCE_PER_FACT_PER_STORY);
    // The first ones in the text are kept, each stated twice.
    expect(trade.map((r) => r.quote)).toEqual(sentences.slice(0, MAX_EVIDENCE_PER_FACT_PER_STORY));
    for (const r of trade) {
      expect(r.occurrences).toBe(2);
      expect(story.body.slice(r.start, r.end)).toBe(r.quote);
    }
    expect(new Set(trade.map((r) => r.id)).size).toBe(trade.length);
  });

  it('leaves a story without repeats as it was: one row per quote, occurrences 1', () => {
    const { rows } = rowsOf('Plain', 'Trade between China and Russia reached 100 billion dollars in 2023. Trade between China and Russia reached 244.8 billion dollars in 2024.');
    const trade = rows.evidence.filter((r) => r.relKey === KEY);
    expect(trade.map((r) => r.occurrences)).toEqual([1, 1]);
  });
});
