/**
 * The filters: relation and entity types, outlets and their countries, a date range over story
 * dates, and a minimum of supporting stories / outlets. Built once; `sync` reflects the state.
 */
import { plain } from '../api/client.js';
import { corpus } from '../corpus.js';
import { fill, h } from '../dom.js';
import { NODE_TYPES, RELATION_TYPES } from '../graph/visuals.js';
import { DEFAULT_FILTERS, type Filters, type State } from '../state.js';

const DAY = 86_400_000;
const toDay = (iso: string) => Math.round(Date.parse(iso + 'T00:00:00Z') / DAY);
const toIso = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);

function toggle(list: string[], value: string): string[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}

function checkList(name: string, items: { value: string; label: string; count?: number }[], isOn: (v: string) => boolean, onToggle: (v: string) => void) {
  const boxes = new Map<string, HTMLInputElement>();
  const root = h(
    'div',
    { class: 'check-list', dataset: { filter: name } },
    ...items.map((it) => {
      const box = h('input', { type: 'checkbox', value: it.value, on: { change: () => onToggle(it.value) } });
      boxes.set(it.value, box);
      return h('label', {}, box, ` ${it.label}`, it.count !== undefined ? h('span', { class: 'count' }, String(it.count)) : null);
    }),
  );
  return { root, sync: () => boxes.forEach((box, v) => (box.checked = isOn(v))) };
}

export function filtersPanel(set: (patch: Partial<Filters>) => void, get: () => Filters) {
  const syncs: (() => void)[] = [];
  const relations = checkList(
    'relations',
    RELATION_TYPES.map((r) => ({ value: r.type, label: r.type })),
    (v) => !get().hiddenRelations.includes(v),
    (v) => set({ hiddenRelations: toggle(get().hiddenRelations, v) }),
  );
  const types = checkList(
    'types',
    NODE_TYPES.map((t) => ({ value: t.label, label: t.plural })),
    (v) => !get().hiddenTypes.includes(v),
    (v) => set({ hiddenTypes: toggle(get().hiddenTypes, v) }),
  );
  syncs.push(relations.sync, types.sync);

  const minStories = h('input', { type: 'number', min: '1', max: '50', step: '1', id: 'min-stories', on: { change: () => set({ minStories: Math.max(1, Number(minStories.value) || 1) }) } });
  const minOutlets = h('input', { type: 'number', min: '1', max: '50', step: '1', id: 'min-outlets', on: { change: () => set({ minOutlets: Math.max(1, Number(minOutlets.value) || 1) }) } });
  syncs.push(() => {
    minStories.value = String(get().minStories);
    minOutlets.value = String(get().minOutlets);
  });

  const outletsHost = h('div', {}, h('p', { class: 'loading' }, 'Loading outlets…'));
  const countriesHost = h('div', {});
  const dateHost = h('div', { class: 'date-range' }, h('p', { class: 'loading' }, 'Loading dates…'));

  corpus()
    .then((c) => {
      const outlets = checkList(
        'outlets',
        c.outlets.filter((o) => o.stories > 0).map((o) => ({ value: o.name, label: o.name, count: o.stories })),
        (v) => get().outlets.includes(v),
        (v) => set({ outlets: toggle(get().outlets, v) }),
      );
      const countryCounts = new Map<string, number>();
      for (const o of c.outlets) if (o.country && o.stories) countryCounts.set(o.country, (countryCounts.get(o.country) ?? 0) + o.stories);
      const countries = checkList(
        'outlet-countries',
        [...countryCounts].sort((a, b) => b[1] - a[1]).map(([v, n]) => ({ value: v, label: v, count: n })),
        (v) => get().outletCountries.includes(v),
        (v) => set({ outletCountries: toggle(get().outletCountries, v) }),
      );
      fill(outletsHost, h('p', { class: 'muted' }, 'None ticked: every outlet.'), outlets.root);
      fill(countriesHost, countries.root);
      syncs.push(outlets.sync, countries.sync);
      if (c.first && c.last) {
        const lo = toDay(c.first);
        const hi = toDay(c.last);
        const from = h('input', { type: 'range', min: String(lo), max: String(hi), step: '1', id: 'date-from', aria: { label: 'From' } });
        const to = h('input', { type: 'range', min: String(lo), max: String(hi), step: '1', id: 'date-to', aria: { label: 'To' } });
        const label = h('p', { class: 'date-label' });
        const show = () => (label.textContent = `${toIso(Number(from.value))} – ${toIso(Number(to.value))}`);
        const commit = () => {
          let a = Number(from.value);
          let b = Number(to.value);
          if (a > b) [a, b] = [b, a];
          set({ from: a <= lo ? null : toIso(a), to: b >= hi ? null : toIso(b) });
        };
        for (const input of [from, to]) {
          input.addEventListener('input', show);
          input.addEventListener('change', commit);
        }
        fill(dateHost, label, h('label', {}, 'From ', from), h('label', {}, 'To ', to));
        syncs.push(() => {
          from.value = String(get().from ? toDay(get().from!) : lo);
          to.value = String(get().to ? toDay(get().to!) : hi);
          show();
        });
      } else fill(dateHost, h('p', { class: 'muted' }, 'The stories carry no dates.'));
      sync();
    })
    .catch((e) => {
      fill(outletsHost, h('p', { class: 'error-box' }, plain(e)));
      fill(dateHost);
    });

  const sync = () => syncs.forEach((s) => s());
  const root = h(
    'div',
    { class: 'filters' },
    h('div', { class: 'button-row' }, h('button', { type: 'button', id: 'reset-filters', on: { click: () => set({ ...DEFAULT_FILTERS }) } }, 'Reset filters')),
    h('h3', {}, 'Supported by at least'),
    h('div', { class: 'min-support' }, h('label', {}, minStories, ' stories'), h('label', {}, minOutlets, ' outlets')),
    h('h3', {}, 'Reported between'),
    dateHost,
    h('h3', {}, 'Outlets'),
    outletsHost,
    h('h3', {}, 'Outlet countries'),
    countriesHost,
    h('h3', {}, 'Relation types'),
    relations.root,
    h('h3', {}, 'Entity types'),
    types.root,
  );
  sync();
  return { root, sync: (_state: State) => sync() };
}
