/**
 * Layout 'source-line' (briefing pages): each story is a headline, paragraphs, then
 *   Source: <Outlet>[, <Outlet>…][, <Month D, YYYY>]
 *   <url>
 * A headline may carry an outlet prefix ("LTN: …", "CNA: …"); it is stripped and used as the outlet
 * when the Source line names none.
 */
import type { Story } from '../../../model/types.js';
import { defineLayout } from './layout.js';
import { findDate } from '../dates.js';
import { canonicalOutlet, expandFromText, knownOutlet } from '../outlets.js';
import { makeStory } from '../story.js';
import {
  dropLeadingHeaders,
  findUrl,
  isFurniture,
  isUrl,
  joinParagraphs,
  looksLikeStory,
  toLines,
  type Line,
} from '../text.js';

const SOURCE = /^sources? ?: ?/i;

/** A "Source: …" line that closes a story. */
export function isSourceLine(text: string): boolean {
  return SOURCE.test(text) && text.length <= 600;
}

export interface SourceInfo {
  /** Every outlet named, in order, abbreviations expanded. */
  outlets: string[];
  published: string | null;
  url: string | null;
}

/** Read the outlets, date and URL from the text of a Source line. */
export function parseSourceLine(text: string): SourceInfo {
  let rest = text.replace(SOURCE, '');
  const url = findUrl(rest);
  if (url) rest = rest.replace(url, ' ');
  // the first date is the publication date; later ones (one per outlet) are removed too
  const date = findDate(rest);
  for (let d = date, n = 0; d && n < 10; d = findDate(rest), n++) rest = `${rest.slice(0, d.start)} ${rest.slice(d.end)}`;
  const outlets: string[] = [];
  for (const piece of rest.replace(/\(\s*\)/g, ' ').split(/[,;|]| \/ /)) {
    const p = piece.trim();
    // drop bare years, "via", "accessed" leftovers
    if (p === '' || /^\d{1,4}$/.test(p) || /^(?:via|and|accessed|retrieved|updated|published)$/i.test(p)) continue;
    const name = canonicalOutlet(p.replace(/^(?:and|via) /i, ''));
    if (name && !outlets.includes(name)) outlets.push(name);
  }
  return { outlets, published: date?.iso ?? null, url };
}

/**
 * Split an outlet prefix off a headline: "LTN: Russia Suspected …" → { title: "Russia Suspected …", outlet: "Liberty Times Net" }.
 * A prefix counts when it is a known outlet (data table), or an all-caps abbreviation that the story text
 * expands to an outlet name ("Liberty Times Network (LTN)") or that the Source line names.
 */
export function splitOutletPrefix(title: string, context = '', sourceOutlets: readonly string[] = []): { title: string; outlet: string | null } {
  const at = title.indexOf(':');
  if (at <= 0 || at > 40) return { title, outlet: null };
  const prefix = title.slice(0, at).trim();
  const rest = title.slice(at + 1).trim();
  if (rest === '' || prefix === '') return { title, outlet: null };
  const known = knownOutlet(prefix);
  if (known) return { title: rest, outlet: known };
  if (/^[A-Z]{2,6}$/.test(prefix)) {
    const expanded = expandFromText(prefix, context);
    if (expanded) return { title: rest, outlet: expanded };
    if (sourceOutlets.some((o) => o.toUpperCase() === prefix)) return { title: rest, outlet: prefix };
  }
  return { title, outlet: null };
}

interface Block {
  lines: Line[];
  source: SourceInfo | null;
}

function storyFromBlock(block: Block, page: string): Story | null {
  const lines = [...block.lines];
  let url = block.source?.url ?? null;
  // a URL line just before the Source line, or a stray URL line at the end of the text
  while (lines.length > 1 && isUrl(lines[lines.length - 1]?.text ?? '')) {
    const u = lines.pop()?.text ?? null;
    url ??= u;
  }
  const first = lines[0];
  if (!first) return null;
  const bodyLines = lines.slice(1).map((l) => l.kept);
  const body = joinParagraphs(bodyLines);
  const sourceOutlets = block.source?.outlets ?? [];
  // The prefix is recognised on the cleaned line; the title keeps the line's own characters after
  // the same ':' (cleaning never adds or removes one).
  const { outlet: prefixOutlet } = splitOutletPrefix(first.text, body, sourceOutlets);
  const title = prefixOutlet ? first.kept.slice(first.kept.indexOf(':') + 1).trim() : first.kept;
  return makeStory(
    {
      title,
      body,
      outlet: sourceOutlets[0] ?? prefixOutlet,
      published: block.source?.published ?? null,
      url,
    },
    page,
    'source-line',
  );
}

/** Parse a 'source-line' page. Never throws; returns [] when nothing story-like is found. */
export function parseSourceLinePage(text: string, page: string): Story[] {
  const lines = toLines(text).filter((l) => !isFurniture(l.text));
  const blocks: Block[] = [];
  let current: Line[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line) continue;
    if (!isSourceLine(line.text)) {
      current.push(line);
      continue;
    }
    let sourceText = line.text;
    // "Source:" alone, with the outlet and date on the next line
    const next = lines[i + 1]?.text ?? '';
    if (sourceText.replace(SOURCE, '').trim() === '' && next.length <= 200 && !isUrl(next)) {
      if (findDate(next) || knownOutlet(next.split(',')[0] ?? '') || isUrl(lines[i + 2]?.text ?? '')) {
        sourceText = `Source: ${next}`;
        i++;
      }
    }
    const source = parseSourceLine(sourceText);
    // URL lines right after the Source line belong to it
    while (i + 1 < lines.length && isUrl(lines[i + 1]?.text ?? '')) {
      i++;
      source.url ??= lines[i]?.text ?? null;
    }
    if (current.length === 0) {
      // a second Source line for the same story: add what the first one lacked
      const prev = blocks[blocks.length - 1];
      if (prev?.source) {
        for (const o of source.outlets) if (!prev.source.outlets.includes(o)) prev.source.outlets.push(o);
        prev.source.published ??= source.published;
        prev.source.url ??= source.url;
      }
      continue;
    }
    blocks.push({ lines: blocks.length === 0 ? dropLeadingHeaders(current) : current, source });
    current = [];
  }
  // text after the last Source line: a story only if it reads like one (not a footer)
  if (current.length > 0) {
    const tail = blocks.length === 0 ? dropLeadingHeaders(current) : current;
    if (looksLikeStory(tail)) blocks.push({ lines: tail, source: null });
  }
  const stories: Story[] = [];
  for (const b of blocks) {
    const s = storyFromBlock(b, page);
    if (s) stories.push(s);
  }
  return stories;
}

/** Marker: "Source: …" lines. */
export const sourceLine = defineLayout({ name: 'source-line', score: (lines) => lines.filter((t) => isSourceLine(t)).length, parse: parseSourceLinePage });
