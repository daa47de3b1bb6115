/**
 * The explorer's pure logic, without a browser: story highlighting, the URL round trip, the
 * geographic layout, filters, edge labels and query parameters. (Lives beside the browser tests
 * because it tests client/ code; it needs no database.)
 */
import { describe, expect, it } from 'vitest';
import { findMentions, quoteInContext, segments } from '../../client/src/panels/story-text.js';
import { fromHash, toHash } from '../../client/src/url.js';
import { holdAdHocCypher, reviewedCypher, stepsToRun } from '../../client/src/link-review.js';
import { DEFAULT_FILTERS, initialState, type State } from '../../client/src/state.js';
import { geoPositions, GEO_SCALE } from '../../client/src/graph/geo.js';
import { passes } from '../../client/src/graph/filter.js';
import { edgeLabel, nodeType } from '../../client/src/graph/visuals.js';
import { coerceParam } from '../../client/src/panels/queries.js';

describe('story text', () => {
  const body = 'China and Russia met. The PRC said <script>x</script> trade with Russia grew.';
  const entities = [
    { id: 'country:CHN', type: 'Country', names: ['China', 'PRC'] },
    { id: 'country:RUS', type: 'Country', names: ['Russia'] },
  ];

  it('finds names and aliases on word boundaries, longest first, without overlaps', () => {
    const found = findMentions(body, entities);
    expect(found.map((m) => body.slice(m.start, m.end))).toEqual(['China', 'Russia', 'PRC', 'Russia']);
    expect(findMentions('Chinatown', entities)).toEqual([]);
    expect(findMentions('China Ocean Shipping', [{ id: 'c', type: 'Company', names: ['China Ocean Shipping'] }, ...entities]).map((m) => m.id)).toEqual(['c']);
  });

  it('cuts text into segments that rebuild it exactly, marking quotes and entities', () => {
    const quote = { start: body.indexOf('The PRC'), end: body.length };
    const segs = segments(body, [quote], findMentions(body, entities));
    expect(segs.map((s) => s.text).join('')).toBe(body);
    expect(segs.find((s) => s.text === 'PRC')).toMatchObject({ quote: true, entity: { id: 'country:CHN' } });
    expect(segs.find((s) => s.text.includes('<script>'))).toMatchObject({ quote: true, entity: null });
    expect(segs[0]).toMatchObject({ text: 'China', quote: false });
  });

  it('ignores offsets outside the text', () => {
    expect(segments('abc', [{ start: 2, end: 99 }, { start: -1, end: 1 }], []).map((s) => s.quote)).toEqual([false]);
  });

  it('shows a quote with its context cut at words', () => {
    const text = 'one two three four five six seven eight nine ten';
    const [before, quote, after] = quoteInContext(text, text.indexOf('five'), text.indexOf('five') + 4, 9);
    expect(quote).toBe('five');
    expect(before).toBe('…four ');
    expect(after).toBe(' six…');
  });
});

describe('the URL', () => {
  it('round-trips the view', () => {
    const state: State = {
      ...initialState(),
      steps: [
        { kind: 'query', name: 'china-russia-trade', params: { a: 'China', b: 'Russia' } },
        { kind: 'expand', ids: ['company:cosco'], depth: 1, stories: true },
      ],
      hidden: ['country:PER'],
      pinned: { 'company:cosco': { x: 10.4, y: -3.6 } },
      inspect: { kind: 'edge', id: 'fact:abc' },
      filters: { ...DEFAULT_FILTERS, hiddenTypes: ['Story'], minStories: 2, from: '2025-01-01' },
      layout: 'geo',
    };
    const back = fromHash(toHash(state));
    expect(back).toEqual({
      steps: state.steps,
      hidden: state.hidden,
      pinned: { 'company:cosco': { x: 10, y: -4 } },
      inspect: state.inspect,
      filters: state.filters,
      layout: 'geo',
    });
    expect(toHash(initialState())).toBe('');
  });

  it('drops what it cannot trust', () => {
    const back = fromHash('#steps=[{"kind":"evil"},{"kind":"open","nodes":[]}]&layout=nope&filters={"minStories":-3,"from":"yesterday","outlets":[1,"AFP"]}');
    expect(back.steps).toEqual([{ kind: 'open', nodes: [] }]);
    expect(back.layout).toBeUndefined();
    expect(back.filters).toMatchObject({ minStories: 1, from: null, outlets: ['AFP'] });
    expect(fromHash('#steps=%7Bbroken')).toEqual({});
  });
});

describe('links holding Cypher', () => {
  const cypher = { kind: 'cypher' as const, query: 'MATCH (c:Country) RETURN c', params: { x: 1 } };
  const expand = { kind: 'expand' as const, ids: ['country:CHN'], depth: 1 };
  const saved = { kind: 'query' as const, name: 'officials-by-country', params: { country: 'China' } };

  it('runs nothing from a link that holds ad-hoc Cypher, and holds all its steps for review', () => {
    const steps = fromHash('#steps=' + encodeURIComponent(JSON.stringify([cypher, expand]))).steps!;
    expect(holdAdHocCypher(steps)).toEqual({ run: [], review: [cypher, expand] });
    expect(reviewedCypher([cypher, expand])).toEqual({ query: cypher.query, params: cypher.params });
  });

  it('still replays saved queries (with their parameters), openings and expansions at once', () => {
    expect(holdAdHocCypher([saved, expand])).toEqual({ run: [saved, expand], review: null });
  });

  it('runs the held steps when the editor still shows the reviewed query, else only what the editor shows', () => {
    expect(stepsToRun('  MATCH (c:Country) RETURN c \n', {}, [cypher, expand])).toEqual([cypher, expand]);
    expect(stepsToRun('MATCH (n) RETURN n', {}, [cypher, expand])).toEqual([{ kind: 'cypher', query: 'MATCH (n) RETURN n', params: {} }]);
    // Two Cypher steps cannot both be reviewed in one editor: neither replays.
    expect(reviewedCypher([cypher, { ...cypher, query: 'MATCH (n) RETURN n' }])).toBeNull();
    expect(stepsToRun(cypher.query, {}, [cypher, { ...cypher, query: 'MATCH (n) RETURN n' }])).toEqual([{ kind: 'cypher', query: cypher.query, params: {} }]);
  });

  it('keeps the held steps in the URL, so the link survives a reload or a copy', () => {
    const state: State = { ...initialState(), review: [cypher, expand] };
    expect(fromHash(toHash(state)).steps).toEqual([cypher, expand]);
  });
});

