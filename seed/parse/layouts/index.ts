/**
 * The page-layout registry, read by detection (detect.ts) and parsing (page.ts). The layout whose
 * markers are most numerous wins, ties going to the first listed; none → the fallback. Adding a
 * layout is one file in this folder (a defineLayout value) plus one line here.
 */
import { generic } from './generic.js';
import { newswire } from './newswire.js';
import { sourceLine } from './source-line.js';
import { takeaways } from './takeaways.js';

export const LAYOUTS = [newswire, sourceLine, takeaways] as const;

/** The layout of a page no listed layout claims. */
export const FALLBACK_LAYOUT = generic;

export type PageLayout = (typeof LAYOUTS)[number]['name'] | typeof FALLBACK_LAYOUT.name;
/** A story's layout: a page layout, or 'json' for story records. */
export type Layout = PageLayout | 'json';
export type { PageLayoutSpec } from './layout.js';
