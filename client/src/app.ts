/**
 * The explorer's controller: turns state changes into graph loads, layouts and derived classes,
 * keeps the URL in step, implements the panels' actions and registers the commands.
 */
import type { Core, ElementDefinition, EventObject, Layouts } from 'cytoscape';
import { api, plain } from './api/client.js';
import type { SavedQueryInfo, Table } from './api/types.js';
import { commands, commandsChanged, isEnabled, onCommandsChanged, register, run } from './commands.js';
import { factSources } from './corpus.js';
import { $, fill, h, toast } from './dom.js';
import { applyView, CANVAS_DEFAULTS, createCy, syncElements, type FactSources } from './graph/canvas.js';
import { LAYOUT_TITLES, layoutOptions } from './graph/layouts.js';
import { resolve } from './graph/store.js';
import type { Actions } from './panels/actions.js';
import { DetailsPanel } from './panels/details.js';
import { exportPanel } from './panels/export.js';
import { filtersPanel } from './panels/filters.js';
import { helpDialog, showHelp } from './panels/help.js';
import { legend } from './panels/legend.js';
import { queriesPanel } from './panels/queries.js';
import { searchBox } from './panels/search.js';
import { STARTING_POINTS, startPanel } from './panels/start.js';
import { renderTable } from './panels/table.js';
import { holdAdHocCypher, REVIEW_NOTE, reviewedCypher, stepsToRun } from './link-review.js';
import { fromHash, toHash } from './url.js';
import { filtersActive, getState, initialState, LAYOUTS, pushSteps, setFilters, subscribe, undo, update, type State, type Step } from './state.js';

export class Explorer {
  private cy: Core;
  private large = false;
  private loadSeq = 0;
  private busy = 0;
  private layout: Layouts | null = null;
  private table: Table | null = null;
  private sources: FactSources | null = null;
  private sourcesFor = '';
  private savedQueries: Promise<SavedQueryInfo[]> | null = null;
  private lastHash = '';
  private readonly details: DetailsPanel;
  private readonly drawLegend: ReturnType<typeof legend>;
  private readonly filters: ReturnType<typeof filtersPanel>;
  private readonly queries: ReturnType<typeof queriesPanel>;
  private readonly help = helpDialog();
  private readonly searchInput: HTMLInputElement;

  constructor() {
    this.cy = this.makeCy(false);
    const actions = this.actions();
    this.details = new DetailsPanel($('#details'), actions, {
      lookup: (id) => {
        const el = this.cy.getElementById(id);
        if (el.empty()) return null;
        return { name: el.data('name'), type: el.data('type'), source: el.data('source'), target: el.data('target'), props: el.data('props') };
      },
    });
    const search = searchBox((hit) => actions.openEntity({ id: hit.id, label: hit.label, name: hit.name }));
    this.searchInput = search.input;
    $('#search-host').appendChild(search.root);
    this.drawLegend = legend(
      $('#legend'),
      (t) => setFilters({ hiddenTypes: toggle(getState().filters.hiddenTypes, t) }),
      (t) => setFilters({ hiddenRelations: toggle(getState().filters.hiddenRelations, t) }),
    );
    this.filters = filtersPanel(setFilters, () => getState().filters);
    this.queries = queriesPanel(actions);
    $('[data-panel="start"]').appendChild(startPanel((name) => void this.startingPoint(name)));
    $('[data-panel="filters"]').appendChild(this.filters.root);
    $('[data-panel="queries"]').appendChild(this.queries.root);
    $('[data-panel="export"]').appendChild(exportPanel(() => this.cy));
    document.body.appendChild(this.help);
    this.tabs();
    this.registerCommands();
    subscribe((s, prev) => void this.onChange(s, prev));
    window.addEventListener('hashchange', () => {
      if (location.hash !== this.lastHash) this.loadHash();
    });
    this.exposeForTests();
  }

  start(): void {
    this.loadHash();
    if (!getState().steps.length) void this.onChange(getState(), initialState());
  }

  // ——— state → view ———

  /** Opens the view a link describes; ad-hoc Cypher in it waits in the editor instead of running. */
  private loadHash(): void {
    const shared = fromHash(location.hash);
    const { run, review } = holdAdHocCypher(shared.steps ?? []);
    update({ ...initialState(), ...shared, steps: run, review, past: getState().past });
  }

