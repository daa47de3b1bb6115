/**
 * The export formats are one registry: model/export-formats.ts declares them, server/export/writers.ts
 * has a writer for each, and the request schema, the OpenAPI document, the route and the UI's
 * export panel all read that list (so adding a format is one entry, one writer file, one line).
 */
import { describe, expect, it } from 'vitest';
import type { Graph } from '../../model/api.js';
import { ExportRequestSchema } from '../../model/api.js';
import { EXPORT_FORMAT_IDS, EXPORT_FORMATS, exportFormat } from '../../model/export-formats.js';
import type { Database } from '../../db/connect.js';
import { createApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { exportContext } from '../../server/export/writer.js';
import { EXPORT_WRITERS } from '../../server/export/writers.js';
import supertest from 'supertest';

const graph: Graph = {
  nodes: [
    { id: 'company:a', labels: ['Company', 'Entity'], props: { id: 'company:a', name: 'A' } },
    { id: 'place:b', labels: ['Place', 'Entity'], props: { id: 'place:b', name: 'B' } },
  ],
  edges: [{ id: 'fact:1', type: 'OWNS_STAKE', source: 'company:a', target: 'place:b', props: { key: 'fact:1', percent: 60 } }],
  truncated: false,
};

/** The served document, from an app whose database is never reached (building it needs none). */
async function servedOpenApi() {
  const db = { driver: {}, name: undefined, uri: 'none', close: async () => {} } as unknown as Database;
  const res = await supertest(createApp({ db, config: loadConfig({}), log: () => {} })).get('/api/openapi.json').set('Host', '127.0.0.1');
  expect(res.status).toBe(200);
  return res.body as { paths: Record<string, { post: { summary: string; description: string; responses: { 200: { content: Record<string, unknown> } } } }> };
}

describe('the export registry', () => {
  it('has exactly one writer per declared format', () => {
    expect(Object.keys(EXPORT_WRITERS).sort()).toEqual([...EXPORT_FORMAT_IDS].sort());
    expect(new Set(EXPORT_FORMAT_IDS).size).toBe(EXPORT_FORMATS.length);
  });

  it('is what the request schema accepts', () => {
    for (const id of EXPORT_FORMAT_IDS) expect(ExportRequestSchema.safeParse({ ids: ['x'], format: id }).success).toBe(true);
    expect(ExportRequestSchema.safeParse({ ids: ['x'], format: 'gexf-not-yet' }).success).toBe(false);
  });

  it('is what the OpenAPI document lists: every media type, every format named in the summary', async () => {
    const exportDoc = (await servedOpenApi()).paths['/api/export']!.post;
    expect(Object.keys(exportDoc.responses[200].content).sort()).toEqual([...new Set(EXPORT_FORMATS.map((f) => f.mime))].sort());
    for (const f of EXPORT_FORMATS) expect(exportDoc.summary).toContain(f.phrase);
    expect(exportDoc.description).toContain('part=nodes');
  });

  it('is what the UI offers', async () => {
    // The panel module touches no DOM at import; it lists the registry's formats in order.
    const { SERVER_FORMATS } = await import('../../client/src/panels/export.js');
    expect(SERVER_FORMATS).toEqual(EXPORT_FORMATS.map((f) => ({ format: f.id, title: f.title })));
  });

  it('writes every format from a graph; only the formats that declare it read the evidence', () => {
    const evidence = { quotes: new Map(), totals: new Map() };
    for (const id of EXPORT_FORMAT_IDS) {
      const writer = EXPORT_WRITERS[id];
      const needsEvidence = writer.needs?.evidence !== undefined;
      const text = writer.write(graph, exportContext(id, 'all', needsEvidence ? evidence : undefined));
      expect(text.length, id).toBeGreaterThan(0);
      expect(exportFormat(id).extension).toMatch(/^[a-z]+$/);
    }
    // A format that reads the evidence without declaring it fails loudly instead of writing a file without it.
    expect(() => EXPORT_WRITERS.markdown.write(graph, exportContext('markdown', 'all'))).toThrow(/without declaring needs\.evidence/);
  });

  it('lets a format name its file (CSV by its part)', () => {
    expect(EXPORT_WRITERS.csv.fileSuffix?.(exportContext('csv', 'nodes'))).toBe('-nodes');
    expect(EXPORT_WRITERS.csv.fileSuffix?.(exportContext('csv', 'all'))).toBe('');
  });
});
