/** The start page: one-click starting points and what the corpus holds. */
import { plain } from '../api/client.js';
import { corpus } from '../corpus.js';
import { fill, h } from '../dom.js';
import { nodeVisual } from '../graph/visuals.js';

export interface StartingPoint {
  title: string;
  hint: string;
  /** Saved query to run (with its declared defaults)… */
  query: string;
  /** …and these values instead of some defaults. */
  params?: Record<string, unknown>;
}

export const STARTING_POINTS: StartingPoint[] = [
  { title: 'China–Russia trade', hint: 'Trade between the two and who reports it', query: 'china-russia-trade' },
  { title: 'Port ownership', hint: 'Who owns, built or bought which ports', query: 'port-ownership' },
  { title: 'Sanctions', hint: 'Who sanctions whom', query: 'sanctions-network' },
  { title: 'Who reports on China?', hint: 'Outlets that covered China, by their country', query: 'who-reports-on', params: { entity: 'China' } },
];

export function startPanel(run: (query: string) => void): HTMLElement {
  const stats = h('div', { class: 'stats' }, h('p', { class: 'loading' }, 'Reading the corpus…'));
  const root = h(
    'div',
    { class: 'start' },
    h('h2', {}, 'Start here'),
    h(
      'div',
      { class: 'starting-points' },
      ...STARTING_POINTS.map((s) =>
        h('button', { type: 'button', class: 'start-point', dataset: { query: s.query }, on: { click: () => run(s.query) } }, h('strong', {}, s.title), h('span', {}, s.hint)),
      ),
    ),
    h('p', { class: 'muted' }, 'Or search for a country, company, person or outlet above, then double-click a node to expand it.'),
    h('h2', {}, 'The corpus'),
    stats,
  );
  corpus()
    .then((c) => {
      if (!c.stories) {
        fill(stats, h('p', { class: 'empty-state' }, 'The database holds no stories yet. Run `npm run seed` to load the sample corpus.'));
        return;
      }
      fill(
        stats,
        h(
          'dl',
          { class: 'props' },
          h('dt', {}, 'Stories'),
          h('dd', { dataset: { stat: 'stories' } }, String(c.stories)),
          h('dt', {}, 'Outlets'),
          h('dd', { dataset: { stat: 'outlets' } }, String(c.outlets.filter((o) => o.stories > 0).length)),
          h('dt', {}, 'Facts'),
          h('dd', {}, String(c.facts)),
          h('dt', {}, 'Dates'),
          h('dd', {}, c.first ? `${c.first} – ${c.last}` : 'undated'),
        ),
        h(
          'ul',
          { class: 'type-counts' },
          ...c.byType.map((t) => h('li', {}, h('span', { class: 'dot', style: { background: nodeVisual(t.type).colour } }), `${t.type} `, h('strong', {}, String(t.count)))),
        ),
      );
    })
    .catch((e) => fill(stats, h('p', { class: 'error-box' }, plain(e))));
  return root;
}
