/**
 * Stable story ids: `story:` + the first 16 hex chars of sha256(normalised title + "\n" + normalised body).
 * Normalisation makes the same story on two pages get one id even if spacing, quotes or unicode forms differ.
 */
import { createHash } from 'node:crypto';

const SINGLE_QUOTES = /[\u2018\u2019\u201a\u201b\u2032\u2035\u02bc\u0060\u00b4]/g;
const DOUBLE_QUOTES = /[\u201c\u201d\u201e\u201f\u2033\u2036\u00ab\u00bb]/g;
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;

/** Lowercase, unicode NFKC, curly quotes → straight, zero-width characters removed, whitespace collapsed. */
export function normaliseForId(text: string): string {
  return text
    .normalize('NFKC')
    .replace(ZERO_WIDTH, '')
    .replace(SINGLE_QUOTES, "'")
    .replace(DOUBLE_QUOTES, '"')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** `story:` + 16 hex chars, from the normalised title and body. */
export function storyId(title: string, body: string): string {
  const hash = createHash('sha256').update(`${normaliseForId(title)}\n${normaliseForId(body)}`, 'utf8').digest('hex');
  return `story:${hash.slice(0, 16)}`;
}