  private showReview(review: Step[] | null): void {
    this.queries.review(reviewedCypher(review));
    if (review) document.querySelector<HTMLButtonElement>('.tabs [data-tab="queries"]')?.click();
  }

  private async onChange(s: State, prev: State): Promise<void> {
    if (s.inspect?.id !== prev.inspect?.id || s.inspect?.kind !== prev.inspect?.kind) void this.details.show(s.inspect);
    if (s.review !== prev.review) this.showReview(s.review);
    if (s.steps !== prev.steps) await this.loadSteps(s, prev);
    else if (s.layout !== prev.layout) this.runLayout(false);
    await this.refresh();
  }

  /** Derives the whole view from the current state; idempotent, so it may run any number of times. */
  private async refresh(): Promise<void> {
    await this.ensureSources(getState());
    const s = getState();
    applyView(this.cy, s, this.sources);
    this.filters.sync(s);
    this.drawLegend(this.cy, s);
    this.renderCanvasExtras(s);
    this.writeHash(s);
    commandsChanged();
  }

  private async loadSteps(s: State, prev: State): Promise<void> {
    const seq = ++this.loadSeq;
    this.setBusy(1);
    try {
      let failed: string | null = null;
      const { graph, table } = await resolve(s.steps, (step, error) => {
        toast(`${describeStep(step)}: ${plain(error)}`, 'error');
        if (step.kind === 'cypher' || step.kind === 'query') failed = `${describeStep(step)}: ${plain(error)}`;
      });
      if (seq !== this.loadSeq) return;
      this.queries.showError(failed);
      this.table = table;
      const incremental = isPrefix(prev.steps, s.steps) && this.cy.nodes().nonempty();
      const last = s.steps[s.steps.length - 1];
      const anchorId = last?.kind === 'expand' ? last.ids[0] : undefined;
      const anchorEl = anchorId ? this.cy.getElementById(anchorId) : null;
      const anchor = anchorEl?.nonempty() ? { ...anchorEl.position() } : undefined;
      this.ensureMode(graph.nodes.length + graph.edges.length);
      const added = syncElements(this.cy, graph, anchor);
      if (graph.truncated) toast('The result was cut at the server’s limit: not everything is shown.', 'info');
      if (last && (last.kind === 'query' || last.kind === 'cypher') && s.steps.length === 1 && s.steps !== prev.steps) {
        const tableOnly = !graph.nodes.length && !!table?.rows.length;
        if (tableOnly !== s.table) update({ table: tableOnly });
      }
      applyView(this.cy, getState(), this.sources);
      if (added.length && (incremental || this.cy.nodes().length)) this.runLayout(incremental && added.length < this.cy.elements().length);
    } finally {
      this.setBusy(-1);
    }
  }

  private async ensureSources(s: State): Promise<void> {
    if (!s.filters.outlets.length && !s.filters.outletCountries.length) return;
    const keys = this.cy
      .edges('.fact')
      .map((e) => e.id())
      .sort();
    const sig = keys.join('|');
    if (sig === this.sourcesFor && this.sources) return;
    this.setBusy(1);
    try {
      this.sources = await factSources(keys);
      this.sourcesFor = sig;
    } catch (e) {
      toast(`The outlet filter could not read the evidence: ${plain(e)}`, 'error');
    } finally {
      this.setBusy(-1);
    }
  }

  private runLayout(incremental: boolean): void {
    const eles = this.cy.elements().not('.filtered');
    if (eles.empty()) return;
    const name = getState().layout;
    this.layout?.stop();
    const layout = eles.layout(layoutOptions(name, this.cy, eles, incremental && name === 'fcose'));
    this.layout = layout;
    layout.one('layoutstop', () => {
      if (this.layout !== layout) return;
      this.layout = null;
      // A handful of nodes should not fill the screen at maximum zoom.
      if (this.cy.zoom() > 1.6) {
        this.cy.zoom(1.6);
        this.cy.center(eles);
      }
    });
    layout.run();
  }

  /** Recreates the canvas with the large-graph settings when the size crosses the threshold. */
  private ensureMode(count: number): void {
    const large = count > CANVAS_DEFAULTS.largeThreshold;
    if (large === this.large) return;
    const elements = this.cy.elements().jsons();
    this.cy.destroy();
    this.cy = this.makeCy(large);
    this.cy.add(elements as unknown as ElementDefinition[]);
  }

