/**
 * The node labels, each declared once: its id prefix, its properties with their types, and how the
 * UI draws it. Entities (the things facts connect) also carry the generic `:Entity` label and the
 * properties every entity has (ENTITY_PROPERTIES); the other labels are the documents the facts
 * come from (Story, Evidence) and the analysts' own saved queries.
 */
import type { PropertySpec } from './property.js';

/** Cytoscape node shapes the legend's swatches know how to draw (client/src/styles.css). */
export type NodeShape = 'ellipse' | 'diamond' | 'round-rectangle' | 'rectangle' | 'hexagon' | 'vee' | 'triangle';

export interface LabelSpec {
  readonly name: string;
  /** `entity`: carries `:Entity` and ENTITY_PROPERTIES; `document`: Story and Evidence; `app`: owned by the API. */
  readonly kind: 'entity' | 'document' | 'app';
  /** The id prefix: `country:CHN`, `company:cosco`, `story:3f9a…`. */
  readonly idPrefix: string;
  /** Plural for the legend and filters: "Countries". */
  readonly plural: string;
  /** Its colour on the canvas, in the legend and in lists; distinct per label. */
  readonly colour: string;
  readonly shape: NodeShape;
  /** Whether it can appear on the canvas (and so in the legend and filters). */
  readonly onCanvas: boolean;
  /** Part of the full-text search index (its `fullText` properties). */
  readonly searchable: boolean;
  /** Its own properties, besides `id` (and ENTITY_PROPERTIES for entities). */
  readonly properties: readonly PropertySpec[];
}

/** Every node has a unique `id` (one uniqueness constraint per label, and one on `:Entity`). */
export const ID_PROPERTY = { name: 'id', type: 'string', doc: 'Unique id: the label\'s prefix, a colon and a key (`country:CHN`).' } as const satisfies PropertySpec;

/** What every entity carries, whatever its label. */
export const ENTITY_PROPERTIES = [
  { name: 'name', type: 'string', doc: 'Display name.', fullText: true },
  { name: 'aliases', type: 'string[]', doc: 'Other names it is found by.' },
  { name: 'aliasText', type: 'string', doc: 'The aliases joined with ` | `, for the full-text index.', fullText: true },
  { name: 'confidence', type: 'float', doc: '1 = catalogue, lower = found only by the recogniser.' },
  { name: 'source', type: 'string', doc: '`catalog | countries | recognizer`.' },
] as const satisfies readonly PropertySpec[];

const country = { name: 'country', type: 'string', doc: 'Entity id of its country (`country:CHN`).', optional: true } as const;

