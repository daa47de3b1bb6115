/**
 * Story text with highlights, built from text nodes only: quotes (by offsets) are marked, entity
 * names are clickable. Whatever the story contains — markup, script — shows as literal text.
 */
import { h } from '../dom.js';

export interface Range {
  start: number;
  end: number;
}

export interface EntityRange extends Range {
  id: string;
  type: string;
}

export interface Segment {
  text: string;
  start: number;
  quote: boolean;
  entity: EntityRange | null;
}

const WORD = /[\p{L}\p{N}]/u;

/** Every occurrence of each entity's name or alias, on word boundaries, longest first, never overlapping. */
export function findMentions(body: string, entities: { id: string; type: string; names: string[] }[]): EntityRange[] {
  const candidates: (EntityRange & { length: number })[] = [];
  for (const e of entities) {
    for (const name of new Set(e.names.filter((n) => n && n.trim().length >= 2))) {
      let from = 0;
      for (;;) {
        const at = body.indexOf(name, from);
        if (at < 0) break;
        from = at + 1;
        const before = body[at - 1];
        const after = body[at + name.length];
        if ((before && WORD.test(before)) || (after && WORD.test(after))) continue;
        candidates.push({ id: e.id, type: e.type, start: at, end: at + name.length, length: name.length });
      }
    }
  }
  candidates.sort((a, b) => b.length - a.length || a.start - b.start);
  // Which characters a longer name already covers: checking a candidate costs its own length, so
  // the whole pass is linear in the text even when a story repeats a name thousands of times.
  const covered = new Uint8Array(body.length);
  const taken: EntityRange[] = [];
  for (const c of candidates) {
    let free = true;
    for (let i = c.start; i < c.end && free; i++) free = covered[i] === 0;
    if (!free) continue;
    covered.fill(1, c.start, c.end);
    taken.push({ id: c.id, type: c.type, start: c.start, end: c.end });
  }
  return taken.sort((a, b) => a.start - b.start);
}

/** Cuts the text at every quote and entity boundary; each piece knows whether it is quoted and which entity it names. */
export function segments(body: string, quotes: Range[], entities: EntityRange[]): Segment[] {
  const valid = (r: Range) => Number.isInteger(r.start) && Number.isInteger(r.end) && r.start >= 0 && r.end <= body.length && r.start < r.end;
  const qs = quotes.filter(valid);
  const es = entities.filter(valid);
  const cuts = new Set<number>([0, body.length]);
  for (const r of [...qs, ...es]) {
    cuts.add(r.start);
    cuts.add(r.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  // One sweep over the cut points: how many quotes are open at each piece (quotes may overlap),
  // and the entity open there (entities never overlap: findMentions keeps the longest). Linear
  // in cuts + ranges, where testing every range for every piece would be quadratic.
  const opens = new Map<number, number>();
  for (const q of qs) {
    opens.set(q.start, (opens.get(q.start) ?? 0) + 1);
    opens.set(q.end, (opens.get(q.end) ?? 0) - 1);
  }
  const entityAt = new Map<number, EntityRange>();
  for (const e of es) if (!entityAt.has(e.start)) entityAt.set(e.start, e);
  const out: Segment[] = [];
  let openQuotes = 0;
  let entity: EntityRange | null = null;
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    openQuotes += opens.get(start) ?? 0;
    if (entity && entity.end <= start) entity = null;
    entity = entityAt.get(start) ?? entity;
    if (start === end) continue;
    out.push({
      text: body.slice(start, end),
      start,
      quote: openQuotes > 0,
      entity: entity && entity.start <= start && end <= entity.end ? entity : null,
    });
  }
  return out;
}

/** Renders segments as paragraphs of text nodes, marks and entity links. */
export function renderText(body: string, quotes: Range[], entities: EntityRange[], onEntity: (id: string) => void): HTMLElement {
  const root = h('div', { class: 'story-text' });
  let para = h('p');
  root.appendChild(para);
  for (const seg of segments(body, quotes, entities)) {
    // Paragraph breaks at blank lines; single newlines stay as line breaks via CSS (pre-wrap).
    const pieces = seg.text.split(/\n\s*\n/);
    pieces.forEach((piece, i) => {
      if (i > 0) {
        para = h('p');
        root.appendChild(para);
      }
      if (!piece) return;
      let node: Node = document.createTextNode(piece);
      if (seg.entity) {
        const id = seg.entity.id;
        node = h('button', { class: `entity-link type-${seg.entity.type}`, type: 'button', title: id, on: { click: () => onEntity(id) } }, node);
      }
      if (seg.quote) node = h('mark', { class: 'quote' }, node);
      para.appendChild(node);
    });
  }
  return root;
}

/** The quote with some text either side, cut at word boundaries: [before, quote, after]. */
export function quoteInContext(body: string, start: number, end: number, radius = 220): [string, string, string] {
  if (!(start >= 0 && end <= body.length && start < end)) return ['', body.slice(Math.max(0, start), Math.max(0, end)), ''];
  let from = Math.max(0, start - radius);
  let to = Math.min(body.length, end + radius);
  if (from > 0) from = body.indexOf(' ', from) + 1 || from;
  if (to < body.length) to = body.lastIndexOf(' ', to) > end ? body.lastIndexOf(' ', to) : to;
  return [(from > 0 ? '…' : '') + body.slice(from, start), body.slice(start, end), body.slice(end, to) + (to < body.length ? '…' : '')];
}
