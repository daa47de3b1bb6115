/**
 * The export formats of POST /api/export, as data: the request schema (model/api.ts), the OpenAPI
 * document and the export route read this list, and so does the UI's export panel, which is why it
 * lives in model/ and holds no code. Each format's writer is server/export/formats/<id>.ts, listed
 * by these ids in server/export/writers.ts (the compiler refuses a format without a writer).
 */
export interface ExportFormatInfo {
  id: string;
  /** Extension of the downloaded file. */
  extension: string;
  /** Media type, without parameters (the API sends every format as UTF-8). */
  mime: string;
  /** Label of the format's button in the UI. */
  title: string;
  /** How the API document names the format in a sentence ("a Cypher script"). */
  phrase: string;
  /** What the API document says about the format's own request options, if it has any. */
  note?: string;
}

export const EXPORT_FORMATS = [
  { id: 'json', extension: 'cyjs', mime: 'application/json', title: 'JSON', phrase: 'Cytoscape JSON' },
  { id: 'graphml', extension: 'graphml', mime: 'application/graphml+xml', title: 'GraphML', phrase: 'GraphML' },
  {
    id: 'csv',
    extension: 'csv',
    mime: 'text/csv',
    title: 'CSV',
    phrase: 'CSV',
    note: 'CSV: part=nodes or part=edges gives one table; part=all (default) the nodes table, an empty line, then the edges table.',
  },
  { id: 'cypher', extension: 'cypher', mime: 'text/plain', title: 'Cypher script', phrase: 'a Cypher script' },
  { id: 'markdown', extension: 'md', mime: 'text/markdown', title: 'Markdown brief', phrase: 'a Markdown brief' },
] as const satisfies readonly ExportFormatInfo[];

export type ExportFormatId = (typeof EXPORT_FORMATS)[number]['id'];

/** The ids in order, as a non-empty tuple (what z.enum takes). */
export const EXPORT_FORMAT_IDS = EXPORT_FORMATS.map((f) => f.id) as [ExportFormatId, ...ExportFormatId[]];

export function exportFormat(id: ExportFormatId): ExportFormatInfo {
  return EXPORT_FORMATS.find((f) => f.id === id)!;
}
