/**
 * Export of the current view or selection: PNG and SVG drawn by Cytoscape in the browser; the
 * data formats (model/export-formats.ts: JSON, GraphML, CSV, Cypher, a Markdown brief…) built by
 * the server (POST /api/export).
 */
import type { Core } from 'cytoscape';
import { EXPORT_FORMATS } from '../../../model/export-formats.js';
import { api, plain } from '../api/client.js';
import type { ExportFormat } from '../api/types.js';
import { download, h, toast } from '../dom.js';

/** The formats the server writes, from the same registry as the API (model/export-formats.ts). */
export const SERVER_FORMATS: { format: ExportFormat; title: string }[] = EXPORT_FORMATS.map((f) => ({ format: f.id, title: f.title }));

const stamp = () => new Date().toISOString().slice(0, 16).replace(/[:T]/g, '-');

/** The elements to export: the selection when asked and not empty, else everything visible. */
export function exportScope(cy: Core, selectionOnly: boolean) {
  const visible = cy.elements().not('.filtered');
  const selected = visible.filter(':selected');
  return selectionOnly && selected.nonempty() ? selected.union(selected.edgesWith(selected)) : visible;
}

export function exportPNG(cy: Core): void {
  const blob = cy.png({ output: 'blob', full: true, scale: 2, maxWidth: 8000, maxHeight: 8000, bg: '#ffffff' }) as unknown as Blob;
  download(blob, `newsgraph-${stamp()}.png`);
}

export function exportSVG(cy: Core): void {
  const text = (cy as unknown as { svg(o: object): string }).svg({ full: true, scale: 1, bg: '#ffffff' });
  download(new Blob([text], { type: 'image/svg+xml' }), `newsgraph-${stamp()}.svg`);
}

export async function exportServer(cy: Core, format: ExportFormat, selectionOnly: boolean): Promise<void> {
  const ids = exportScope(cy, selectionOnly)
    .nodes()
    .map((n) => n.id());
  if (!ids.length) return toast('There is nothing in the view to export.', 'error');
  try {
    const { blob, filename } = await api.exportFile({ ids, format });
    download(blob, filename);
  } catch (e) {
    toast(plain(e), 'error');
  }
}

export function exportPanel(getCy: () => Core): HTMLElement {
  const selectionOnly = h('input', { type: 'checkbox', id: 'export-selection' });
  const empty = () => getCy().elements().not('.filtered').empty();
  const guard = (fn: () => void) => () => (empty() ? toast('There is nothing in the view to export.', 'error') : fn());
  return h(
    'div',
    { class: 'export' },
    h('p', { class: 'muted' }, 'Exports what the canvas shows, hidden and filtered elements left out.'),
    h('label', {}, selectionOnly, ' Only the selection (and the edges between it)'),
    h('h3', {}, 'Picture'),
    h(
      'div',
      { class: 'button-row' },
      h('button', { type: 'button', dataset: { export: 'png' }, on: { click: guard(() => exportPNG(getCy())) } }, 'PNG'),
      h('button', { type: 'button', dataset: { export: 'svg' }, on: { click: guard(() => exportSVG(getCy())) } }, 'SVG'),
    ),
    h('h3', {}, 'Data'),
    h(
      'div',
      { class: 'button-row wrap' },
      ...SERVER_FORMATS.map((f) =>
        h('button', { type: 'button', dataset: { export: f.format }, on: { click: () => void exportServer(getCy(), f.format, selectionOnly.checked) } }, f.title),
      ),
    ),
  );
}
