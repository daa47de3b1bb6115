/** The search box: debounced suggestions from /api/search, keyboard navigation, Enter opens. */
import { api, plain } from '../api/client.js';
import type { SearchHit } from '../api/types.js';
import { debounce, fill, h } from '../dom.js';
import { nodeVisual } from '../graph/visuals.js';

export function searchBox(onOpen: (hit: SearchHit) => void): { root: HTMLElement; input: HTMLInputElement } {
  const input = h('input', {
    id: 'search',
    type: 'search',
    placeholder: 'Search entities, aliases, stories…  ( / )',
    aria: { label: 'Search', autocomplete: 'list', controls: 'suggestions' },
  });
  input.autocomplete = 'off';
  const list = h('ul', { id: 'suggestions', class: 'suggestions', role: 'listbox', hidden: true });
  let hits: SearchHit[] = [];
  let active = -1;
  let seq = 0;

  const close = () => {
    list.hidden = true;
    active = -1;
  };
  const choose = (hit: SearchHit | undefined) => {
    if (!hit) return;
    close();
    input.value = '';
    onOpen(hit);
  };
  const render = () => {
    fill(
      list,
      ...hits.map((hit, i) =>
        h(
          'li',
          {
            role: 'option',
            class: i === active ? 'active' : '',
            dataset: { id: hit.id },
            aria: { selected: String(i === active) },
            on: { mousedown: (e) => (e.preventDefault(), choose(hit)) },
          },
          h('span', { class: 'dot', style: { background: nodeVisual(hit.label).colour } }),
          h('span', { class: 'name' }, hit.name),
          h('span', { class: 'muted' }, ` ${hit.label}`),
          hit.aliases?.length ? h('span', { class: 'aliases' }, ` · ${hit.aliases.slice(0, 3).join(', ')}`) : null,
        ),
      ),
    );
    list.hidden = false;
  };

  const lookup = debounce(async (q: string) => {
    const mine = ++seq;
    if (q.trim().length < 2) return close();
    try {
      const result = await api.search(q.trim(), { limit: 12 });
      if (mine !== seq) return;
      hits = result;
      active = hits.length ? 0 : -1;
      if (!hits.length) {
        fill(list, h('li', { class: 'muted empty' }, `Nothing matches “${q.trim()}”. Try another spelling or an alias.`));
        list.hidden = false;
      } else render();
    } catch (error) {
      if (mine !== seq) return;
      fill(list, h('li', { class: 'error' }, plain(error)));
      list.hidden = false;
    }
  }, 200);

  input.addEventListener('input', () => lookup(input.value));
  input.addEventListener('blur', () => setTimeout(close, 100));
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (!hits.length) return;
      e.preventDefault();
      active = (active + (e.key === 'ArrowDown' ? 1 : -1) + hits.length) % hits.length;
      render();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      choose(hits[active] ?? hits[0]);
    } else if (e.key === 'Escape') {
      close();
      input.blur();
    }
  });
  return { root: h('div', { class: 'search' }, input, list), input };
}
