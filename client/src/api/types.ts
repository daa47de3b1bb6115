/**
 * Wire types the client reads: inferred from the shared zod schemas in model/api.ts (types only,
 * so no zod reaches the bundle).
 */
export type {
  Graph,
  GraphNode,
  GraphEdge,
  QueryResult,
  Table,
  SearchHit,
  EntityDetail,
  EntityFact,
  FactDetail,
  StoryDetail,
  StorySummary,
  SavedQueryInfo,
  QueryParamSpec,
} from '../../../model/api.js';
import type { FactDetail } from '../../../model/api.js';

export type FactEvidence = FactDetail['evidence'][number];

export interface Health {
  status: string;
  database: { version: string; edition?: string };
  counts: { nodes: number; relationships: number };
}

export type { ExportFormatId as ExportFormat } from '../../../model/export-formats.js';
