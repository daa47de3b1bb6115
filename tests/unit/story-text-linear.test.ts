/** Highlighting a story is linear in its text: a 1.5 MB story naming one country 150,000 times renders in well under a second. */
import { describe, expect, it } from 'vitest';
import { findMentions, segments } from '../../client/src/panels/story-text.js';

describe('story highlighting on a huge repetitive story', () => {
  it('finds every mention and cuts segments that rebuild the text, fast', () => {
    const sentence = 'Trade between China and Russia grew. ';
    const body = sentence.repeat(Math.ceil(1_500_000 / sentence.length));
    const repeats = body.length / sentence.length;
    const entities = [
      { id: 'country:CHN', type: 'Country', names: ['China', 'Chin'] },
      { id: 'country:RUS', type: 'Country', names: ['Russia'] },
    ];
    const started = performance.now();
    const mentions = findMentions(body, entities);
    const quotes = [{ start: 0, end: sentence.length - 1 }, { start: 5, end: 20 }];
    const segs = segments(body, quotes, mentions);
    const ms = performance.now() - started;
    expect(mentions).toHaveLength(2 * repeats);
    expect(segs.map((s) => s.text).join('')).toBe(body);
    expect(segs.filter((s) => s.entity?.id === 'country:CHN')).toHaveLength(repeats);
    // Overlapping quotes: everything inside either is marked, nothing after.
    expect(segs.filter((s) => s.quote).map((s) => s.text).join('')).toBe(sentence.slice(0, -1));
    expect(ms).toBeLessThan(1_500);
  });
});
