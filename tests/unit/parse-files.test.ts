import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StorySchema } from '../../model/types.js';
import { listCorpusFiles, MAX_FILE_BYTES, parseFile, parsePage, readCorpus } from '../../seed/parse/index.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DATA = path.join(ROOT, 'seed/data');
const GOOD_PAGE = '000_4ac68685e0fd86c7.txt';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

const RECORD = { title: 'Envoy meets minister', body: 'The envoy met the minister on Monday.', outlet: 'Valdoria Herald', published: 'March 3, 2025', url: 'https://example.org/a' };

describe('parseFile: rejected inputs name the file', () => {
  const cases: Array<[string, string, Uint8Array, RegExp]> = [
    ['empty', 'empty.txt', new Uint8Array(0), /empty/],
    ['whitespace only', 'blank.txt', enc(' \n\t\n'), /empty/],
    ['binary (NUL bytes)', 'blob.txt', Uint8Array.from([0x48, 0x69, 0x00, 0x01, 0x02, 0x48, 0x69]), /binary/],
    ['binary (control bytes)', 'noise.txt', Uint8Array.from({ length: 400 }, (_, i) => (i % 3 === 0 ? 0x41 : (i % 30) + 1)), /binary/],
    ['PNG', 'image.txt', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x41]), /binary.*PNG/],
    ['non-UTF-8 (Latin-1)', 'latin1.txt', Uint8Array.from([...enc('Caf'), 0xe9, ...enc(' au lait\n\nsome text here.')]), /not valid UTF-8.*offset 3/],
    ['UTF-16', 'utf16.txt', Uint8Array.from([0xff, 0xfe, 0x41, 0x00]), /UTF-16/],
    ['truncated JSON', 'cut.json', enc(JSON.stringify([RECORD, RECORD]).slice(0, 90)), /truncated/],
    ['malformed JSON', 'bad.json', enc('[{"title": "a", "body": "b"} {"title": "c"}]'), /invalid JSON at line 1/],
    ['empty JSON array', 'none.json', enc('[]'), /no stories/],
    ['text page with no story', 'cut.txt', enc('Skip to content\n\nScroll to Top\n'), /no stories found/],
  ];
  for (const [what, name, bytes, pattern] of cases) {
    it(`rejects ${what}`, () => {
      const r = parseFile(name, bytes);
      expect(r.stories).toEqual([]);
      expect(r.errors).toHaveLength(1);
      expect(r.errors[0]?.file).toBe(name);
      expect(r.errors[0]?.message).toContain(name);
      expect(r.errors[0]?.message).toMatch(pattern);
    });
  }

  it('rejects a file over the size limit (an exported constant)', () => {
    expect(MAX_FILE_BYTES).toBe(5 * 1024 * 1024);
    const r = parseFile('big.txt', new Uint8Array(MAX_FILE_BYTES + 1).fill(0x61));
    expect(r.errors[0]?.message).toMatch(/big\.txt: file too large/);
    expect(parseFile('small.txt', enc('Title\n\nBody text here.'), { maxBytes: 5 }).errors[0]?.message).toMatch(/too large/);
  });

  it('strips a UTF-8 BOM and normalises CRLF', () => {
    const text = 'Headline of a story\r\n\r\nThe body of the story is here.\r\n';
    const r = parseFile('bom.txt', Uint8Array.from([0xef, 0xbb, 0xbf, ...enc(text)]));
    expect(r.errors).toEqual([]);
    expect(r.stories[0]?.title).toBe('Headline of a story');
    expect(r.stories[0]?.body).toBe('The body of the story is here.');
    expect(r.stories[0]?.id).toBe(parseFile('plain.txt', enc('Headline of a story\n\nThe body of the story is here.')).stories[0]?.id);
  });
});

