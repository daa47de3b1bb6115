/**
 * Picks a page's layout from its text (never from the file name), by counting each registered layout's
 * markers (layouts/index.ts). The layout with most markers wins, ties to the first registered; none →
 * the fallback ('generic').
 */
import { FALLBACK_LAYOUT, LAYOUTS, type PageLayout } from './layouts/index.js';
import { isFurniture, toLines } from './text.js';

export type { PageLayout } from './layouts/index.js';

export interface Detection {
  layout: PageLayout;
  /** Marker counts per registered layout, for diagnostics. */
  scores: Record<(typeof LAYOUTS)[number]['name'], number>;
}

export function detectLayoutDetailed(text: string): Detection {
  const lines = toLines(text)
    .map((l) => l.text)
    .filter((t) => !isFurniture(t));
  const scores = {} as Detection['scores'];
  let layout: PageLayout = FALLBACK_LAYOUT.name;
  let best = 0;
  for (const l of LAYOUTS) {
    const score = l.score(lines);
    scores[l.name] = score;
    if (score > best) {
      best = score;
      layout = l.name;
    }
  }
  return { layout, scores };
}

/** The layout of a page, from its text alone. */
export function detectLayout(text: string): PageLayout {
  return detectLayoutDetailed(text).layout;
}
