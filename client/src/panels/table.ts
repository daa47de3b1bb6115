/** Query results as a table (text cells only). */
import type { Table } from '../api/types.js';
import { h } from '../dom.js';

function cell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.id === 'string' && o.props) return String((o.props as Record<string, unknown>).name ?? o.id);
    return JSON.stringify(v);
  }
  return String(v);
}

export function renderTable(table: Table | null): HTMLElement {
  if (!table || !table.columns.length) return h('p', { class: 'empty-state' }, 'This result has no table part.');
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: 'results' },
      h('thead', {}, h('tr', {}, ...table.columns.map((c) => h('th', {}, c)))),
      h('tbody', {}, ...table.rows.map((r) => h('tr', {}, ...r.map((v) => h('td', {}, cell(v)))))),
    ),
    table.truncated ? h('p', { class: 'muted' }, 'Only the first rows are shown: the result was cut at the server’s limit.') : null,
  );
}
