/**
 * The data model as data: node labels and relation types declared once, read by the extractor,
 * the loader, the API and the UI. Adding a relation type here is enough for it to be loaded,
 * served, filtered and drawn.
 */

export const ENTITY_LABELS = ['Country', 'Official', 'Person', 'Company', 'Organization', 'Outlet', 'Place'] as const;
export type EntityLabel = (typeof ENTITY_LABELS)[number];

/** Every node label, including the document-side ones. Each has a uniqueness constraint on `id`. */
export const NODE_LABELS = [...ENTITY_LABELS, 'Story', 'Evidence', 'SavedQuery'] as const;
export type NodeLabel = (typeof NODE_LABELS)[number];

/** The id prefix of each label: `country:CHN`, `company:cosco`, `story:3f9a…`. */
export const ID_PREFIX: Record<NodeLabel, string> = {
  Country: 'country',
  Official: 'official',
  Person: 'person',
  Company: 'company',
  Organization: 'org',
  Outlet: 'outlet',
  Place: 'place',
  Story: 'story',
  Evidence: 'ev',
  SavedQuery: 'query',
};

export interface RelationSpec {
  /** Relationship type in Neo4j. */
  type: string;
  /** A short phrase for edge labels and briefs: "China trades with Russia". */
  phrase: string;
  /** Properties the fact may carry besides the bookkeeping ones. */
  props: readonly string[];
  /** True when A→B means the same as B→A (stored once, with endpoints in id order). */
  symmetric: boolean;
}

/** Typed facts between entities. Each carries key, storyCount, outletCount, firstReported, lastReported. */
export const RELATIONS: readonly RelationSpec[] = [
  { type: 'TRADES_WITH', phrase: 'trades with', props: ['value', 'currency', 'year'], symmetric: true },
  { type: 'OWNS_STAKE', phrase: 'owns a stake in', props: ['percent'], symmetric: false },
  { type: 'ACQUIRED', phrase: 'acquired', props: ['asset'], symmetric: false },
  { type: 'SANCTIONS', phrase: 'sanctions', props: [], symmetric: false },
  { type: 'EXPORT_CONTROLS', phrase: 'controls exports of', props: ['item'], symmetric: false },
  { type: 'BUILT', phrase: 'built', props: [], symmetric: false },
  { type: 'LOCATED_IN', phrase: 'is located in', props: [], symmetric: false },
  { type: 'LEADS', phrase: 'leads', props: ['role'], symmetric: false },
  { type: 'MEETS', phrase: 'meets', props: [], symmetric: true },
  { type: 'ACCUSES', phrase: 'accuses', props: [], symmetric: false },
  { type: 'INVESTIGATES', phrase: 'investigates', props: [], symmetric: false },
  { type: 'HACKED', phrase: 'hacked', props: [], symmetric: false },
  { type: 'STATIONED_IN', phrase: 'is stationed in', props: [], symmetric: false },
  { type: 'EMPLOYED_BY', phrase: 'is employed by', props: ['role'], symmetric: false },
] as const;

export const FACT_TYPES = RELATIONS.map((r) => r.type);
export type FactType = (typeof RELATIONS)[number]['type'];

/** Document-side relationships. */
export const DOCUMENT_RELATIONS = ['PUBLISHED_BY', 'MENTIONS', 'IN_STORY'] as const;

export function relationSpec(type: string): RelationSpec | undefined {
  return RELATIONS.find((r) => r.type === type);
}
