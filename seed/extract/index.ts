/**
 * extract: Story → Extraction (entities, mentions, typed facts with evidence, outlet).
 * The story's body runs through the component pipeline (pipeline.ts) on one shared document
 * (document.ts). Pure and deterministic; the catalogue and patterns are compiled once on first use.
 */
import type { Entity, Extraction, Mention, Story } from '../../model/types.js';
import type { Annotation } from '../../nlp/annotation.js';
import { entityId, getCatalog, matchAt } from './catalog.js';
import { createDoc, mentionCounts } from './document.js';
import { COMPONENTS, NLP_COMPONENTS, TITLE_COMPONENTS, runPipeline } from './pipeline.js';
import { splitSentences, tokenize } from './text.js';

/** Recorded on every piece of evidence: which extractor read the sentence. */
export const EXTRACTOR = { name: 'newsgraph-rules', version: '0.1.0' } as const;
export const NLP_EXTRACTOR = { name: 'newsgraph-nlp', version: '0.1.0' } as const;

export { getCatalog } from './catalog.js';
export { tokenize, splitSentences, slugify, normName } from './text.js';
export { COMPONENTS, NLP_COMPONENTS, runPipeline } from './pipeline.js';
export { createDoc, type Doc, type Component } from './document.js';

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

/** Catalogue entities the headline names, with how often (TITLE_COMPONENTS). */
function titleMentions(story: Story, extractor: { name: string; version: string }): Map<string, { entity: Entity; count: number }> {
  const out = new Map<string, { entity: Entity; count: number }>();
  if (!story.title.trim()) return out;
  const doc = runPipeline(createDoc(story.id, story.title, extractor), TITLE_COMPONENTS);
  for (const sp of doc.mentions) {
    const hit = out.get(sp.entity.id);
    if (hit) hit.count++;
    else out.set(sp.entity.id, { entity: sp.entity, count: 1 });
  }
  return out;
}

/**
 * Extract entities, mentions and facts from one story: by the rules alone, or, given CoreNLP's
 * annotation of the body, by the NLP pipeline (the rule stages plus those reading the parse).
 */
export function extractStory(story: Story, annotation?: Annotation): Extraction {
  const doc = annotation
    ? runPipeline(createDoc(story.id, story.body, NLP_EXTRACTOR, annotation), NLP_COMPONENTS)
    : runPipeline(createDoc(story.id, story.body, EXTRACTOR), COMPONENTS);

  const entities = new Map<string, Entity>();
  for (const sp of doc.mentions) if (!entities.has(sp.entity.id)) entities.set(sp.entity.id, sp.entity);
  const counts = mentionCounts(doc);

  let outletId: string | null = null;
  if (story.outlet && story.outlet.trim()) {
    const o = outletEntity(story.outlet);
    outletId = o.id;
    if (!entities.has(o.id)) entities.set(o.id, o);
  }
  for (const [id, e] of doc.extra) if (!entities.has(id)) entities.set(id, e);
  const inTitle = titleMentions(story, doc.extractor);
  for (const [id, { entity }] of inTitle) if (!entities.has(id)) entities.set(id, entity);

  const mentions: Mention[] = [];
  for (const [id, c] of counts) {
    const s = doc.sentences[c.first]!;
    mentions.push({ entityId: id, count: c.count + (inTitle.get(id)?.count ?? 0), first: doc.text.slice(s.start, s.end) });
  }
  // named in the headline only: the headline is where the story first mentions it
  for (const [id, t] of inTitle) if (!counts.has(id)) mentions.push({ entityId: id, count: t.count, first: story.title });
  // copies, so callers can't mutate the shared catalogue (every entity has these keys, in this order)
  const out: Entity[] = [];
  for (const e of entities.values()) out.push({ id: e.id, label: e.label, name: e.name, aliases: e.aliases.slice(), props: { ...e.props }, confidence: e.confidence, source: e.source });
  return { storyId: story.id, entities: out, mentions, facts: doc.facts, outletId };
}
