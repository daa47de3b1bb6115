/**
 * Wire types the client reads. Graph and QueryResult come from the shared schemas in model/api.ts;
 * the rest mirror the API contract and are read leniently (optional fields), since the client
 * must show whatever the server sends without breaking.
 */
export type { Graph, GraphNode, GraphEdge, QueryResult, Table } from '../../../model/api.js';

export interface Health {
  status: string;
  database: { version: string; edition?: string };
  counts: { nodes: number; relationships: number };
}

export interface SearchHit {
  id: string;
  label: string;
  name: string;
  score?: number;
  aliases?: string[];
}

export interface StoryRef {
  id: string;
  title: string;
  outlet?: string | null;
  published?: string | null;
  url?: string | null;
}

export interface FactSummary {
  key: string;
  type: string;
  source: string;
  target: string;
  sourceName?: string;
  targetName?: string;
  props?: Record<string, unknown>;
  storyCount?: number;
  outletCount?: number;
}

export interface EntityDetails {
  id: string;
  labels: string[];
  name: string;
  props: Record<string, unknown>;
  aliases: string[];
  degree: Record<string, number>;
  stories: StoryRef[];
  facts: FactSummary[];
}

export interface EvidenceQuote {
  id?: string;
  quote: string;
  story: { id: string; title: string };
  outlet?: string | null;
  date?: string | null;
  url?: string | null;
  start: number;
  end: number;
  confidence?: number;
  claim?: Record<string, unknown> | null;
  /** Some text around the quote, when the server sends it. */
  context?: { before: string; after: string } | null;
}

export interface FactEvidence {
  key: string;
  type?: string;
  source?: { id: string; name?: string } | string;
  target?: { id: string; name?: string } | string;
  props?: Record<string, unknown>;
  evidence: EvidenceQuote[];
}

export interface StoryMention {
  id: string;
  label?: string;
  labels?: string[];
  name: string;
  aliases?: string[];
  count?: number;
}

export interface StoryFact {
  key: string;
  type: string;
  quote?: string;
  start?: number;
  end?: number;
  source?: string;
  target?: string;
}

export interface StoryDetails {
  id: string;
  title: string;
  body: string;
  outlet?: string | null;
  published?: string | null;
  url?: string | null;
  facts: StoryFact[];
  entities: StoryMention[];
}

export interface QueryParam {
  name: string;
  type: string;
  default?: unknown;
  help?: string;
}

export interface SavedQuery {
  name: string;
  description?: string;
  params: QueryParam[];
  /** Analysts' own queries can be edited and deleted; the shipped ones cannot. */
  custom?: boolean;
  query?: string;
  cypher?: string;
}

export type ExportFormat = 'json' | 'graphml' | 'csv' | 'cypher' | 'markdown';
