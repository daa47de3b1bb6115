/**
 * Layout 'takeaways' (digest pages). Two kinds of story share these pages:
 *
 *   Takeaways story                      Wire story
 *   <Title>                              <Title>
 *   <photo caption or verse line>        By <Name>                      (optional)
 *   Important Takeaways:                 MOSCOW (Reuters) - <text…>
 *     • bullet …                         <paragraphs…>
 *   Read the original article by …       (Reporting by …; Editing by …)
 *
 * Kept in the body: bullets (one per line, as sentences), intro text, wire paragraphs with the dateline.
 * Dropped: the caption or verse line, "Important Takeaways:", "Read the original article…", byline, credit trailer.
 * No dates or URLs on these pages; a wire story's outlet is its agency ("Reuters").
 */
import type { Story } from '../../../model/types.js';
import { defineLayout } from './layout.js';
import { knownOutlet, WIRE_AGENCIES } from '../outlets.js';
import { makeStory } from '../story.js';
import {
  findUrl,
  isBullet,
  isFurniture,
  isTitleLike,
  joinParagraphs,
  looksLikeStory,
  stripBullet,
  toLines,
  wordCount,
  type Line,
} from '../text.js';

export function isTakeawaysHeader(text: string): boolean {
  return /^(?:important |key |main )?(?:takeaways|take-aways|highlights)(?: ?:)?$/i.test(text);
}

export function isReadOriginal(text: string): boolean {
  return text.length <= 200 && /^(?:\W{0,3})?(?:read|see|view) the (?:original|full|complete|rest of the) ?(?:article|story|report|post)?\b/i.test(text);
}

