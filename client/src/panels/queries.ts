/**
 * Saved queries with a parameter form generated from each query's declared params, and a Cypher
 * editor for ad-hoc read-only queries that can be saved for later.
 */
import { api, plain } from '../api/client.js';
import type { QueryParamSpec as QueryParam, SavedQueryInfo as SavedQuery } from '../api/types.js';
import { fill, h, toast } from '../dom.js';
import type { Actions } from './actions.js';
import { createEditor, type CypherEditor } from './cypher-editor.js';
import { REVIEW_NOTE } from '../link-review.js';

/** Turns a form value into the declared type; throws a plain message when it cannot. */
export function coerceParam(p: QueryParam, raw: string | boolean): unknown {
  const type = p.type.toLowerCase();
  if (typeof raw === 'boolean') return raw;
  if (['int', 'integer', 'long'].includes(type)) {
    if (!/^-?\d+$/.test(raw.trim())) throw new Error(`${p.name} must be a whole number.`);
    return Number(raw);
  }
  if (['float', 'number', 'double'].includes(type)) {
    const n = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(n)) throw new Error(`${p.name} must be a number.`);
    return n;
  }
  if (type.endsWith('[]') || type.startsWith('list')) return raw.split(',').map((s) => s.trim()).filter(Boolean);
  return raw;
}

function paramInput(p: QueryParam): { el: HTMLElement; read: () => unknown; set: (v: unknown) => void } {
  const type = p.type.toLowerCase();
  const id = `param-${p.name}`;
  if (type === 'boolean' || type === 'bool') {
    const box = h('input', { type: 'checkbox', id, name: p.name, checked: p.default === true });
    return { el: h('label', { class: 'param' }, box, ` ${p.name}`, p.help ? h('small', {}, p.help) : null), read: () => box.checked, set: (v) => (box.checked = v === true) };
  }
  const numeric = ['int', 'integer', 'long', 'float', 'number', 'double'].includes(type);
  const show = (v: unknown) => (Array.isArray(v) ? v.join(', ') : v === undefined || v === null ? '' : String(v));
  const input = h('input', { type: numeric ? 'number' : type === 'date' ? 'date' : 'text', id, name: p.name, value: show(p.default) });
  return {
    el: h('label', { class: 'param', for: id }, h('span', {}, `${p.name} `, h('small', { class: 'muted' }, p.type)), input, p.help ? h('small', {}, p.help) : null),
    read: () => coerceParam(p, input.value),
    set: (v) => (input.value = show(v)),
  };
}

