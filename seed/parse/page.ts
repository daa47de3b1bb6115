/**
 * One page's text → stories: detect the layout, run its parser, fall back to the generic parser
 * when the layout parser finds nothing. Stories repeated on the same page are merged.
 */
import type { Story } from '../../model/types.js';
import { detectLayout, type PageLayout } from './detect.js';
import { parseGenericPage } from './generic.js';
import { parseJsonFile, parseNdjsonFile } from './json.js';
import { mergeStories } from './merge.js';
import { parseNewswirePage } from './newswire.js';
import { parseSourceLinePage } from './source-line.js';
import { parseTakeawaysPage } from './takeaways.js';
import { normaliseNewlines } from './text.js';

const PARSERS: Record<PageLayout, (text: string, page: string) => Story[]> = {
  'source-line': parseSourceLinePage,
  takeaways: parseTakeawaysPage,
  newswire: parseNewswirePage,
  generic: parseGenericPage,
};

/** Parse a text page (any layout). Never throws; [] when the text holds nothing. */
export function parseTextPage(fileName: string, text: string): Story[] {
  const clean = normaliseNewlines(text);
  const layout = detectLayout(clean);
  let stories = PARSERS[layout](clean, fileName);
  if (stories.length === 0 && layout !== 'generic') stories = parseGenericPage(clean, fileName);
  return mergeStories(stories);
}

/**
 * Parse a page given its file name and text. .json / .ndjson / .jsonl names are read as story
 * records (invalid records are left out; use parseFile or readCorpus to get their errors);
 * anything else is a text page. Never throws.
 */
export function parsePage(fileName: string, text: string): Story[] {
  const lower = fileName.toLowerCase();
  const body = normaliseNewlines(text);
  if (lower.endsWith('.json')) return mergeStories(parseJsonFile(fileName, body).stories);
  if (lower.endsWith('.ndjson') || lower.endsWith('.jsonl')) return mergeStories(parseNdjsonFile(fileName, body).stories);
  return parseTextPage(fileName, body);
}
