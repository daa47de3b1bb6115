/**
 * Line-level helpers shared by the page parsers. Everything here is linear in the input and
 * uses only anchored regexes without nested quantifiers, so arbitrary text cannot make it slow.
 */

/** One non-blank line of a page. */
export interface Line {
  /**
   * Trimmed text, runs of horizontal whitespace (incl. nbsp) collapsed to one space: for telling
   * what a line is (headline, bullet, Source line…), never for what a story keeps.
   */
  text: string;
  /**
   * The line as written, only its edges trimmed: what titles and bodies are made of, so a story
   * keeps every character of the page inside the lines it keeps (a tab, an nbsp, a U+2028).
   */
  kept: string;
  /** Leading whitespace width of the raw line (bullets nest by indent). */
  indent: number;
  /** 1-based line number in the page. */
  no: number;
}

// Horizontal whitespace incl. nbsp, the unicode spaces and zero-width characters.
const HSPACE = /[\t\v\f \u00a0\u1680\u2000-\u200d\u2028\u2029\u202f\u205f\u3000\ufeff]+/g;
/** The same characters as a list, for trimming a line's edges without touching its inside. */
const EDGE_SPACE = '\t\v\f \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b\u200c\u200d\u2028\u2029\u202f\u205f\u3000\ufeff\r';

/** Trim horizontal whitespace (incl. nbsp and zero-width characters) off both ends only. */
export function trimEdges(text: string): string {
  return trimStartChars(trimEndChars(text, EDGE_SPACE), EDGE_SPACE);
}

/** Normalise line endings (CRLF, lone CR) to LF and drop a leading BOM. */
export function normaliseNewlines(text: string): string {
  const noBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return noBom.replace(/\r\n?/g, '\n');
}

/** Collapse horizontal whitespace and trim. */
export function clean(text: string): string {
  return text.replace(HSPACE, ' ').trim();
}

/** Split a page into its non-blank lines (lines of only spaces / nbsp count as blank). */
export function toLines(text: string): Line[] {
  const out: Line[] = [];
  const raw = normaliseNewlines(text).split('\n');
  for (let i = 0; i < raw.length; i++) {
    const r = raw[i] ?? '';
    const t = clean(r);
    if (t === '') continue;
    let indent = 0;
    while (indent < r.length && /\s|\u00a0/.test(r[indent] ?? '')) indent++;
    out.push({ text: t, kept: trimEdges(r), indent, no: i + 1 });
  }
  return out;
}

const FURNITURE: RegExp[] = [
  /^skip to (?:main )?content$/i,
  /^scroll to top$/i,
  /^back to top$/i,
  /^newswire$/i,
  // "Geo-Strategic Trend - 6. page", "Briefings - 2. page"
  /^[^\n]{1,100} [-–—] \d{1,5}\. ?page$/i,
  /^page \d{1,5}(?: of \d{1,5})?$/i,
  /^(?:menu|search|home|load more|older posts|newer posts|previous|next|next page|previous page)$/i,
  /^[«‹←]? ?(?:previous|prev|next)(?: page| post| posts)? ?[»›→]?$/i,
  // pagination such as "1 2 3 … 10 Next »"
  /^(?:\d{1,5} ){1,20}(?:…|\.\.\.)? ?(?:\d{1,5} )?(?:next|next page)? ?[»›→]?$/i,
  /^our standards: the thomson reuters trust principles\.?$/i,
];

/** Page furniture: navigation and section headers that are never stories. */
export function isFurniture(text: string): boolean {
  if (text.length > 140) return false;
  for (const re of FURNITURE) if (re.test(text)) return true;
  return false;
}

export function wordCount(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = text.charCodeAt(i) === 32;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

/** A line that reads as running text (a paragraph), not as a headline. */
export function isParagraphLike(text: string): boolean {
  if (text.length >= 150) return true;
  return /[.!][”"’')\]]{0,3}$/.test(text) && wordCount(text) >= 6;
}

/** A line that could be a headline: not too long, not a finished sentence, not a bullet. */
export function isTitleLike(text: string): boolean {
  return text.length <= 300 && !isParagraphLike(text) && !isBullet(text) && !isUrl(text);
}

const BULLET = /^[•·▪◦‣●○■□◆◇►▸▹–—*-] ?/;

export function isBullet(text: string): boolean {
  return BULLET.test(text) && text.length > 1 && !/^-?\d/.test(text.slice(1));
}

/** Remove a leading bullet glyph. */
export function stripBullet(text: string): string {
  return text.replace(BULLET, '').trim();
}

/** Drop trailing characters that are in `chars` (a loop, not a regex: linear on any input). */
export function trimEndChars(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text.charAt(end - 1))) end--;
  return text.slice(0, end);
}

/** Drop leading characters that are in `chars`. */
export function trimStartChars(text: string, chars: string): string {
  let start = 0;
  while (start < text.length && chars.includes(text.charAt(start))) start++;
  return text.slice(start);
}

export const SPACES = ' \t\n\r\f\v\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u3000\ufeff';

export function isUrl(text: string): boolean {
  return /^(?:https?:\/\/|www\.)\S+$/i.test(text);
}

/** Find the first http(s) URL in a line. */
export function findUrl(text: string): string | null {
  const m = /\b(?:https?:\/\/|www\.)[^\s<>"'”’)]+/i.exec(text);
  if (!m) return null;
  return trimEndChars(m[0], '.,;:');
}

/**
 * Shorten an over-long headline at a word boundary (a misparse should not give a 10 kB title).
 * Only the edges are trimmed: the characters of the headline are kept as they are.
 */
export function clipTitle(text: string, max = 300): string {
  const t = trimEdges(text).trim();
  if (t.length <= max) return t;
  const cut = t.lastIndexOf(' ', max - 1);
  return `${t.slice(0, cut > max / 2 ? cut : max - 1)}…`;
}

/** A run of lines that reads like a story: a headline-ish first line and some running text. */
export function looksLikeStory(lines: Line[]): boolean {
  if (lines.length < 2) return false;
  const first = lines[0];
  if (!first || !isTitleLike(first.text)) return false;
  return lines.slice(1).some((l) => isParagraphLike(l.text));
}

/** Join body lines: paragraphs separated by a blank line. */
export function joinParagraphs(lines: string[]): string {
  return lines.filter((l) => l !== '').join('\n\n');
}

/**
 * For the first block of a page: drop short leading header lines ("Briefings", "Geo-Strategic Trend")
 * when more than one headline-like line comes before the first paragraph.
 */
export function dropLeadingHeaders(lines: Line[]): Line[] {
  let run = 0;
  while (run < lines.length && isTitleLike(lines[run]?.text ?? '')) run++;
  let start = 0;
  while (run - start >= 2 && wordCount(lines[start]?.text ?? '') <= 4) start++;
  return start === 0 ? lines : lines.slice(start);
}
