/**
 * Picks a page's layout from its text (never from the file name), by counting each layout's markers:
 *   'source-line'  "Source: …" lines
 *   'takeaways'    "Important Takeaways:", "Read the original article…", wire datelines "CITY (Reuters) -", credit trailers
 *   'newswire'     "<Title> Read More »" lines
 * The layout with most markers wins; none → 'generic'.
 */
import { newswireScore } from './newswire.js';
import { isSourceLine } from './source-line.js';
import { takeawaysScore } from './takeaways.js';
import { isFurniture, toLines } from './text.js';

export type PageLayout = 'source-line' | 'takeaways' | 'newswire' | 'generic';

export interface Detection {
  layout: PageLayout;
  /** Marker counts per layout, for diagnostics. */
  scores: Record<Exclude<PageLayout, 'generic'>, number>;
}

export function detectLayoutDetailed(text: string): Detection {
  const lines = toLines(text)
    .map((l) => l.text)
    .filter((t) => !isFurniture(t));
  const scores = {
    'source-line': lines.filter((t) => isSourceLine(t)).length,
    takeaways: takeawaysScore(lines),
    newswire: newswireScore(lines),
  };
  let layout: PageLayout = 'generic';
  let best = 0;
  // ties go to the first in this order
  for (const key of ['newswire', 'source-line', 'takeaways'] as const) {
    if (scores[key] > best) {
      best = scores[key];
      layout = key;
    }
  }
  return { layout, scores };
}

/** The layout of a page, from its text alone. */
export function detectLayout(text: string): PageLayout {
  return detectLayoutDetailed(text).layout;
}
