/**
 * JSON and NDJSON story files. Records are `{title, body, outlet?, published?, url?}` checked by
 * StoryInputSchema. A .json file holds an array of records (or one record, or `{stories: [...]}`);
 * an .ndjson / .jsonl file holds one record per line. A bad record is reported with the file and its
 * index or line number, and the good records still load. A file cut off mid-record is rejected whole.
 */
import { StoryInputSchema, type Story, type StoryInput } from '../../model/types.js';
import { parseDate } from './dates.js';
import { makeStory } from './story.js';

export interface ParseError {
  file: string;
  message: string;
}

export interface ParseResult {
  stories: Story[];
  errors: ParseError[];
}

/** At most this many record errors are listed per file; the rest are counted in one more message. */
export const MAX_ERRORS_PER_FILE = 50;

function capErrors(out: ParseResult, file: string): ParseResult {
  if (out.errors.length <= MAX_ERRORS_PER_FILE) return out;
  const more = out.errors.length - MAX_ERRORS_PER_FILE;
  out.errors = [...out.errors.slice(0, MAX_ERRORS_PER_FILE), { file, message: `${file}: … and ${more} more invalid records` }];
  return out;
}

/** A Story from a validated input record (also what POST /api/stories can use). */
export function storyFromInput(input: StoryInput, page: string): Story | null {
  return makeStory(
    {
      title: input.title,
      body: input.body,
      outlet: input.outlet ?? null,
      // "2026-01-02", "January 2, 2026", "2 Jan 2026" → ISO; unrecognised → null
      published: parseDate(input.published),
      url: input.url ?? null,
    },
    page,
    'json',
    1000,
    // Title and body exactly as sent: the schema already bounds the title's length.
    true,
  );
}

function describeIssues(error: { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }> }): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.map(String).join('.') || '(record)'}: ${i.message}`)
    .join('; ');
}

function validate(value: unknown, file: string, where: string, out: ParseResult): void {
  const parsed = StoryInputSchema.safeParse(value);
  if (!parsed.success) {
    out.errors.push({ file, message: `${file} ${where}: invalid story: ${describeIssues(parsed.error)}` });
    return;
  }
  const story = storyFromInput(parsed.data, file);
  if (story) out.stories.push(story);
}

/** Line and column of a character offset, for error messages. */
function lineCol(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let lastNl = -1;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lastNl = i;
    }
  }
  return { line, col: end - lastNl };
}

/** True when a JSON.parse failure means the text stops early (cut off), not that it is malformed. */
function looksTruncated(message: string, text: string): boolean {
  if (/unexpected end of json input|unterminated string/i.test(message)) return true;
  const m = /position (\d+)/.exec(message);
  return m !== null && Number(m[1]) >= text.trimEnd().length;
}

function jsonErrorMessage(file: string, text: string, error: unknown, where = ''): string {
  const message = error instanceof Error ? error.message : String(error);
  if (looksTruncated(message, text)) return `${file}${where}: truncated JSON: the text ends mid-record`;
  const m = /position (\d+)/.exec(message);
  const pos = m ? lineCol(text, Number(m[1])) : null;
  const at = pos ? ` at line ${pos.line}, column ${pos.col}` : '';
  return `${file}${where}: invalid JSON${at}: ${message.replace(/ in JSON at position \d+.*$/, '')}`;
}

/** Parse a .json file: an array of records, one record, or `{stories: [...]}`. */
export function parseJsonFile(file: string, text: string): ParseResult {
  const out: ParseResult = { stories: [], errors: [] };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    // a .json file that is really NDJSON (one object per line)
    const lines = text.split('\n').filter((l) => l.trim() !== '');
    if (lines.length > 1 && lines.every((l) => l.trimStart().startsWith('{'))) return parseNdjsonFile(file, text);
    out.errors.push({ file, message: jsonErrorMessage(file, text, error) });
    return out;
  }
  const records =
    Array.isArray(data) ? data
    : data !== null && typeof data === 'object' && Array.isArray((data as { stories?: unknown }).stories) ? (data as { stories: unknown[] }).stories
    : [data];
  if (records.length === 0) {
    out.errors.push({ file, message: `${file}: contains no stories (empty array)` });
    return out;
  }
  const single = !Array.isArray(data) && records.length === 1;
  records.forEach((record, index) => validate(record, file, single ? '(record)' : `[index ${index}]`, out));
  return capErrors(out, file);
}

/** Parse an .ndjson / .jsonl file: one record per line; blank lines are skipped. */
export function parseNdjsonFile(file: string, text: string): ParseResult {
  const out: ParseResult = { stories: [], errors: [] };
  const lines = text.split('\n');
  // the last line with text: if it fails to parse and the file does not end in a newline, it was cut off
  let lastNonEmpty = -1;
  for (let i = lines.length - 1; i >= 0; i--) {
    if ((lines[i] ?? '').trim() !== '') {
      lastNonEmpty = i;
      break;
    }
  }
  let records = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim();
    if (line === '') continue;
    records++;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const cutOff = i === lastNonEmpty && looksTruncated(message, line);
      out.errors.push({
        file,
        message: cutOff
          ? `${file} line ${i + 1}: truncated: the last record ends mid-record`
          : jsonErrorMessage(file, line, error, ` line ${i + 1}`),
      });
      continue;
    }
    validate(value, file, `line ${i + 1}`, out);
  }
  if (records === 0) out.errors.push({ file, message: `${file}: contains no records` });
  return capErrors(out, file);
}