  private makeCy(large: boolean): Core {
    this.large = large;
    const cy = createCy($('#cy'), large);
    const inspect = (e: EventObject) => {
      const el = e.target;
      if (el === cy) return;
      const kind = el.isEdge() ? 'edge' : el.data('type') === 'Story' ? 'story' : 'node';
      update({ inspect: { kind, id: el.id() } });
    };
    cy.on('tap', 'node, edge', inspect);
    cy.on('dbltap', 'node', (e) => this.actions().expand([e.target.id()]));
    let pending = false;
    cy.on('select unselect', () => {
      if (pending) return;
      pending = true;
      queueMicrotask(() => {
        pending = false;
        const ids = cy.$(':selected').map((el) => el.id());
        if (ids.join() !== getState().selected.join()) update({ selected: ids });
      });
    });
    cy.on('free', 'node', (e) => {
      const id = e.target.id();
      if (getState().pinned[id]) update((s) => ({ pinned: { ...s.pinned, [id]: { ...e.target.position() } } }));
    });
    return cy;
  }

  private renderCanvasExtras(s: State): void {
    const shown = this.cy.elements().not('.filtered');
    const hiddenByFilters = this.cy.elements('.filtered').length;
    const tableView = $('#table-view');
    tableView.hidden = !s.table;
    if (s.table) fill(tableView, h('div', { class: 'table-head' }, h('button', { type: 'button', on: { click: () => update({ table: false }) } }, 'Show as graph')), renderTable(this.table));
    const empty = $('#empty');
    const nothing = this.cy.nodes().empty();
    empty.hidden = !nothing || s.table || this.busy > 0;
    if (nothing)
      fill(
        empty,
        s.review
          ? h(
              'div',
              { class: 'review-prompt' },
              h('h2', {}, 'A query to review'),
              h('p', {}, REVIEW_NOTE),
              h('button', { type: 'button', on: { click: () => this.showReview(getState().review) } }, 'Show the query'),
            )
          : s.steps.length
          ? h('div', {}, h('h2', {}, 'Nothing to draw'), h('p', {}, 'This view holds no nodes. Try another query, or clear the view and search again.'))
          : h(
              'div',
              {},
              h('h2', {}, 'Where to begin'),
              h('p', {}, 'Search for a country, company, official or outlet above, or pick a starting point:'),
              h('div', { class: 'button-row wrap' }, ...STARTING_POINTS.map((p) => h('button', { type: 'button', on: { click: () => void this.startingPoint(p.query) } }, p.title))),
              h('p', { class: 'muted' }, 'Press ? for keyboard shortcuts.'),
            ),
      );
    fill(
      $('#status'),
      `${shown.nodes().length} nodes · ${shown.edges().length} edges`,
      hiddenByFilters ? ` · ${hiddenByFilters} hidden` : '',
      filtersActive(s.filters) ? ' · filters on' : '',
      ` · ${LAYOUT_TITLES[s.layout]}`,
      this.large ? ' · fast rendering' : '',
      this.table?.rows.length ? h('button', { type: 'button', class: 'link', on: { click: () => update({ table: !getState().table }) } }, s.table ? ' · show graph' : ' · show table') : '',
    );
  }

  private writeHash(s: State): void {
    const hash = toHash(s);
    if (hash === this.lastHash) return;
    this.lastHash = hash;
    history.replaceState(null, '', location.pathname + location.search + hash);
  }

  private setBusy(delta: number): void {
    this.busy += delta;
    document.body.dataset.busy = String(this.busy > 0);
    document.body.classList.toggle('busy', this.busy > 0);
  }

  // ——— actions ———

  private actions(): Actions {
    return {
      openEntity: (node) => {
        if (this.cy.getElementById(node.id).nonempty()) {
          this.focusOn(node.id);
          update({ inspect: { kind: 'node', id: node.id }, selected: [node.id] });
          return;
        }
        pushSteps([{ kind: 'open', nodes: [node] }]);
        update({ inspect: { kind: 'node', id: node.id }, selected: [node.id] });
      },
      inspect: (kind, id) => update({ inspect: { kind, id } }),
      expand: (ids, options = {}) => {
        const present = ids.filter((id) => this.cy.getElementById(id).nonempty());
        if (!present.length) return;
        pushSteps([{ kind: 'expand', ids: present, depth: options.depth ?? 1, ...(options.stories ? { stories: true } : {}) }]);
      },
      hide: (ids) => {
        if (!ids.length) return;
        update((s) => ({ hidden: [...new Set([...s.hidden, ...ids])], selected: s.selected.filter((id) => !ids.includes(id)) }));
      },
      togglePin: (ids) => {
        update((s) => {
          const pinned = { ...s.pinned };
          const pinAll = ids.some((id) => !pinned[id]);
          for (const id of ids) {
            const el = this.cy.getElementById(id);
            if (el.empty() || !el.isNode()) continue;
            if (pinAll) pinned[id] = { ...el.position() };
            else delete pinned[id];
          }
          return { pinned };
        });
      },
      focus: (id) => this.focusOn(id),
      runQuery: (name, params) => {
        pushSteps([{ kind: 'query', name, params }], true);
        update({ inspect: null, selected: [] });
      },
      runCypher: (query, params) => {
        pushSteps(stepsToRun(query, params, getState().review), true);
        update({ inspect: null, selected: [] });
      },
    };
  }

