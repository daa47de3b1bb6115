/**
 * The parsers never throw, always return valid Story values, and stay linear: random text, mutated
 * sample pages and pathological lines (long runs that trip backtracking regexes).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { StorySchema, type Story } from '../../model/types.js';
import { rng } from '../../bench/rng.js';
import {
  detectLayout,
  parseFile,
  parseGenericPage,
  parseNewswirePage,
  parsePage,
  parseSourceLinePage,
  parseTakeawaysPage,
} from '../../seed/parse/index.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PAGES = [path.join(ROOT, 'seed/data'), path.join(ROOT, 'tests/fixtures/pages')].flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => readFileSync(path.join(dir, f), 'utf8')),
);


const PIECES = [
  'Source:', 'Source: LTN, December 22, 2025', 'https://x.org/a', 'Read More »', ' Read More »', 'Important Takeaways:',
  '  • ', 'Read the original article by clicking here.', 'MOSCOW (Reuters) -', '(Reporting by A; Editing by B)', 'By Jane',
  'Skip to content', 'Scroll to Top', 'Newswire', 'X - 6. page', '\u00a0', '\r\n', '\n', '\n\n', ' ', ':', '(', ')', '“', '”',
  '’', '»', '…', 'LTN: ', 'CNA: ', 'Revelations 6:3-4 “', 'January 2, 2026', '2 Jan 2026', '\u0000', '\ufeff', '\u200b',
  '𝕏', 'é', 'A', 'the', 'Title Case Words', 'A sentence that ends here.', '{', '}', '[', ']', '"', '\t', '-', '–',
];

function randomText(next: () => number, parts: number): string {
  let s = '';
  for (let i = 0; i < parts; i++) {
    const r = next();
    if (r < 0.7) s += PIECES[Math.floor(next() * PIECES.length)] ?? '';
    else if (r < 0.85) s += String.fromCharCode(Math.floor(next() * 0xd7ff));
    else s += 'word '.repeat(Math.floor(next() * 30));
  }
  return s;
}

function mutate(page: string, next: () => number): string {
  const lines = page.split('\n');
  const ops = 1 + Math.floor(next() * 12);
  for (let k = 0; k < ops; k++) {
    const i = Math.floor(next() * lines.length);
    const r = next();
    if (r < 0.2) lines.splice(i, 1);
    else if (r < 0.35) lines.splice(i, 0, lines[Math.floor(next() * lines.length)] ?? '');
    else if (r < 0.5) lines[i] = (lines[i] ?? '').slice(0, Math.floor(next() * (lines[i] ?? '').length));
    else if (r < 0.65) lines[i] = PIECES[Math.floor(next() * PIECES.length)] ?? '';
    else if (r < 0.8) {
      const j = Math.floor(next() * lines.length);
      const t = lines[i] ?? '';
      lines[i] = lines[j] ?? '';
      lines[j] = t;
    } else lines[i] = `${lines[i] ?? ''}${randomText(next, 3)}`;
  }
  const text = lines.join('\n');
  // sometimes cut the page off anywhere
  return next() < 0.3 ? text.slice(0, Math.floor(next() * text.length)) : text;
}

function checkStories(stories: Story[]): void {
  for (const s of stories) {
    const r = StorySchema.safeParse(s);
    if (!r.success) throw new Error(`invalid story ${JSON.stringify(s).slice(0, 300)}: ${r.error.message}`);
    expect(s.title.trim()).not.toBe('');
    expect(s.id).toMatch(/^story:[0-9a-f]{16}$/);
  }
}

const PARSERS = [parseSourceLinePage, parseTakeawaysPage, parseNewswirePage, parseGenericPage];

describe('fuzz: the parsers never throw and return valid stories', () => {
  it('on random text', () => {
    const next = rng(1);
    for (let n = 0; n < 400; n++) {
      const text = randomText(next, 1 + Math.floor(next() * 80));
      checkStories(parsePage('fuzz.txt', text));
      for (const parse of PARSERS) checkStories(parse(text, 'fuzz.txt'));
      detectLayout(text);
    }
  });

  it('on mutated and truncated sample pages', () => {
    const next = rng(2);
    for (let n = 0; n < 300; n++) {
      const base = PAGES[n % PAGES.length] ?? '';
      const text = mutate(base, next);
      checkStories(parsePage('mut.txt', text));
      for (const parse of PARSERS) checkStories(parse(text, 'mut.txt'));
    }
  });

  it('on random bytes given to parseFile and on random JSON', () => {
    const next = rng(3);
    for (let n = 0; n < 200; n++) {
      const bytes = Uint8Array.from({ length: Math.floor(next() * 300) }, () => Math.floor(next() * 256));
      for (const name of ['r.txt', 'r.json', 'r.ndjson']) {
        const r = parseFile(name, bytes);
        checkStories(r.stories);
        for (const e of r.errors) expect(e.message).toContain(name);
      }
      const json = randomText(next, 20);
      checkStories(parsePage('j.json', json));
      checkStories(parsePage('j.ndjson', json));
    }
    checkStories(parsePage('odd.json', '[null, 1, "x", {"title": {"a": 1}, "body": []}, {"title": "ok", "body": "ok"}]'));
    checkStories(parsePage('odd.json', 'null'));
  });
});

describe('speed: linear on large and pathological input', () => {
  function timed(fn: () => void): number {
    const t0 = performance.now();
    fn();
    return performance.now() - t0;
  }

  it('parses ~3,000 story blocks in well under the time budget', () => {
    const big = PAGES.join('\n\n').repeat(80);
    let count = 0;
    const ms = timed(() => {
      for (const parse of PARSERS) count += parse(big, 'big.txt').length;
      count += parsePage('big.txt', big).length;
    });
    expect(count).toBeGreaterThan(1000);
    expect(ms).toBeLessThan(15_000);
  });

  const N = 200_000;
  const patho: Array<[string, string]> = [
    ['one long line of spaces', `A${' '.repeat(N)}B`],
    ['one long line of arrows', `${'> '.repeat(N)}x`],
    ['dashes and colons', `Source: ${'-'.repeat(N)}x`],
    ['colons', ':'.repeat(N)],
    ['parentheses', `${'('.repeat(N)}Reuters) -`],
    ['month names', 'January '.repeat(N / 8)],
    ['digits', '1 '.repeat(N)],
    ['dots', `${'.'.repeat(N)}a`],
    ['bullets', '• '.repeat(N)],
    ['many short lines', 'a b\n'.repeat(N / 4)],
    ['many Source lines', 'Source: x, y, z\n'.repeat(N / 16)],
    ['many Read More lines', 'T Read More »\n'.repeat(N / 14)],
    ['many takeaways headers', 'Important Takeaways:\n'.repeat(N / 20)],
    ['many datelines', 'T\nX (Reuters) - y\n'.repeat(N / 16)],
    ['long Read More line', `${'» '.repeat(500)}Read More »`],
    ['long Source line of separators', `Source: ${', '.repeat(290)}x`],
  ];
  for (const [what, text] of patho) {
    it(`stays fast on ${what}`, () => {
      const ms = timed(() => {
        for (const parse of PARSERS) checkStories(parse(text, 'p.txt'));
        checkStories(parsePage('p.txt', text));
      });
      expect(ms).toBeLessThan(3_000);
    });
  }
});
