/**
 * Turns stories and their extractions into the flat rows the load statements UNWIND.
 * Pure: no database, so the shape of what gets written is tested without Neo4j.
 */
import { ENTITY_LABELS, type EntityLabel, FACT_TYPES, type FactType, relationSpec } from '../../model/graph-model.js';
import { claimProperty } from '../../model/schema/derive.js';
import type { Extraction, Story } from '../../model/types.js';
import { createHash } from 'node:crypto';
import { evidenceId, factKey } from './keys.js';

export interface EntityRow {
  id: string;
  name: string;
  aliases: string[];
  aliasText: string;
  confidence: number;
  source: string;
  props: Record<string, string | number | boolean>;
}

/** What an entity row would change; equal signatures mean writing it again changes nothing. */
export function entitySignature(row: EntityRow): string {
  return JSON.stringify([row.aliases, row.props, row.confidence]);
}

export interface LoadRows {
  /** Stories, each with a hash of what was extracted from it, so an unchanged story is skipped on re-runs. */
  stories: Array<Story & { extractionHash: string }>;
  entitiesByLabel: Map<EntityLabel, EntityRow[]>;
  publishedBy: Array<{ story: string; outlet: string }>;
  mentions: Array<{ story: string; entity: string; count: number; first: string }>;
  evidence: Array<{
    id: string; relKey: string; factType: FactType; storyId: string; quote: string; start: number; end: number;
    /** How many times this story states this quote for this fact; the offsets are the first time's. */
    occurrences: number;
    confidence: number; extractor: string; extractorVersion: string; claim: string; outlet: string | null; published: string | null;
    /** The values this story states for the fact's model properties, as `claim_<prop>`. */
    claimValues: Record<string, string | number | boolean>;
    /** The fact's endpoints (not stored on the Evidence node). */
    from: string;
    to: string;
  }>;
  factsByType: Map<FactType, Array<{ key: string; from: string; to: string }>>;
}

/** Keeps only property values Neo4j can store (null removes a property, so drop nulls). */
function storable<T extends Record<string, unknown>>(props: T): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(props)) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') out[key] = value;
  }
  return out;
}

/** The stated values of the type's model properties, prefixed `claim_` for the Evidence node. */
function claimValues(type: FactType, props: Record<string, unknown>): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(storable(props))) {
    if (relationSpec(type)?.props.includes(key)) out[claimProperty(key)] = value;
  }
  return out;
}

/**
 * Distinct Evidence nodes kept per fact per story. A story is one source, so past a few quotes more
 * of them add no support (storyCount counts stories), while every node costs storage and every
 * reader of the fact's evidence time. Repeats of one quote are folded into `occurrences` first, so
 * the cap only ever drops genuinely different sentences of an unusually repetitive story.
 */
export const MAX_EVIDENCE_PER_FACT_PER_STORY = 20;

/**
 * The version of the rows built from an extraction. It is part of the extraction hash, so when the
 * way rows are built changes (as when repeated quotes were first folded into one), stories loaded
 * before are rewritten once on the next run instead of being skipped as unchanged.
 */
const ROWS_VERSION = 2;

/** A hash of everything extracted from a story: equal hashes mean re-loading it changes nothing. */
export function extractionHash(extraction: Extraction): string {
  return createHash('sha256')
    .update(JSON.stringify([ROWS_VERSION, extraction.entities, extraction.mentions, extraction.facts, extraction.outletId]))
    .digest('hex')
    .slice(0, 16);
}

export function buildRows(stories: Story[], extractions: Extraction[]): LoadRows {
  const storyById = new Map(stories.map((s) => [s.id, s]));
  const extractionById = new Map(extractions.map((e) => [e.storyId, e]));
  const rows: LoadRows = {
    stories: stories.flatMap((story) => {
      const extraction = extractionById.get(story.id);
      return extraction ? [{ ...story, extractionHash: extractionHash(extraction) }] : [];
    }),
    entitiesByLabel: new Map(ENTITY_LABELS.map((label) => [label, []])),
    publishedBy: [],
    mentions: [],
    evidence: [],
    factsByType: new Map(FACT_TYPES.map((type) => [type, []])),
  };
  const seenEntities = new Set<string>();
  const seenFacts = new Set<string>();
  const seenEvidence = new Set<string>();
  const seenMentions = new Set<string>();
  /** Per story: the evidence row of each (fact, quote, claim), to count repeats into. */
  const byQuote = new Map<string, LoadRows['evidence'][number]>();
  /** Per story: distinct Evidence rows of each fact so far. */
  const perFact = new Map<string, number>();
  for (const extraction of extractions) {
    const story = storyById.get(extraction.storyId);
    if (!story) continue;
    for (const entity of extraction.entities) {
      if (seenEntities.has(entity.id)) continue;
      seenEntities.add(entity.id);
      const aliases = [...new Set(entity.aliases)];
      rows.entitiesByLabel.get(entity.label)?.push({
        id: entity.id, name: entity.name, aliases, aliasText: aliases.join(' | '), confidence: entity.confidence,
        source: entity.source, props: storable(entity.props),
      });
    }
    if (extraction.outletId) rows.publishedBy.push({ story: story.id, outlet: extraction.outletId });
    for (const mention of extraction.mentions) {
      if (seenMentions.has(`${story.id}|${mention.entityId}`)) continue;
      seenMentions.add(`${story.id}|${mention.entityId}`);
      rows.mentions.push({ story: story.id, entity: mention.entityId, count: mention.count, first: mention.first });
    }
    byQuote.clear();
    perFact.clear();
    for (const fact of extraction.facts) {
      const facts = rows.factsByType.get(fact.type);
      // Fact.type is a FactType, so this only fires for a value that bypassed the types (a cast).
      if (!facts) throw new Error(`story ${story.id}: fact type "${fact.type}" is not a relation type of the model (model/schema/relations.ts)`);
      const key = factKey(fact.type, fact.from, fact.to);
      const ev = fact.evidence;
      const id = evidenceId(key, story.id, ev.start);
      if (seenEvidence.has(id)) continue;
      seenEvidence.add(id);
      const claim = JSON.stringify(fact.props);
      // The same sentence stated again (a repeated paragraph, a page pasted twice) is one quote
      // stated more often, not more evidence: count it on the first one.
      const quoteKey = JSON.stringify([key, ev.quote, claim]);
      const same = byQuote.get(quoteKey);
      if (same) {
        same.occurrences++;
        continue;
      }
      const kept = perFact.get(key) ?? 0;
      if (kept < MAX_EVIDENCE_PER_FACT_PER_STORY) {
        perFact.set(key, kept + 1);
        const row: LoadRows['evidence'][number] = {
          id, relKey: key, factType: fact.type, storyId: story.id, from: fact.from, to: fact.to,
          quote: ev.quote, start: ev.start, end: ev.end, occurrences: 1, confidence: ev.confidence, extractor: ev.extractor,
          extractorVersion: ev.extractorVersion, claim, outlet: story.outlet, published: story.published,
          claimValues: claimValues(fact.type, fact.props),
        };
        byQuote.set(quoteKey, row);
        rows.evidence.push(row);
      }
      if (seenFacts.has(key)) continue;
      seenFacts.add(key);
      facts.push({ key, from: fact.from, to: fact.to });
    }
  }
  return rows;
}