describe('JSON and NDJSON input', () => {
  it('reads an array of records', () => {
    const r = parseFile('a.json', enc(JSON.stringify([RECORD, { title: 'Second', body: 'Another body.' }])));
    expect(r.errors).toEqual([]);
    expect(r.stories).toHaveLength(2);
    expect(r.stories[0]).toMatchObject({
      title: 'Envoy meets minister',
      outlet: 'Valdoria Herald',
      published: '2025-03-03',
      url: 'https://example.org/a',
      layout: 'json',
      pages: ['a.json'],
    });
    expect(r.stories[1]).toMatchObject({ outlet: null, published: null, url: null });
    for (const s of r.stories) expect(StorySchema.safeParse(s).success).toBe(true);
  });

  it('reads a single object and {stories: [...]}', () => {
    expect(parseFile('one.json', enc(JSON.stringify(RECORD))).stories).toHaveLength(1);
    expect(parseFile('wrap.json', enc(JSON.stringify({ stories: [RECORD] }))).stories).toHaveLength(1);
  });

  it('names the index of an invalid record and keeps the valid ones', () => {
    const r = parseFile('mixed.json', enc(JSON.stringify([RECORD, { title: '', body: 'x' }, { title: 'No body' }, RECORD])));
    expect(r.stories).toHaveLength(2);
    expect(r.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/^mixed\.json \[index 1\]: invalid story: title/),
      expect.stringMatching(/^mixed\.json \[index 2\]: invalid story: body/),
    ]);
  });

  it('reads NDJSON one record per line and names the bad line', () => {
    const text = [JSON.stringify(RECORD), '', '{"title": 5, "body": "x"}', 'not json', JSON.stringify({ title: 'Last', body: 'Last body.' })].join('\n');
    const r = parseFile('feed.ndjson', enc(text));
    expect(r.stories.map((s) => s.title)).toEqual(['Envoy meets minister', 'Last']);
    expect(r.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/^feed\.ndjson line 3: invalid story: title/),
      expect.stringMatching(/^feed\.ndjson line 4: invalid JSON/),
    ]);
    expect(parseFile('feed.jsonl', enc(text)).stories).toHaveLength(2);
  });

  it('reports an NDJSON file cut off in its last record', () => {
    const text = `${JSON.stringify(RECORD)}\n${JSON.stringify(RECORD).slice(0, 30)}`;
    const r = parseFile('cut.ndjson', enc(text));
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]?.message).toMatch(/^cut\.ndjson line 2: truncated/);
  });

  it('parsePage reads JSON by extension and never throws on bad JSON', () => {
    expect(parsePage('p.json', JSON.stringify([RECORD]))).toHaveLength(1);
    expect(parsePage('p.json', '[{"title": "a",')).toEqual([]);
    expect(parsePage('p.ndjson', '{"title":"a","body":"b"}\n{')).toHaveLength(1);
  });

  it('gives a JSON story and the same text story one id, so they merge', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'parse-json-'));
    try {
      writeFileSync(path.join(dir, 'a.txt'), 'Envoy meets minister\n\nThe envoy met the minister on Monday.\n');
      writeFileSync(path.join(dir, 'b.json'), JSON.stringify([{ title: 'Envoy  meets minister', body: 'The envoy met   the minister on Monday.' }]));
      const { stories, errors } = await readCorpus(await listCorpusFiles(dir));
      expect(errors).toEqual([]);
      expect(stories).toHaveLength(1);
      expect(stories[0]?.pages).toEqual(['a.txt', 'b.json']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('readCorpus: bad files are reported and skipped, good files still load', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'parse-corpus-'));
    copyFileSync(path.join(DATA, GOOD_PAGE), path.join(dir, GOOD_PAGE));
    writeFileSync(path.join(dir, 'good.ndjson'), `${JSON.stringify(RECORD)}\n`);
    writeFileSync(path.join(dir, 'empty.txt'), '');
    writeFileSync(path.join(dir, 'binary.txt'), Buffer.from([0x00, 0x01, 0x02, 0x03, 0xff]));
    writeFileSync(path.join(dir, 'latin1.txt'), Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x0a]));
    writeFileSync(path.join(dir, 'truncated.json'), JSON.stringify([RECORD, RECORD]).slice(0, 100));
    writeFileSync(path.join(dir, 'oversized.txt'), Buffer.alloc(MAX_FILE_BYTES + 10, 0x61));
    writeFileSync(path.join(dir, 'notes.md'), 'not a corpus file');
    writeFileSync(path.join(dir, '.hidden.txt'), 'hidden');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('lists only corpus extensions, sorted, without hidden files', async () => {
    const files = (await listCorpusFiles(dir)).map((f) => path.basename(f));
    expect(files).toEqual([GOOD_PAGE, 'binary.txt', 'empty.txt', 'good.ndjson', 'latin1.txt', 'oversized.txt', 'truncated.json']);
  });

  it('loads the good files and names each bad one', async () => {
    const { stories, errors } = await readCorpus(await listCorpusFiles(dir));
    expect(stories).toHaveLength(9);
    expect(errors.map((e) => e.file).sort()).toEqual(['binary.txt', 'empty.txt', 'latin1.txt', 'oversized.txt', 'truncated.json']);
    const msg = (file: string): string => errors.find((e) => e.file === file)?.message ?? '';
    expect(msg('binary.txt')).toMatch(/binary/);
    expect(msg('empty.txt')).toMatch(/empty/);
    expect(msg('latin1.txt')).toMatch(/UTF-8/);
    expect(msg('oversized.txt')).toMatch(/too large/);
    expect(msg('truncated.json')).toMatch(/truncated/);
  });

  it('reports a missing file instead of throwing', async () => {
    const { errors } = await readCorpus([path.join(dir, 'missing.txt')]);
    expect(errors).toEqual([{ file: 'missing.txt', message: expect.stringMatching(/missing\.txt: cannot read \(ENOENT\)/) }]);
  });
});
