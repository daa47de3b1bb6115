/**
 * The writer of every export format, by the ids of model/export-formats.ts. `satisfies` makes the
 * compiler refuse a format listed there without a writer here, or a writer for no listed format.
 * Adding a format: its entry in model/export-formats.ts, its file in formats/, its line here.
 */
import type { ExportFormatId } from '../../model/export-formats.js';
import { csv } from './formats/csv.js';
import { cypher } from './formats/cypher.js';
import { graphml } from './formats/graphml.js';
import { json } from './formats/json.js';
import { markdown } from './formats/markdown.js';
import type { ExportWriter } from './writer.js';

export const EXPORT_WRITERS = { json, graphml, csv, cypher, markdown } satisfies Record<ExportFormatId, ExportWriter>;