  private focusOn(id: string): boolean {
    const el = this.cy.getElementById(id);
    if (el.empty()) return false;
    this.cy.animate({ center: { eles: el }, duration: 300 });
    return true;
  }

  private async startingPoint(name: string): Promise<void> {
    this.savedQueries ??= api.queries().catch((e) => {
      this.savedQueries = null;
      throw e;
    });
    try {
      const q = (await this.savedQueries).find((x) => x.name === name);
      if (!q) return toast(`This server has no saved query “${name}”.`, 'error');
      const given = STARTING_POINTS.find((s) => s.query === name)?.params ?? {};
      const params = { ...Object.fromEntries(q.params.filter((p) => p.default !== undefined).map((p) => [p.name, p.default])), ...given };
      this.actions().runQuery(name, params);
    } catch (e) {
      toast(plain(e), 'error');
    }
  }

  private selectedIds(): string[] {
    return this.cy.$(':selected').map((el) => el.id());
  }

  private registerCommands(): void {
    const hasNodes = () => this.cy.nodes().nonempty();
    const hasSelection = () => getState().selected.length > 0;
    register(
      { id: 'focus-search', title: 'Search', shortcut: ['/'], run: () => this.searchInput.focus() },
      { id: 'undo', title: 'Undo the last expansion or query', button: 'Undo', shortcut: ['z', 'Mod+z'], run: () => void undo(), enabled: () => getState().past.length > 0 },
      { id: 'fit', title: 'Fit the graph to the window', button: 'Fit', shortcut: ['f'], run: () => void this.cy.animate({ fit: { eles: this.cy.elements().not('.filtered'), padding: 40 }, duration: 250 }), enabled: hasNodes },
      {
        id: 'cycle-layout',
        title: 'Next layout (force, concentric, hierarchical, geographic)',
        shortcut: ['l'],
        run: () => update((s) => ({ layout: LAYOUTS[(LAYOUTS.indexOf(s.layout) + 1) % LAYOUTS.length]! })),
      },
      { id: 'relayout', title: 'Run the layout again', button: 'Re-layout', shortcut: ['r'], run: () => this.runLayout(false), enabled: hasNodes },
      { id: 'expand', title: 'Expand the selected nodes', button: 'Expand', shortcut: ['e'], run: () => this.actions().expand(this.cy.$('node:selected').map((n) => n.id())), enabled: hasSelection },
      {
        id: 'expand-2',
        title: 'Expand the selected nodes two steps out',
        shortcut: ['E'],
        run: () => this.actions().expand(this.cy.$('node:selected').map((n) => n.id()), { depth: 2 }),
        enabled: hasSelection,
      },
      {
        id: 'stories',
        title: 'Add the stories that mention the selected nodes',
        button: 'Stories',
        shortcut: ['s'],
        run: () => this.actions().expand(this.cy.$('node:selected').map((n) => n.id()), { stories: true }),
        enabled: hasSelection,
      },
      {
        id: 'path',
        title: 'Shortest connection between the two selected nodes',
        button: 'Path',
        shortcut: ['x'],
        run: () => {
          const [from, to] = this.cy.$('node:selected').map((n) => n.id());
          if (from && to) pushSteps([{ kind: 'path', from, to }]);
        },
        enabled: () => this.cy.$('node:selected').length === 2,
      },
      { id: 'pin', title: 'Pin or unpin the selected nodes', button: 'Pin', shortcut: ['p'], run: () => this.actions().togglePin(this.cy.$('node:selected').map((n) => n.id())), enabled: hasSelection },
      { id: 'hide', title: 'Hide the selection', button: 'Hide', shortcut: ['Delete', 'Backspace'], run: () => this.actions().hide(this.selectedIds()), enabled: hasSelection },
      { id: 'show-hidden', title: 'Show everything hidden', button: 'Unhide', shortcut: ['u'], run: () => update({ hidden: [] }), enabled: () => getState().hidden.length > 0 },
      {
        id: 'select-neighbours',
        title: 'Add the neighbours to the selection',
        shortcut: ['n'],
        run: () => void this.cy.$('node:selected').neighborhood().not('.filtered').select(),
        enabled: hasSelection,
      },
      { id: 'table', title: 'Switch between graph and table', shortcut: ['t'], run: () => update((s) => ({ table: !s.table })), enabled: () => !!this.table?.rows.length },
      {
        id: 'copy-link',
        title: 'Copy a link to this view',
        button: 'Copy link',
        run: async () => {
          try {
            await navigator.clipboard.writeText(location.href);
            toast('Link copied: it reopens this view.');
          } catch {
            prompt('Copy this link:', location.href);
          }
        },
      },
      {
        id: 'clear',
        title: 'Clear the view',
        button: 'Clear',
        run: () => {
          pushSteps([], true);
          update({ inspect: null, selected: [], pinned: {} });
        },
        enabled: () => getState().steps.length > 0 || getState().review !== null,
      },
      { id: 'escape', title: 'Clear the selection', shortcut: ['Escape'], run: () => (this.help.open ? this.help.close() : update({ selected: [] })) },
      { id: 'help', title: 'Keyboard shortcuts', button: '?', shortcut: ['?'], run: () => showHelp(this.help) },
    );
    const toolbar = $('#toolbar');
    const layoutSelect = h(
      'select',
      { id: 'layout', title: 'Layout (l)', aria: { label: 'Layout' }, on: { change: () => update({ layout: layoutSelect.value as State['layout'] }) } },
      ...LAYOUTS.map((l) => h('option', { value: l }, LAYOUT_TITLES[l])),
    );
    const buttons = new Map<string, HTMLButtonElement>();
{
      for (const c of commands().filter((x) => x.button)) {
        const b = h('button', { type: 'button', dataset: { command: c.id }, title: c.title + (c.shortcut ? ` (${c.shortcut[0]})` : ''), on: { click: () => void run(c.id) } }, c.button!);
        buttons.set(c.id, b);
        toolbar.appendChild(b);
        if (c.id === 'fit') toolbar.appendChild(layoutSelect);
      }
      const refresh = () => {
        for (const c of commands()) {
          const b = buttons.get(c.id);
          if (b) b.disabled = !isEnabled(c);
        }
        layoutSelect.value = getState().layout;
      };
      onCommandsChanged(refresh);
      refresh();
    }
  }