/** "(Reporting by …; Editing by …)" and similar credit lines that close a wire story. */
export function isWireTrailer(text: string): boolean {
  return (
    text.length <= 600 &&
    /^\((?:additional |further )?(?:reporting|writing|editing|compiled|compiling|research|graphics|translation|production) (?:by|from)\b/i.test(text) &&
    text.endsWith(')')
  );
}

export function isByline(text: string): boolean {
  return text.length <= 120 && /^by [A-Z]/i.test(text) && !/[.!?]$/.test(text) && wordCount(text) <= 14;
}

const AGENCIES = WIRE_AGENCIES.map((a) => a.toLowerCase());

/** The agency of a wire dateline ("MOSCOW (Reuters) -" → "Reuters"), or null when the line is not one. */
export function datelineAgency(text: string): string | null {
  const open = text.indexOf('(');
  if (open < 0 || open > 80) return null;
  const close = text.indexOf(')', open);
  if (close < 0 || close - open > 40) return null;
  const agency = text.slice(open + 1, close).trim();
  if (!AGENCIES.includes(agency.toLowerCase())) return null;
  const after = text.slice(close + 1).trimStart();
  if (!/^[-–—]/.test(after)) return null;
  // the part before is a place or date in caps/title case, not a sentence
  const before = text.slice(0, open).trim();
  if (before !== '' && !/^[A-Z0-9]/.test(before)) return null;
  return knownOutlet(agency) ?? agency;
}

/** A verse or quote reference line: "Revelations 6:3-4 “when he opened …". */
export function isVerse(text: string): boolean {
  return /^(?:[1-3] ?)?[A-Z][a-z]+\.? \d{1,3}:\d{1,3}/.test(text);
}

/** A photo caption ("Xi military uniform", "US-Troops-in-Taiwan") or a verse line. */
export function isCaptionLike(text: string): boolean {
  if (isVerse(text)) return true;
  return text.length <= 100 && wordCount(text) <= 12 && !/[.!?:]$/.test(text) && !isBullet(text);
}

function isTerminator(text: string): boolean {
  return isReadOriginal(text) || isWireTrailer(text);
}

type AnchorKind = 'takeaways' | 'dateline';

/**
 * Where a story starts, looking back from its anchor (the Takeaways header or the dateline) but not
 * before `low`: skip a byline, then one caption line when the line before it reads as a headline.
 */
function titleIndex(lines: Line[], anchor: number, kind: AnchorKind, low: number): number {
  let t = anchor - 1;
  if (t < low) return anchor; // nothing before the anchor: the anchor line itself starts the story
  if (kind === 'dateline' && t > low && isByline(lines[t]?.text ?? '')) t--;
  // an intro paragraph or two between the headline (and caption) and "Important Takeaways:"
  if (kind === 'takeaways') {
    let back = t;
    while (back > low && back > t - 3 && !isTitleLike(lines[back]?.text ?? '') && !isBullet(lines[back]?.text ?? '')) back--;
    if (back !== t && isTitleLike(lines[back]?.text ?? '')) t = back;
  }
  // skip verse lines and at most one short photo caption, each only when a headline-ish line precedes it
  let captionSkipped = false;
  for (let n = 0; n < 3 && t - 1 >= low; n++) {
    const cur = lines[t]?.text ?? '';
    const prev = lines[t - 1]?.text ?? '';
    const prevOk = isTitleLike(prev) || isVerse(prev);
    if (isVerse(cur) && prevOk) t--;
    else if (!captionSkipped && isCaptionLike(cur) && prevOk) {
      t--;
      captionSkipped = true;
    } else break;
  }
  return t;
}

/** "Read the original article: https://…" gives the story's URL. */
function readOriginalUrl(lines: Line[]): string | null {
  for (const l of lines) if (isReadOriginal(l.text)) return findUrl(l.text);
  return null;
}

function buildStory(lines: Line[], page: string): Story | null {
  const first = lines[0];
  if (!first) return null;
  const url = readOriginalUrl(lines);
  if (isTakeawaysHeader(first.text)) {
    // takeaways without a headline: the first bullet stands in for it
    const bullets = lines.slice(1).filter((l) => !isTerminator(l.text)).map((l) => asSentence(stripBullet(l.kept)));
    const title = bullets[0];
    return title ? makeStory({ title, body: bullets.join('\n') }, page, 'takeaways') : null;
  }
  const rest = lines.slice(1);
  let header = rest.findIndex((l) => isTakeawaysHeader(l.text));
  const dateline = header < 0 ? rest.findIndex((l) => datelineAgency(l.text) !== null) : -1;
  if (header < 0 && dateline < 0) {
    // bullets without the "Important Takeaways:" line: the lines before the first bullet play its part
    const firstBullet = rest.findIndex((l) => isBullet(l.text));
    if (firstBullet >= 0 && firstBullet <= 3) {
      rest.splice(firstBullet, 0, { text: 'Important Takeaways:', kept: 'Important Takeaways:', indent: 0, no: 0 });
      header = firstBullet;
    }
  }
  const anchor = header >= 0 ? header : dateline;
  const out: string[] = [];
  let outlet: string | null = null;

  // lines between the headline and the anchor: captions, verse, byline are dropped; real text kept
  const pre = anchor >= 0 ? rest.slice(0, anchor) : [];
  for (const l of pre) {
    if (isByline(l.text) || isCaptionLike(l.text) || isTerminator(l.text)) continue;
    out.push(l.kept);
  }
  if (header >= 0) {
    const bullets: string[] = [];
    for (const l of rest.slice(header + 1)) {
      if (isTerminator(l.text) || isTakeawaysHeader(l.text)) continue;
      bullets.push(isBullet(l.text) ? asSentence(stripBullet(l.kept)) : l.kept);
    }
    const body = [joinParagraphs(out), bullets.filter((b) => b !== '').join('\n')].filter((p) => p !== '').join('\n\n');
    return makeStory({ title: first.kept, body, url }, page, 'takeaways');
  }
  const from = anchor >= 0 ? anchor : 0;
  if (anchor >= 0) outlet = datelineAgency(rest[anchor]?.text ?? '');
  for (const l of rest.slice(from)) {
    if (isTerminator(l.text)) continue;
    out.push(isBullet(l.text) ? stripBullet(l.kept) : l.kept);
  }
  return makeStory({ title: first.kept, body: joinParagraphs(out), outlet, url }, page, 'takeaways');
}

/** A bullet as a sentence: add a full stop when it ends in a bare word. */
function asSentence(text: string): string {
  if (text === '') return text;
  if (/[\p{L}\p{N}]$/u.test(text) && !/[;,] ?(?:and|or)$/i.test(text)) return `${text}.`;
  return text;
}

/** Parse a 'takeaways' page. Never throws; returns [] when nothing story-like is found. */
export function parseTakeawaysPage(text: string, page: string): Story[] {
  const lines = toLines(text).filter((l) => !isFurniture(l.text));
  const spans: Array<[number, number]> = [];

  // segments closed by a terminator ("Read the original article…", "(Reporting by …)")
  let segStart = 0;
  const segments: Array<{ start: number; end: number; closed: boolean }> = [];
  for (let i = 0; i < lines.length; i++) {
    if (isTerminator(lines[i]?.text ?? '')) {
      segments.push({ start: segStart, end: i + 1, closed: true });
      segStart = i + 1;
    }
  }
  if (segStart < lines.length) segments.push({ start: segStart, end: lines.length, closed: false });

  for (const [segNo, seg] of segments.entries()) {
    const anchors: Array<{ at: number; kind: AnchorKind }> = [];
    for (let i = seg.start; i < seg.end; i++) {
      const t = lines[i]?.text ?? '';
      if (isTakeawaysHeader(t)) anchors.push({ at: i, kind: 'takeaways' });
      else if (datelineAgency(t) !== null) {
        // a dateline starts a story only when a headline (and maybe a byline) comes right before it
        let h = i - 1;
        if (h > seg.start && isByline(lines[h]?.text ?? '')) h--;
        const head = lines[h]?.text ?? '';
        if (h >= seg.start && (isTitleLike(head) || isCaptionLike(head))) anchors.push({ at: i, kind: 'dateline' });
      }
    }
    if (anchors.length === 0) {
      const body = lines.slice(seg.start, seg.end).filter((l) => !isTerminator(l.text));
      if (body.length > 0 && (looksLikeStory(body) || (seg.closed && body.length >= 2 && isTitleLike(body[0]?.text ?? '')))) {
        spans.push([seg.start, seg.end]);
      }
      continue;
    }
    const starts: number[] = [];
    let low = seg.start;
    for (const a of anchors) {
      starts.push(titleIndex(lines, a.at, a.kind, low));
      low = a.at + 1;
    }
    // lines before the first story of the segment: part of it (a headline over two caption lines),
    // a page header (first segment only), or a story of its own without anchor
    const firstStart = starts[0] ?? seg.start;
    if (firstStart > seg.start) {
      const orphan = lines.slice(seg.start, firstStart);
      const short = orphan.length <= 2 && orphan.every((l) => isTitleLike(l.text) || isCaptionLike(l.text));
      const headerOnly = segNo === 0 && orphan.every((l) => wordCount(l.text) <= 6 && isTitleLike(l.text));
      if (short && !headerOnly) starts[0] = seg.start;
      else if (looksLikeStory(orphan)) spans.push([seg.start, firstStart]);
    }
    for (let k = 0; k < starts.length; k++) {
      const s = starts[k] ?? seg.start;
      const e = starts[k + 1] ?? seg.end;
      if (e > s) spans.push([s, e]);
    }
  }

  const stories: Story[] = [];
  for (const [s, e] of spans) {
    const story = buildStory(lines.slice(s, e), page);
    if (story) stories.push(story);
  }
  return stories;
}

/** Count of the markers of this layout in a page (used by the detector). */
export function takeawaysScore(lines: readonly string[]): number {
  let n = 0;
  for (const t of lines) {
    if (isTakeawaysHeader(t) || isReadOriginal(t) || isWireTrailer(t) || datelineAgency(t) !== null) n++;
  }
  return n;
}

/** Markers: "Important Takeaways:", "Read the original article…", wire datelines "CITY (Reuters) -", credit trailers. */
export const takeaways = defineLayout({ name: 'takeaways', score: takeawaysScore, parse: parseTakeawaysPage });
