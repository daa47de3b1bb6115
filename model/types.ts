/**
 * The values that flow between the pipeline stages: parse → Story, extract → Extraction, load → Neo4j.
 * zod schemas where values cross a boundary (files, HTTP); plain types inferred from them.
 */
import { z } from 'zod';
import type { EntityLabel, FactType } from './graph-model.js';
import { isAbsoluteHttpUrl } from './http-url.js';

/** One story as parsed from a page (or posted as JSON). */
export const StorySchema = z.object({
  /** `story:` + sha256 of normalised title + body, first 16 hex chars. */
  id: z.string(),
  title: z.string().min(1),
  body: z.string(),
  outlet: z.string().nullable(),
  /** ISO date (YYYY-MM-DD) or null when the page gives none. */
  published: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  url: z.string().nullable(),
  /** Source pages (file names) this story appeared on; several when it was repeated. */
  pages: z.array(z.string()),
  /** Which parser produced it: 'source-line', 'takeaways', 'newswire', 'generic', 'json'. */
  layout: z.string(),
});
export type Story = z.infer<typeof StorySchema>;

/**
 * Input accepted from JSON / NDJSON files and POST /api/stories. Title and body are kept exactly as
 * sent (no trimming, no whitespace folding: evidence offsets and what the analyst reads must match
 * the source character for character); a title must still have some text. A url must be an
 * absolute http(s) URL, so a story's link can never lead to `javascript:` or another host's
 * protocol-relative `//…`; an empty url means none.
 */
export const StoryInputSchema = z.object({
  title: z.string().max(1000).refine((t) => t.trim() !== '', 'the title is empty (only whitespace)'),
  body: z.string().min(1).max(1_000_000),
  outlet: z.string().trim().min(1).max(200).optional(),
  published: z.string().optional(),
  url: z
    .string()
    .trim()
    .max(2000)
    .refine((u) => u === '' || isAbsoluteHttpUrl(u), 'must be an absolute http:// or https:// URL, such as https://example.com/story')
    .optional(),
});
export type StoryInput = z.infer<typeof StoryInputSchema>;

export { EntityLabelSchema, FactTypeSchema } from './validation.js';

/** An entity found in text: a node to MERGE on its id. */
export interface Entity {
  id: string;
  label: EntityLabel;
  name: string;
  aliases: string[];
  /** Extra properties: role, country (an entity id), kind, iso2, lat, lng, ownership… */
  props: Record<string, string | number | boolean | null>;
  /** 1 for catalogue entries and countries; lower for names found only by the recogniser. */
  confidence: number;
  source: 'catalog' | 'countries' | 'recognizer';
}

/** A mention of an entity in one story. */
export interface Mention {
  entityId: string;
  count: number;
  /** The first sentence that mentions it. */
  first: string;
}

/** One quote that supports a fact. */
export interface Evidence {
  storyId: string;
  quote: string;
  /** Character offsets of the quote in story.body. */
  start: number;
  end: number;
  extractor: string;
  extractorVersion: string;
  confidence: number;
}

/** A typed fact between two entities, with the evidence from one story. */
export interface Fact {
  /** A relation type of the model: a typo'd type does not compile. */
  type: FactType;
  from: string;
  to: string;
  props: Record<string, string | number | null>;
  evidence: Evidence;
}

/** What extraction yields for one story. */
export interface Extraction {
  storyId: string;
  entities: Entity[];
  mentions: Mention[];
  facts: Fact[];
  /** Outlet entity id the story was published by, if known. */
  outletId: string | null;
}
