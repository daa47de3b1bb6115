/**
 * Reading corpus files as bytes and turning them into stories. A file that cannot be used is
 * rejected with a message naming it and skipped; the other files still load:
 *   empty, oversized (> MAX_FILE_BYTES), binary (NUL bytes, mostly control characters, known magic numbers),
 *   not UTF-8, truncated (JSON ending mid-record; a text page that yields no story).
 * A UTF-8 BOM is stripped and CRLF / CR line endings become LF.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Story } from '../../model/types.js';
import { parseJsonFile, parseNdjsonFile, type ParseError, type ParseResult } from './json.js';
import { mergeStories } from './merge.js';
import { parseTextPage } from './page.js';
import { normaliseNewlines } from './text.js';

/** Largest file accepted, in bytes (5 MB). */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** File extensions read as corpus files. */
export const CORPUS_EXTENSIONS: readonly string[] = ['.txt', '.json', '.ndjson', '.jsonl'];

export interface ReadOptions {
  /** Override MAX_FILE_BYTES (tests, or a deliberate big import). */
  maxBytes?: number;
}

export type { ParseError, ParseResult };

const MAGIC: Array<[string, number[]]> = [
  ['PDF', [0x25, 0x50, 0x44, 0x46]],
  ['PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['JPEG image', [0xff, 0xd8, 0xff]],
  ['GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['ZIP archive', [0x50, 0x4b, 0x03, 0x04]],
  ['gzip archive', [0x1f, 0x8b]],
];

function startsWith(buf: Uint8Array, bytes: number[]): boolean {
  return bytes.length <= buf.length && bytes.every((b, i) => buf[i] === b);
}

/** Share of control bytes (other than tab, LF, CR, FF, VT, ESC) in the first 64 kB. */
function controlRatio(buf: Uint8Array): number {
  const n = Math.min(buf.length, 65536);
  if (n === 0) return 0;
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const b = buf[i] ?? 0;
    if ((b < 0x20 && b !== 9 && b !== 10 && b !== 13 && b !== 12 && b !== 11 && b !== 27) || b === 0x7f) bad++;
  }
  return bad / n;
}

/** Offset of the first byte that breaks UTF-8, for the error message. */
function firstInvalidUtf8(buf: Uint8Array): number {
  let i = 0;
  while (i < buf.length) {
    const b = buf[i] ?? 0;
    let need = 0;
    if (b < 0x80) need = 0;
    else if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) need = 2;
    else if (b >= 0xf0 && b <= 0xf4) need = 3;
    else return i;
    for (let k = 1; k <= need; k++) {
      const c = buf[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return -1;
}

function extension(name: string): string {
  return path.extname(name).toLowerCase();
}

/**
 * Decode and check one file's bytes. Returns the text, or an error message naming the file.
 */
export function decodeFile(name: string, bytes: Uint8Array, options: ReadOptions = {}): { text: string } | { error: string } {
  const max = options.maxBytes ?? MAX_FILE_BYTES;
  if (bytes.length === 0) return { error: `${name}: empty file` };
  if (bytes.length > max) return { error: `${name}: file too large (${bytes.length} bytes; the limit is ${max})` };
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    return { error: `${name}: UTF-16 text is not supported; save the file as UTF-8` };
  }
  for (const [kind, magic] of MAGIC) {
    if (startsWith(bytes, magic)) return { error: `${name}: binary file (${kind}), not a text page` };
  }
  if (bytes.includes(0)) return { error: `${name}: binary file (contains NUL bytes), not a text page` };
  if (controlRatio(bytes) > 0.1) return { error: `${name}: binary file (mostly non-text bytes), not a text page` };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    return { error: `${name}: not valid UTF-8${at >= 0 ? ` (first bad byte at offset ${at})` : ''}; save the file as UTF-8` };
  }
  text = normaliseNewlines(text);
  if (text.trim() === '') return { error: `${name}: empty file (only whitespace)` };
  return { text };
}

/**
 * Parse one file's bytes into stories (not merged across files). `name` is the page name recorded
 * in `Story.pages`; its extension chooses JSON (.json), NDJSON (.ndjson, .jsonl) or a text page.
 */
export function parseFile(name: string, bytes: Uint8Array, options: ReadOptions = {}): ParseResult {
  const decoded = decodeFile(name, bytes, options);
  if ('error' in decoded) return { stories: [], errors: [{ file: name, message: decoded.error }] };
  const { text } = decoded;
  const ext = extension(name);
  if (ext === '.json') return parseJsonFile(name, text);
  if (ext === '.ndjson' || ext === '.jsonl') return parseNdjsonFile(name, text);
  const stories = parseTextPage(name, text);
  if (stories.length === 0) {
    return { stories, errors: [{ file: name, message: `${name}: no stories found (truncated or unrecognised page)` }] };
  }
  return { stories, errors: [] };
}

/**
 * Read and parse corpus files; repeated stories are merged (one Story, every page listed).
 * Unreadable or bad files are reported in `errors` and skipped.
 */
export async function readCorpus(paths: readonly string[], options: ReadOptions = {}): Promise<{ stories: Story[]; errors: ParseError[] }> {
  const max = options.maxBytes ?? MAX_FILE_BYTES;
  const all: Story[] = [];
  const errors: ParseError[] = [];
  for (const p of paths) {
    const name = path.basename(p);
    try {
      const info = await stat(p);
      if (!info.isFile()) {
        errors.push({ file: name, message: `${name}: not a regular file` });
        continue;
      }
      // refuse before reading a huge file into memory
      if (info.size > max) {
        errors.push({ file: name, message: `${name}: file too large (${info.size} bytes; the limit is ${max})` });
        continue;
      }
      const bytes = await readFile(p);
      const result = parseFile(name, bytes, options);
      all.push(...result.stories);
      errors.push(...result.errors);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      errors.push({ file: name, message: `${name}: cannot read (${code ?? (error instanceof Error ? error.message : String(error))})` });
    }
  }
  return { stories: mergeStories(all), errors };
}

/** The corpus files (.txt, .json, .ndjson, .jsonl) in a directory, sorted by name, as full paths. */
export async function listCorpusFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && !e.name.startsWith('.') && CORPUS_EXTENSIONS.includes(extension(e.name)))
    .map((e) => e.name)
    .sort()
    .map((n) => path.join(dir, n));
}
