/**
 * What an export format's writer is: a pure function from a graph (and what the format declares
 * it needs besides) to the file's text. The formats' declarative part (id, extension, media type,
 * title) is model/export-formats.ts; the writers are listed by id in writers.ts.
 */
import type { Graph } from '../../model/api.js';

/** One quote behind a fact, as a brief shows it. */
export interface BriefEvidence {
  quote: string;
  story: { id: string; title: string };
  outlet: string | null;
  published: string | null;
  url: string | null;
  claim: Record<string, unknown> | null;
  /** Times the story states this quote for the fact (1 when absent). */
  occurrences?: number;
}

/** The newest quotes of each fact of the graph (by fact key, which is the edge id) and every fact's total. */
export interface FactEvidence {
  quotes: ReadonlyMap<string, BriefEvidence[]>;
  totals: ReadonlyMap<string, number>;
}

export interface ExportContext {
  /** The request's `part` (CSV's option: one table or both); other formats ignore it. */
  part: 'nodes' | 'edges' | 'all';
  generatedAt: Date;
  /**
   * The evidence of the graph's facts. The route reads it from the database only for a format that
   * declares `needs.evidence`; for any other format calling this throws, so a format cannot quietly
   * write a file without the evidence it forgot to ask for.
   */
  evidence(): FactEvidence;
}

export interface ExportWriter {
  /** What the route must fetch before writing: the newest `quotesPerFact` quotes of every fact. */
  needs?: { evidence?: { quotesPerFact: number } };
  write(graph: Graph, context: ExportContext): string;
  /** Added to the file name before the extension (CSV's `-nodes`); none when absent. */
  fileSuffix?(context: ExportContext): string;
}

/** The context of one export; `evidence` is what the route read because the format declared it needs it. */
export function exportContext(formatId: string, part: ExportContext['part'], evidence?: FactEvidence, generatedAt = new Date()): ExportContext {
  return {
    part,
    generatedAt,
    evidence: () => {
      if (!evidence) throw new Error(`The ${formatId} export reads the evidence without declaring needs.evidence.`);
      return evidence;
    },
  };
}