export const LABELS = [
  {
    name: 'Country', kind: 'entity', idPrefix: 'country', plural: 'Countries', colour: '#2f6fd6', shape: 'ellipse', onCanvas: true, searchable: true,
    properties: [
      { name: 'iso2', type: 'string', doc: 'ISO 3166-1 alpha-2 code.' },
      { name: 'iso3', type: 'string', doc: 'ISO 3166-1 alpha-3 code (the id\'s key).' },
      { name: 'lat', type: 'float', doc: 'Latitude of its centre.', optional: true },
      { name: 'lng', type: 'float', doc: 'Longitude of its centre.', optional: true },
      { name: 'official', type: 'string', doc: 'Official name ("People\'s Republic of China").' },
    ],
  },
  {
    name: 'Official', kind: 'entity', idPrefix: 'official', plural: 'Officials', colour: '#c0392b', shape: 'diamond', onCanvas: true, searchable: true,
    properties: [
      { name: 'role', type: 'string', doc: 'Office held ("foreign minister").', optional: true },
      country,
      { name: 'org', type: 'string', doc: 'Entity id of the organisation they serve (`org:…`).', optional: true },
    ],
  },
  { name: 'Person', kind: 'entity', idPrefix: 'person', plural: 'People', colour: '#e67e22', shape: 'ellipse', onCanvas: true, searchable: true, properties: [] },
  {
    name: 'Company', kind: 'entity', idPrefix: 'company', plural: 'Companies', colour: '#16a085', shape: 'round-rectangle', onCanvas: true, searchable: true,
    properties: [country, { name: 'ownership', type: 'string', doc: 'Who owns it (`state`, `private`, …).', optional: true }],
  },
  {
    name: 'Organization', kind: 'entity', idPrefix: 'org', plural: 'Organisations', colour: '#8e44ad', shape: 'hexagon', onCanvas: true, searchable: true,
    properties: [{ name: 'kind', type: 'string', doc: 'What sort (`ministry`, `military`, `agency`, …).', optional: true }, country],
  },
  {
    name: 'Outlet', kind: 'entity', idPrefix: 'outlet', plural: 'Outlets', colour: '#7f8c8d', shape: 'vee', onCanvas: true, searchable: true,
    properties: [country, { name: 'ownership', type: 'string', doc: 'Who owns it (`state`, `private`, `unknown`, …).' }],
  },
  {
    name: 'Place', kind: 'entity', idPrefix: 'place', plural: 'Places', colour: '#b8860b', shape: 'triangle', onCanvas: true, searchable: true,
    properties: [{ name: 'kind', type: 'string', doc: 'What sort (`port`, `city`, `region`, …).', optional: true }, country],
  },
  {
    name: 'Story', kind: 'document', idPrefix: 'story', plural: 'Stories', colour: '#5d6d7e', shape: 'rectangle', onCanvas: true, searchable: true,
    properties: [
      { name: 'title', type: 'string', doc: 'Headline, exactly as given (JSON) or as the page\'s line.', fullText: true },
      { name: 'name', type: 'string', doc: 'The title again, so every drawn node has a `name`.', fullText: true },
      { name: 'body', type: 'string', doc: 'Full text; evidence offsets point into it.' },
      { name: 'outlet', type: 'string', doc: 'Outlet name as the page gives it.', optional: true },
      { name: 'published', type: 'date', doc: 'Publication date.', optional: true, indexed: true },
      { name: 'url', type: 'string', doc: 'An absolute http(s) URL.', optional: true },
      { name: 'pages', type: 'string[]', doc: 'Source pages (file names) it appeared on.' },
      { name: 'layout', type: 'string', doc: 'The page layout that parsed it (`source-line`, `json`, …).' },
      { name: 'extractionHash', type: 'string', doc: 'Hash of what was extracted from it: an unchanged story is skipped on re-runs.' },
      { name: 'loadStamp', type: 'string', doc: 'The loader run that created it (how concurrent loaders agree who writes it).' },
    ],
  },
  {
    name: 'Evidence', kind: 'document', idPrefix: 'ev', plural: 'Evidence', colour: '#d4ac0d', shape: 'round-rectangle', onCanvas: true, searchable: false,
    properties: [
      { name: 'relKey', type: 'string', doc: 'The `key` of the fact it supports.', indexed: true },
      { name: 'factType', type: 'string', doc: 'The relation type of that fact.' },
      { name: 'storyId', type: 'string', doc: 'Id of the story it quotes.' },
      { name: 'quote', type: 'string', doc: 'The exact sentence.' },
      { name: 'start', type: 'integer', doc: 'Offset of the quote in the story body (the first time it is stated).' },
      { name: 'end', type: 'integer', doc: 'End offset of the quote.' },
      { name: 'occurrences', type: 'integer', doc: 'How many times the story states this quote for this fact (absent on nodes older than it: read `coalesce(ev.occurrences, 1)`).', optional: true },
      { name: 'confidence', type: 'float', doc: 'The extractor\'s confidence in the fact from this quote.' },
      { name: 'extractor', type: 'string', doc: 'Name of the extractor.' },
      { name: 'extractorVersion', type: 'string', doc: 'Its version.' },
      { name: 'claim', type: 'string', doc: 'JSON of the values this story states (`{"percent":60}`).' },
      { name: 'claimSize', type: 'integer', doc: 'How many values it states; the best-supported claim has the most. Each value is stored as `claim_` + the property\'s name (below).' },
      { name: 'outlet', type: 'string', doc: 'Outlet name of the story.', optional: true },
      { name: 'published', type: 'date', doc: 'Publication date of the story.', optional: true },
    ],
  },
  {
    name: 'SavedQuery', kind: 'app', idPrefix: 'query', plural: 'Saved queries', colour: '#34495e', shape: 'rectangle', onCanvas: false, searchable: false,
    properties: [
      { name: 'name', type: 'string', doc: 'Its name (the id\'s key).' },
      { name: 'description', type: 'string', doc: 'What it answers.', optional: true },
      { name: 'cypher', type: 'string', doc: 'The query text.' },
      { name: 'params', type: 'string', doc: 'JSON of its parameter specs.' },
      { name: 'createdAt', type: 'datetime', doc: 'When it was saved.' },
      { name: 'updatedAt', type: 'datetime', doc: 'When it was last changed.' },
    ],
  },
] as const satisfies readonly LabelSpec[];
