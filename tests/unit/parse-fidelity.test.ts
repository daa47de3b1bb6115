/** Text pages: parsers split lines and trim their edges, but keep every character inside the lines they keep. */
import { describe, expect, it } from 'vitest';
import { parseTextPage } from '../../seed/parse/page.js';
import { extractStory } from '../../seed/extract/index.js';

describe('text pages keep the characters of the lines they keep', () => {
  it('generic page: tabs, nbsp, double spaces and U+2028 inside the title and body stay', () => {
    const title = 'Headline\u00a0with  two spaces\u2028and a line separator';
    const para1 = 'Trade between China and Russia reached 244.8\u00a0billion dollars in 2024, with a\ttab and  a double space.';
    const para2 = 'A second paragraph\u2009with a thin space and a zero\u200bwidth one.';
    const [story] = parseTextPage('page.txt', `  ${title}  \n\n\t${para1}\t\n\n${para2}\n`);
    expect(story!.title).toBe(title);
    expect(story!.body).toBe(`${para1}\n\n${para2}`);
    for (const f of extractStory(story!).facts) expect(story!.body.slice(f.evidence.start, f.evidence.end)).toBe(f.evidence.quote);
  });

  it('source-line page: the outlet prefix is split off, the rest of the headline kept as written', () => {
    const page = [
      'Reuters:\u00a0China  and Russia expand\ttrade',
      'Trade between China and Russia reached 244.8\u00a0billion dollars in 2024, customs data showed on Monday.',
      'Source: Reuters, January 6, 2025',
      '',
    ].join('\n');
    const [story] = parseTextPage('page.txt', page);
    expect(story!.layout).toBe('source-line');
    expect(story!.title).toBe('China  and Russia expand\ttrade');
    expect(story!.outlet).toBe('Reuters');
    expect(story!.body).toBe('Trade between China and Russia reached 244.8\u00a0billion dollars in 2024, customs data showed on Monday.');
  });
});
