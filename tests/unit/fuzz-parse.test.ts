/** Property tests: the parsers, on random and mutated pages, never throw and return well-formed stories. */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StorySchema } from '../../model/types.js';
import { parseFile, parsePage } from '../../seed/parse/index.js';

const dataDir = path.resolve('seed/data');
const pages = readdirSync(dataDir).map((f) => readFileSync(path.join(dataDir, f), 'utf8'));

/** A mutation of a real page: slices removed, lines shuffled in, random text spliced in. */
const mutatedPage = fc
  .tuple(fc.constantFrom(...pages), fc.array(fc.tuple(fc.nat(), fc.nat({ max: 400 }), fc.string({ unit: 'grapheme', maxLength: 60 })), { maxLength: 8 }))
  .map(([page, edits]) =>
    edits.reduce((text, [at, cut, insert]) => {
      const i = at % (text.length + 1);
      return text.slice(0, i) + insert + text.slice(i + cut);
    }, page),
  );

const pageLike = fc
  .array(
    fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 120 }),
      fc.constantFrom('Source: Reuters, January 2, 2026', 'Important Takeaways:', '  • a bullet', 'Read More »', 'Scroll to Top', 'Newswire', 'By Jane Doe', 'LONDON (Reuters) -', '', 'https://x.y/z'),
    ),
    { maxLength: 40 },
  )
  .map((lines) => lines.join('\n'));

function wellFormed(text: string): void {
  const stories = parsePage('fuzz.txt', text);
  for (const story of stories) {
    expect(StorySchema.safeParse(story).success).toBe(true);
    expect(story.title.trim()).not.toBe('');
    expect(story.pages).toEqual(['fuzz.txt']);
  }
}

describe('parsers under fuzzing', () => {
  it('never throw on arbitrary text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 2000 }), (text) => wellFormed(text)), { numRuns: 300 });
  });
  it('never throw on page-like line soup', () => {
    fc.assert(fc.property(pageLike, (text) => wellFormed(text)), { numRuns: 300 });
  });
  it('never throw on mutated real pages', () => {
    fc.assert(fc.property(mutatedPage, (text) => wellFormed(text)), { numRuns: 150 });
  });
  it('parseFile turns arbitrary bytes into stories or a clear error, never a throw', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), fc.constantFrom('x.txt', 'x.json', 'x.ndjson'), (bytes, name) => {
        const result = parseFile(name, Buffer.from(bytes));
        for (const error of result.errors) expect(error.message.length).toBeGreaterThan(0);
        for (const story of result.stories) expect(StorySchema.safeParse(story).success).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
