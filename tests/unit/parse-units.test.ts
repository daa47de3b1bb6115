import { describe, expect, it } from 'vitest';
import type { Story } from '../../model/types.js';
import { canonicalOutlet, mergeStories, parseDate, parseSourceLine, splitOutletPrefix, storyId } from '../../seed/parse/index.js';

describe('parseDate', () => {
  it.each([
    ['January 2, 2026', '2026-01-02'],
    ['Source: CNA, December 26, 2025', '2025-12-26'],
    ['Jan. 5, 2026', '2026-01-05'],
    ['Sept. 30, 2024', '2024-09-30'],
    ['Dec 1 2025', '2025-12-01'],
    ['2 January 2026', '2026-01-02'],
    ['14 Feb. 2025', '2025-02-14'],
    ['March 1st, 2026', '2026-03-01'],
    ['2025-12-23', '2025-12-23'],
    ['February 29, 2024', '2024-02-29'],
  ])('%s → %s', (text, iso) => {
    expect(parseDate(text)).toBe(iso);
  });

  it.each(['', 'no date here', 'February 30, 2025', 'February 29, 2025', 'Dec 15 (Reuters)', '2025-13-01', 'Smarch 3, 2025'])(
    '%j → null',
    (text) => {
      expect(parseDate(text)).toBeNull();
    },
  );
});

describe('storyId', () => {
  it('is story: + 16 hex and stable', () => {
    const id = storyId('A title', 'A body.');
    expect(id).toMatch(/^story:[0-9a-f]{16}$/);
    expect(storyId('A title', 'A body.')).toBe(id);
  });

  it('ignores case, whitespace, curly quotes and unicode forms', () => {
    const id = storyId('China’s “big V” accounts', 'Line one.\n\nLine  two.');
    expect(storyId("china's \"BIG V\" accounts", 'Line one. Line two.')).toBe(id);
    expect(storyId('  China’s\u00a0“big V” accounts ', 'Line one.\r\n\r\nLine\ttwo.  ')).toBe(id);
    // NFKC: full-width letters and the "ﬁ" ligature
    expect(storyId('Ｆile', 'ﬁle')).toBe(storyId('file', 'file'));
  });

  it('differs when the text differs', () => {
    expect(storyId('A', 'B')).not.toBe(storyId('A', 'C'));
    expect(storyId('A B', '')).not.toBe(storyId('A', 'B'));
  });
});

describe('mergeStories', () => {
  const base: Story = { id: 'story:1', title: 't', body: 'b', outlet: null, published: null, url: null, pages: ['b.txt'], layout: 'generic' };

  it('unites pages (sorted, unique) and fills missing fields from later copies', () => {
    const merged = mergeStories([
      base,
      { ...base, pages: ['a.txt'], outlet: 'X', url: 'https://x' },
      { ...base, pages: ['b.txt'], outlet: 'Y' },
      { ...base, id: 'story:2', pages: ['c.txt'] },
    ]);
    expect(merged).toHaveLength(2);
    expect(merged[0]).toMatchObject({ id: 'story:1', pages: ['a.txt', 'b.txt'], outlet: 'X', url: 'https://x' });
    expect(merged[1]?.id).toBe('story:2');
  });

  it('does not modify its input', () => {
    const input = [base, { ...base, pages: ['a.txt'] }];
    mergeStories(input);
    expect(input[0]?.pages).toEqual(['b.txt']);
  });
});

describe('Source lines and outlet prefixes', () => {
  it('reads several outlets, a date and a URL', () => {
    expect(parseSourceLine('Source: Reuters; Nikkei Asia, Jan. 5, 2026 https://example.org/x')).toEqual({
      outlets: ['Reuters', 'Nikkei Asia'],
      published: '2026-01-05',
      url: 'https://example.org/x',
    });
    expect(parseSourceLine('Source: Central News Agency (Taiwan), December 20, 2025')).toEqual({
      outlets: ['Central News Agency (Taiwan)'],
      published: '2025-12-20',
      url: null,
    });
    expect(parseSourceLine('Source: LTN')).toEqual({ outlets: ['Liberty Times Net'], published: null, url: null });
    expect(parseSourceLine('Source:')).toEqual({ outlets: [], published: null, url: null });
  });

  it('maps abbreviations through the data table', () => {
    expect(canonicalOutlet('LTN')).toBe('Liberty Times Net');
    expect(canonicalOutlet('cna')).toBe('Central News Agency');
    expect(canonicalOutlet('Valdoria Herald')).toBe('Valdoria Herald');
  });

  it('strips only prefixes that are outlets', () => {
    expect(splitOutletPrefix('LTN: Russia Suspected')).toEqual({ title: 'Russia Suspected', outlet: 'Liberty Times Net' });
    expect(splitOutletPrefix('Leaked Report: CCP Shifts')).toEqual({ title: 'Leaked Report: CCP Shifts', outlet: null });
    expect(splitOutletPrefix('NATO: Allies Meet')).toEqual({ title: 'NATO: Allies Meet', outlet: null });
    // an unknown abbreviation counts when the story spells it out as an outlet
    expect(splitOutletPrefix('KTN: Port Reopens', 'The Kestrel Times Network (KTN) said the port reopened.')).toEqual({
      title: 'Port Reopens',
      outlet: 'The Kestrel Times Network',
    });
    expect(splitOutletPrefix('ABCD: Port Reopens', '', ['ABCD'])).toEqual({ title: 'Port Reopens', outlet: 'ABCD' });
  });
});
