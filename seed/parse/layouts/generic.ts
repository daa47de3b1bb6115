/**
 * Layout 'generic', the fallback when no known layout matches: the first non-empty line is the
 * headline, the rest is the body. Navigation furniture is skipped. Never throws.
 */
import type { Story } from '../../../model/types.js';
import { defineLayout } from './layout.js';
import { makeStory } from '../story.js';
import { clipTitle, isFurniture, joinParagraphs, toLines } from '../text.js';

/** One story from a whole page, or [] when the page has no text. */
export function parseGenericPage(text: string, page: string): Story[] {
  const lines = toLines(text).filter((l) => !isFurniture(l.text));
  const first = lines[0];
  if (!first) return [];
  const rest = lines.slice(1).map((l) => l.kept);
  // a first "line" that is a whole paragraph: headline from its start, and keep it in the body
  if (first.text.length > 300) {
    const story = makeStory({ title: clipTitle(first.kept, 200), body: joinParagraphs([first.kept, ...rest]) }, page, 'generic');
    return story ? [story] : [];
  }
  const story = makeStory({ title: first.kept, body: joinParagraphs(rest) }, page, 'generic');
  return story ? [story] : [];
}

export const generic = defineLayout({ name: 'generic', score: () => 0, parse: parseGenericPage });
