/**
 * extract: Story → Extraction (entities, mentions, typed facts with evidence, outlet).
 * Pure and deterministic; the catalogue and patterns are compiled once on first use.
 */
import type { Entity, Extraction, Mention, Story } from '../../model/types.js';
import { entityId, getCatalog, matchAt } from './catalog.js';
import { recognize } from './recognizer.js';
import { extractRelations } from './relations.js';
import { splitSentences, tokenize } from './text.js';

export const EXTRACTOR = { name: 'newsgraph-rules', version: '0.1.0' } as const;

export { getCatalog } from './catalog.js';
export { tokenize, splitSentences, slugify, normName } from './text.js';

const outletCache = new Map<string, Entity>();
function outletEntity(name: string): Entity {
  const hit = outletCache.get(name);
  if (hit) return hit;
  const e = outletLookup(name);
  if (outletCache.size < 10_000) outletCache.set(name, e);
  return e;
}

function outletLookup(name: string): Entity {
  const cat = getCatalog();
  const toks = tokenize(name);
  splitSentences(toks);
  // a catalogue outlet whose alias covers the whole name ("Central News Agency (Taiwan)")
  if (toks.length) {
    const m = matchAt(cat, toks, 0);
    if (m && m.entity.label === 'Outlet' && (m.t1 === toks.length || toks[m.t1]!.text === '(')) return m.entity;
    for (let i = 0; i < toks.length; i++) {
      const mm = matchAt(cat, toks, i);
      if (mm && mm.entity.label === 'Outlet' && mm.t1 - mm.t0 === toks.length) return mm.entity;
    }
  }
  const clean = name.replace(/\u2019/g, "'").trim();
  return { id: entityId('Outlet', clean), label: 'Outlet', name: clean, aliases: [], props: { country: null, ownership: 'unknown' }, confidence: 0.9, source: 'recognizer' };
}

/** Extract entities, mentions and facts from one story. */
export function extractStory(story: Story): Extraction {
  const body = story.body;
  const toks = tokenize(body);
  const sents = splitSentences(toks);
  const rec = recognize(toks, sents);

  const entities = new Map<string, Entity>();
  const counts = new Map<string, { count: number; first: number }>();
  for (const sp of rec.spans) {
    const e = sp.entity;
    if (!entities.has(e.id)) entities.set(e.id, e);
    const c = counts.get(e.id);
    if (c) c.count++;
    else counts.set(e.id, { count: 1, first: toks[sp.t0]!.sent });
  }
  let ranked: string[] | null = null;
  const ranking = (): string[] => (ranked ??= [...counts.entries()].sort((a, b) => b[1].count - a[1].count || a[1].first - b[1].first).map(([id]) => id));
  const extra = new Map<string, Entity>();
  const facts = extractRelations({ storyId: story.id, body, toks, sents, rec, extractor: EXTRACTOR.name, version: EXTRACTOR.version, ranking, extra });

  let outletId: string | null = null;
  if (story.outlet && story.outlet.trim()) {
    const o = outletEntity(story.outlet);
    outletId = o.id;
    if (!entities.has(o.id)) entities.set(o.id, o);
  }
  for (const [id, e] of extra) if (!entities.has(id)) entities.set(id, e);
  // catalogue entities referenced as country/org of a found entity stay ids in props; nothing else to add

  const mentions: Mention[] = [];
  for (const [id, c] of counts) {
    const s = sents[c.first]!;
    mentions.push({ entityId: id, count: c.count, first: body.slice(s.start, s.end) });
  }
  // copies, so callers can't mutate the shared catalogue (every entity has these keys, in this order)
  const out: Entity[] = [];
  for (const e of entities.values()) out.push({ id: e.id, label: e.label, name: e.name, aliases: e.aliases.slice(), props: { ...e.props }, confidence: e.confidence, source: e.source });
  return { storyId: story.id, entities: out, mentions, facts, outletId };
}
