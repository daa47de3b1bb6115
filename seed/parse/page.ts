/**
 * One page's text → stories: detect the layout, run its parser, fall back to the generic parser
 * when the layout parser finds nothing. Stories repeated on the same page are merged.
 */
import type { Story } from '../../model/types.js';
import { detectLayout } from './detect.js';
import { parseJsonFile, parseNdjsonFile } from './json.js';
import { FALLBACK_LAYOUT, LAYOUTS, type PageLayoutSpec } from './layouts/index.js';
import { mergeStories } from './merge.js';
import { normaliseNewlines } from './text.js';

const BY_NAME = new Map<string, PageLayoutSpec>([...LAYOUTS, FALLBACK_LAYOUT].map((l) => [l.name, l]));

/** Parse a text page (any layout). Never throws; [] when the text holds nothing. */
export function parseTextPage(fileName: string, text: string): Story[] {
  const clean = normaliseNewlines(text);
  const layout = detectLayout(clean);
  let stories = BY_NAME.get(layout)!.parse(clean, fileName);
  if (stories.length === 0 && layout !== FALLBACK_LAYOUT.name) stories = FALLBACK_LAYOUT.parse(clean, fileName);
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
