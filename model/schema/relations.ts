/**
 * The relation types, each declared once. Facts connect two entities and are supported by Evidence;
 * document relations tie stories to outlets, entities and evidence. Direction is `from → to` and
 * reads as `<from> <phrase> <to>` ("China owns a stake in the port").
 */
import type { PropertySpec } from './property.js';

export interface FactRelationSpec {
  /** Relationship type in Neo4j. */
  readonly type: string;
  /** A short phrase for edge titles and briefs: "China trades with Russia". */
  readonly phrase: string;
  /** True when A→B means the same as B→A (stored once, with endpoints in id order). */
  readonly symmetric: boolean;
  /** Its colour on the canvas and in the legend; distinct per relation type. */
  readonly colour: string;
  /** Properties the fact may carry besides the bookkeeping ones (FACT_PROPERTIES). */
  readonly properties: readonly PropertySpec[];
}

export interface DocumentRelationSpec {
  readonly type: string;
  readonly phrase: string;
  /** The label at each end (`Entity`: any entity label). */
  readonly from: string;
  readonly to: string;
  readonly colour: string;
  /** Whether it can appear on the canvas (and so in the legend and filters). */
  readonly onCanvas: boolean;
  readonly properties: readonly PropertySpec[];
}

/** What every fact carries, whatever its type; the loader computes them from the fact's evidence. */
export const FACT_PROPERTIES = [
  { name: 'key', type: 'string', doc: '`fact:<16 hex>` of type + endpoints; indexed per type.' },
  { name: 'storyCount', type: 'integer', doc: 'Stories that support it.' },
  { name: 'outletCount', type: 'integer', doc: 'Outlets that support it.' },
  { name: 'firstReported', type: 'date', doc: 'Earliest supporting story date.', optional: true },
  { name: 'lastReported', type: 'date', doc: 'Latest supporting story date.', optional: true },
] as const satisfies readonly PropertySpec[];

const role = { name: 'role', type: 'string', doc: 'The office or position ("chairman").' } as const;

export const FACT_RELATIONS = [
  {
    type: 'TRADES_WITH', phrase: 'trades with', symmetric: true, colour: '#1f77b4',
    properties: [
      { name: 'value', type: 'float', doc: 'Trade value stated.', display: 'compact' },
      { name: 'currency', type: 'string', doc: 'Currency of the value (`USD`).' },
      { name: 'year', type: 'integer', doc: 'Year the value is for.' },
    ],
  },
  { type: 'OWNS_STAKE', phrase: 'owns a stake in', symmetric: false, colour: '#d62728', properties: [{ name: 'percent', type: 'float', doc: 'Size of the stake, in percent.', display: 'percent' }] },
  { type: 'ACQUIRED', phrase: 'acquired', symmetric: false, colour: '#2ca02c', properties: [{ name: 'asset', type: 'string', doc: 'What of the target was acquired ("electricity distribution").' }] },
  { type: 'SANCTIONS', phrase: 'sanctions', symmetric: false, colour: '#9467bd', properties: [] },
  { type: 'EXPORT_CONTROLS', phrase: 'controls exports of', symmetric: false, colour: '#ff7f0e', properties: [{ name: 'item', type: 'string', doc: 'What is controlled ("chips").' }] },
  { type: 'BUILT', phrase: 'built', symmetric: false, colour: '#8c564b', properties: [] },
  { type: 'LOCATED_IN', phrase: 'is located in', symmetric: false, colour: '#e377c2', properties: [] },
  { type: 'LEADS', phrase: 'leads', symmetric: false, colour: '#17becf', properties: [role] },
  { type: 'MEETS', phrase: 'meets', symmetric: true, colour: '#bcbd22', properties: [] },
  { type: 'ACCUSES', phrase: 'accuses', symmetric: false, colour: '#393b79', properties: [] },
  { type: 'INVESTIGATES', phrase: 'investigates', symmetric: false, colour: '#637939', properties: [] },
  { type: 'HACKED', phrase: 'hacked', symmetric: false, colour: '#843c39', properties: [] },
  { type: 'STATIONED_IN', phrase: 'is stationed in', symmetric: false, colour: '#7b4173', properties: [] },
  { type: 'EMPLOYED_BY', phrase: 'is employed by', symmetric: false, colour: '#3182bd', properties: [role] },
  { type: 'SUPPORTS', phrase: 'supports', symmetric: false, colour: '#31a354', properties: [{ name: 'aid', type: 'string', doc: 'The kind of support ("military aid", "loans").' }] },
  { type: 'THREATENS', phrase: 'threatens', symmetric: false, colour: '#e6550d', properties: [] },
  {
    type: 'INVESTS_IN', phrase: 'invests in', symmetric: false, colour: '#756bb1',
    properties: [
      { name: 'value', type: 'float', doc: 'Amount invested.', display: 'compact' },
      { name: 'currency', type: 'string', doc: 'Currency of the value (`USD`).' },
    ],
  },
  { type: 'SUPPLIES', phrase: 'supplies', symmetric: false, colour: '#636363', properties: [{ name: 'item', type: 'string', doc: 'What is supplied ("ballistic missiles").' }] },
] as const satisfies readonly FactRelationSpec[];

export const DOCUMENT_RELATION_SPECS = [
  { type: 'PUBLISHED_BY', phrase: 'is published by', from: 'Story', to: 'Outlet', colour: '#a6acaf', onCanvas: true, properties: [] },
  {
    type: 'MENTIONS', phrase: 'mentions', from: 'Story', to: 'Entity', colour: '#b3b6b7', onCanvas: true,
    properties: [
      { name: 'count', type: 'integer', doc: 'How often the story mentions it.' },
      { name: 'first', type: 'string', doc: 'The first sentence mentioning it (the headline when only the headline names it).' },
    ],
  },
  { type: 'IN_STORY', phrase: 'is a quote in', from: 'Evidence', to: 'Story', colour: '#cacfd2', onCanvas: true, properties: [] },
] as const satisfies readonly DocumentRelationSpec[];