describe('geographic layout', () => {
  it('puts countries at their coordinates, members around their country, the rest beside their neighbours or below', () => {
    const pos = geoPositions([
      { id: 'country:CHN', type: 'Country', props: { lat: 35, lng: 103, iso2: 'CN' }, neighbours: [] },
      { id: 'company:cosco', type: 'Company', props: { country: 'country:CHN' }, neighbours: [] },
      { id: 'outlet:xinhua', type: 'Outlet', props: { country: 'CHN' }, neighbours: [] },
      { id: 'person:x', type: 'Person', props: {}, neighbours: ['company:cosco'] },
      { id: 'org:lost', type: 'Organization', props: {}, neighbours: [] },
    ]);
    expect(pos.get('country:CHN')).toEqual({ x: 103 * GEO_SCALE, y: -35 * GEO_SCALE });
    const near = (id: string, to: string, max: number) => {
      const a = pos.get(id)!;
      const b = pos.get(to)!;
      return Math.hypot(a.x - b.x, a.y - b.y) <= max;
    };
    expect(near('company:cosco', 'country:CHN', 80)).toBe(true);
    expect(near('outlet:xinhua', 'country:CHN', 80)).toBe(true);
    expect(near('person:x', 'company:cosco', 100)).toBe(true);
    expect(pos.get('org:lost')!.y).toBeGreaterThan(60 * GEO_SCALE);
  });
});

describe('filters', () => {
  const fact = (props: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ id: 'fact:1', type: 'OWNS_STAKE', storyCount: 1, outletCount: 0, props, ...extra });
  it('keeps facts within the date range and above the minimum support', () => {
    const f = { ...DEFAULT_FILTERS };
    expect(passes(fact({}), false, f, null)).toBe(true);
    expect(passes(fact({}), false, { ...f, minStories: 2 }, null)).toBe(false);
    expect(passes(fact({}, { storyCount: 3, outletCount: 2 }), false, { ...f, minStories: 2, minOutlets: 2 }, null)).toBe(true);
    const dated = fact({ firstReported: '2025-01-10', lastReported: '2025-03-01' });
    expect(passes(dated, false, { ...f, from: '2025-02-01' }, null)).toBe(true);
    expect(passes(dated, false, { ...f, from: '2025-03-02' }, null)).toBe(false);
    expect(passes(dated, false, { ...f, to: '2025-01-09' }, null)).toBe(false);
    expect(passes(dated, false, { ...f, hiddenRelations: ['OWNS_STAKE'] }, null)).toBe(false);
  });
  it('filters by outlet and outlet country through the evidence sources', () => {
    const sources = new Map([['fact:1', { outlets: new Set(['Xinhua']), countries: new Set(['CHN']) }]]);
    const f = { ...DEFAULT_FILTERS };
    expect(passes(fact({}), false, { ...f, outlets: ['Xinhua'] }, sources)).toBe(true);
    expect(passes(fact({}), false, { ...f, outlets: ['Reuters'] }, sources)).toBe(false);
    expect(passes(fact({}), false, { ...f, outletCountries: ['CHN'] }, sources)).toBe(true);
    expect(passes({ type: 'Story', props: { outlet: 'Reuters', published: '2025-05-01' } }, true, { ...f, outlets: ['Xinhua'] }, null)).toBe(false);
    expect(passes({ type: 'Outlet', name: 'Xinhua', props: { country: 'country:CHN' } }, true, { ...f, outletCountries: ['CHN'] }, null)).toBe(true);
    expect(passes({ type: 'Country', props: {} }, true, { ...f, hiddenTypes: ['Country'] }, null)).toBe(false);
  });
});

describe('labels and parameters', () => {
  it('labels edges with their type and values', () => {
    expect(edgeLabel('TRADES_WITH', { value: 245_000_000_000, currency: 'USD', year: 2024 })).toBe('TRADES_WITH 245 bn USD 2024');
    expect(edgeLabel('OWNS_STAKE', { percent: 60 })).toBe('OWNS_STAKE 60%');
    expect(edgeLabel('MENTIONS', {})).toBe('MENTIONS');
    expect(nodeType(['Entity', 'Company'])).toBe('Company');
  });
  it('turns form values into declared types, or says what is wrong', () => {
    expect(coerceParam({ name: 'limit', type: 'int', help: '' }, '25')).toBe(25);
    expect(() => coerceParam({ name: 'limit', type: 'int', help: '' }, '2.5')).toThrow('limit must be a whole number.');
    expect(coerceParam({ name: 'ids', type: 'string[]', help: '' }, 'a, b,')).toEqual(['a', 'b']);
    expect(coerceParam({ name: 'on', type: 'boolean', help: '' }, true)).toBe(true);
  });
});