export function queriesPanel(actions: Actions) {
  const list = h('div', { class: 'query-list' }, h('p', { class: 'loading' }, 'Loading saved queries…'));
  const form = h('div', { class: 'query-form' });
  const editorHost = h('div', { class: 'cypher-editor', id: 'cypher-editor' });
  const nameInput = h('input', { type: 'text', placeholder: 'name-for-this-query', id: 'save-name' });
  const editorError = h('div', { class: 'error-box', role: 'alert', hidden: true });
  const reviewNote = h('div', { class: 'review-note', role: 'status', hidden: true });
  let editor: CypherEditor | null = null;
  /** Text asked for before the editor finished loading (a link's query): the editor opens with it. */
  let wantedText: string | null = null;
  let queries: SavedQuery[] = [];

  const runEditor = () => {
    const query = editor?.value().trim() ?? '';
    if (!query) return toast('Write a Cypher query first.', 'error');
    actions.runCypher(query, {});
  };

  const openForm = (q: SavedQuery) => {
    const inputs = q.params.map((p) => ({ p, ...paramInput(p) }));
    const error = h('p', { class: 'error-box', hidden: true });
    const submit = (e: Event) => {
      e.preventDefault();
      try {
        const params = Object.fromEntries(inputs.map((i) => [i.p.name, i.read()]));
        error.hidden = true;
        actions.runQuery(q.name, params);
      } catch (err) {
        error.textContent = (err as Error).message;
        error.hidden = false;
      }
    };
    const text = q.cypher;
    fill(
      form,
      h(
        'form',
        { class: 'param-form', dataset: { query: q.name }, on: { submit } },
        h('h3', {}, q.name),
        q.description ? h('p', { class: 'muted' }, q.description) : null,
        ...inputs.map((i) => i.el),
        q.params.length ? null : h('p', { class: 'muted' }, 'This query takes no parameters.'),
        error,
        h('div', { class: 'button-row' }, h('button', { type: 'submit', class: 'primary' }, 'Run'), text ? h('button', { type: 'button', on: { click: () => loadIntoEditor(text, q.source === 'saved' ? q.name : '') } }, 'Edit as Cypher') : null),
      ),
    );
  };

  const setCypher = (text: string) => {
    wantedText = text;
    editor?.setValue(text);
  };

  const loadIntoEditor = (text: string, name: string) => {
    editor?.setValue(text);
    nameInput.value = name;
    editorHost.scrollIntoView({ block: 'nearest' });
  };

  const refresh = async () => {
    try {
      queries = await api.queries();
      fill(
        list,
        queries.length
          ? h(
              'ul',
              {},
              ...queries.map((q) =>
                h(
                  'li',
                  {},
                  h('button', { type: 'button', class: 'link', dataset: { query: q.name }, on: { click: () => openForm(q) } }, q.name),
                  q.source === 'saved' ? h('button', { type: 'button', class: 'small', title: 'Delete this saved query', on: { click: () => remove(q.name) } }, '×') : null,
                  q.description ? h('div', { class: 'muted' }, q.description) : null,
                ),
              ),
            )
          : h('p', { class: 'muted' }, 'No saved queries yet.'),
      );
    } catch (e) {
      fill(list, h('p', { class: 'error-box' }, plain(e)));
    }
  };

  const remove = async (name: string) => {
    if (!confirm(`Delete the saved query “${name}”?`)) return;
    try {
      await api.deleteQuery(name);
      toast(`Deleted ${name}.`);
      await refresh();
    } catch (e) {
      toast(plain(e), 'error');
    }
  };

  const save = async () => {
    const query = editor?.value().trim() ?? '';
    const name = nameInput.value.trim();
    if (!query || !name) return toast('Give the query a name and some Cypher first.', 'error');
    const params = [...new Set([...query.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]!))].map((p) => ({ name: p, type: 'string' as const, default: '', help: '' }));
    try {
      const exists = queries.some((q) => q.name === name && q.source === 'saved');
      await api.saveQuery({ name, description: 'Saved from the Cypher editor', cypher: query, params }, exists);
      toast(`Saved ${name}.`);
      await refresh();
    } catch (e) {
      toast(plain(e), 'error');
    }
  };

  const root = h(
    'div',
    { class: 'queries' },
    h('h3', {}, 'Saved queries'),
    list,
    form,
    h('h3', {}, 'Cypher (read-only)'),
    reviewNote,
    editorHost,
    editorError,
    h(
      'div',
      { class: 'button-row' },
      h('button', { type: 'button', class: 'primary', id: 'run-cypher', title: 'Ctrl+Enter', on: { click: runEditor } }, 'Run'),
      nameInput,
      h('button', { type: 'button', id: 'save-cypher', on: { click: () => void save() } }, 'Save'),
    ),
  );

  let started = false;
  return {
    root,
    /** Loads the list and the editor the first time the tab opens. */
    activate() {
      if (started) return;
      started = true;
      void refresh();
      createEditor(editorHost, wantedText ?? 'MATCH (c:Country)-[r:TRADES_WITH]-(d:Country)\nRETURN c, r, d LIMIT 50', runEditor)
        .then((e) => {
          editor = e;
          if (wantedText !== null && e.value() !== wantedText) e.setValue(wantedText);
        })
        .catch((e) => {
          editorError.textContent = `The Cypher editor could not start: ${(e as Error).message}`;
          editorError.hidden = false;
        });
    },
    setCypher,
    /**
     * Shows a link's ad-hoc query in the editor with the note to review it (its parameters too,
     * as text); null hides the note and leaves the editor as it is.
     */
    review(held: { query: string; params: Record<string, unknown> } | null) {
      reviewNote.hidden = held === null;
      if (!held) return fill(reviewNote);
      const params = Object.keys(held.params).length ? JSON.stringify(held.params) : '';
      fill(reviewNote, h('strong', {}, REVIEW_NOTE), params ? h('div', { class: 'muted' }, `Parameters: ${params}`) : null);
      setCypher(held.query);
      editorHost.scrollIntoView({ block: 'nearest' });
    },
    /** Shows why the last run failed (null clears it). */
    showError(message: string | null) {
      editorError.textContent = message ?? '';
      editorError.hidden = message === null;
    },
  };
}
