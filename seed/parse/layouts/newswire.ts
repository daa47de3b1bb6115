/**
 * Layout 'newswire': a "Newswire" page where each story is
 *   <Title>
 *   <paragraphs…>
 *   <Title> Read More »
 * and the page ends with "Scroll to Top". The headline is the line that begins the story; the
 * "Read More" line repeats it (possibly cut short with "…"), which is how a story's start is found.
 * These pages carry no outlet, date or URL.
 */
import type { Story } from '../../../model/types.js';
import { defineLayout } from './layout.js';
import { normaliseForId } from '../story-id.js';
import { makeStory } from '../story.js';
import {
  dropLeadingHeaders,
  isFurniture,
  isTitleLike,
  joinParagraphs,
  looksLikeStory,
  SPACES,
  toLines,
  trimEndChars,
  type Line,
} from '../text.js';


/**
 * The headline repeated on a "<Title> Read More »" line ('' for a bare "Read More »"),
 * or null when the line is not one.
 */
export function readMoreTitle(text: string): string | null {
  if (text.length > 1200) return null;
  const end = trimEndChars(text, SPACES);
  const hasArrow = /[»›→]$/.test(end) || end.endsWith('&raquo;');
  const stripped = trimEndChars(text.endsWith('&raquo;') ? text.slice(0, -7) : text, `${SPACES}»›→>`);
  const lower = stripped.toLowerCase();
  let cut: number;
  if (lower.endsWith('read more')) cut = stripped.length - 'read more'.length;
  else if (lower.endsWith('continue reading')) cut = stripped.length - 'continue reading'.length;
  else return null;
  const title = trimEndChars(stripped.slice(0, cut), `${SPACES}…:.-–—|`).trim();
  if (!hasArrow && title !== '') return null; // "… you can read more" inside a paragraph
  return title;
}

function sameTitle(line: string, readMore: string): boolean {
  const a = normaliseForId(line);
  const b = normaliseForId(readMore).replace(/(?:\.\.\.|…)$/, '').trim();
  if (b === '') return false;
  return a === b || (b.length >= 20 && a.startsWith(b));
}

function storyFromLines(lines: Line[], page: string, fallbackTitle = ''): Story | null {
  const first = lines[0];
  if (!first) return fallbackTitle ? makeStory({ title: fallbackTitle, body: '' }, page, 'newswire') : null;
  if (!isTitleLike(first.text) && fallbackTitle) {
    return makeStory({ title: fallbackTitle, body: joinParagraphs(lines.map((l) => l.kept)) }, page, 'newswire');
  }
  return makeStory({ title: first.kept, body: joinParagraphs(lines.slice(1).map((l) => l.kept)) }, page, 'newswire');
}

/** Parse a 'newswire' page. Never throws; returns [] when nothing story-like is found. */
export function parseNewswirePage(text: string, page: string): Story[] {
  const lines = toLines(text).filter((l) => !isFurniture(l.text));
  const stories: Story[] = [];
  let start = 0;
  let blockNo = 0;
  for (let i = 0; i < lines.length; i++) {
    const rm = readMoreTitle(lines[i]?.text ?? '');
    if (rm === null) continue;
    const block = lines.slice(start, i);
    start = i + 1;
    // the story starts at the line equal to the Read More headline; anything before it is page header
    // or, if it reads like one, a story that lost its Read More line
    let at = -1;
    if (rm !== '') at = block.findIndex((l) => sameTitle(l.text, rm));
    if (at > 0) {
      const orphan = block.slice(0, at);
      if (looksLikeStory(orphan)) {
        const s = storyFromLines(orphan, page);
        if (s) stories.push(s);
      }
    }
    const own = at >= 0 ? block.slice(at) : blockNo === 0 ? dropLeadingHeaders(block) : block;
    blockNo++;
    if (own.length === 0 && rm === '') continue;
    // The headline as the page writes it (readMoreTitle only trims and cuts; on the cleaned line when
    // the written one does not parse, e.g. a "Read More" split by a double space).
    const s = storyFromLines(own, page, rm === '' ? rm : (readMoreTitle(lines[i]?.kept ?? '') || rm));
    if (s) stories.push(s);
  }
  const tail = lines.slice(start);
  const own = blockNo === 0 ? dropLeadingHeaders(tail) : tail;
  if (looksLikeStory(own)) {
    const s = storyFromLines(own, page);
    if (s) stories.push(s);
  }
  return stories;
}

/** Count of "Read More »" lines in a page (used by the detector). */
export function newswireScore(lines: readonly string[]): number {
  let n = 0;
  for (const t of lines) if (readMoreTitle(t) !== null) n++;
  return n;
}

/** Marker: "<Title> Read More »" lines. */
export const newswire = defineLayout({ name: 'newswire', score: newswireScore, parse: parseNewswirePage });