  private tabs(): void {
    const tabs = document.querySelectorAll<HTMLButtonElement>('.tabs [data-tab]');
    for (const tab of tabs) {
      tab.addEventListener('click', () => {
        for (const t of tabs) t.setAttribute('aria-selected', String(t === tab));
        for (const p of document.querySelectorAll<HTMLElement>('.tab-panel')) p.hidden = p.dataset.panel !== tab.dataset.tab;
        if (tab.dataset.tab === 'queries') this.queries.activate();
      });
    }
  }

  private exposeForTests(): void {
    const self = this;
    (window as unknown as { __newsgraph: unknown }).__newsgraph = {
      get cy() {
        return self.cy;
      },
      get busy() {
        return self.busy > 0;
      },
      /** True when nothing is loading and no layout is running. */
      get idle() {
        return self.busy === 0 && self.layout === null;
      },
      state: getState,
    };
  }
}

function toggle(list: string[], v: string): string[] {
  return list.includes(v) ? list.filter((x) => x !== v) : [...list, v];
}

function isPrefix(a: Step[], b: Step[]): boolean {
  return a.length <= b.length && a.every((s, i) => JSON.stringify(s) === JSON.stringify(b[i]));
}

function describeStep(step: Step): string {
  switch (step.kind) {
    case 'open':
      return `Opening ${step.nodes.map((n) => n.name).join(', ')}`;
    case 'expand':
      return 'Expanding';
    case 'query':
      return `Query ${step.name}`;
    case 'cypher':
      return 'Cypher';
    case 'path':
      return 'Path';
  }
}
