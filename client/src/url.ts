/**
 * The view in the URL: `#` followed by a query string, so a copied link reopens the same view
 * (steps, filters, layout, hidden and pinned nodes, what is inspected). Pure functions.
 */
import { DEFAULT_FILTERS, LAYOUTS, type Filters, type State, type Step } from './state.js';

type Shared = Pick<State, 'steps' | 'hidden' | 'pinned' | 'selected' | 'inspect' | 'filters' | 'layout' | 'table'> & Partial<Pick<State, 'review'>>;

/** The hash of a view. Steps held for review are written as steps: the link stays what it was. */
export function toHash(state: Shared): string {
  const p = new URLSearchParams();
  const steps = state.steps.length ? state.steps : (state.review ?? []);
  if (steps.length) p.set('steps', JSON.stringify(steps));
  if (state.layout !== 'fcose') p.set('layout', state.layout);
  const f = diffFilters(state.filters);
  if (Object.keys(f).length) p.set('filters', JSON.stringify(f));
  if (state.hidden.length) p.set('hidden', state.hidden.join(','));
  if (Object.keys(state.pinned).length) p.set('pinned', JSON.stringify(roundPositions(state.pinned)));
  if (state.inspect) p.set('inspect', `${state.inspect.kind}:${state.inspect.id}`);
  if (state.table) p.set('table', '1');
  const s = p.toString();
  return s ? `#${s}` : '';
}

/** The view a hash describes, as written; the caller decides what of it may run (link-review.ts). */
export function fromHash(hash: string): Partial<Shared> {
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  const out: Partial<Shared> = {};
  const steps = parseJson(p.get('steps'));
  if (Array.isArray(steps)) out.steps = steps.filter(isStep);
  const layout = p.get('layout');
  if (layout && (LAYOUTS as readonly string[]).includes(layout)) out.layout = layout as Shared['layout'];
  const filters = parseJson(p.get('filters'));
  if (filters && typeof filters === 'object') out.filters = cleanFilters(filters as Record<string, unknown>);
  const hidden = p.get('hidden');
  if (hidden) out.hidden = hidden.split(',').filter(Boolean);
  const pinned = parseJson(p.get('pinned'));
  if (pinned && typeof pinned === 'object') out.pinned = pinned as Shared['pinned'];
  const inspect = p.get('inspect');
  const m = inspect ? /^(node|edge|story):(.+)$/.exec(inspect) : null;
  if (m) out.inspect = { kind: m[1] as 'node' | 'edge' | 'story', id: m[2]! };
  if (p.get('table') === '1') out.table = true;
  return out;
}

function parseJson(text: string | null): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isStep(s: unknown): s is Step {
  if (!s || typeof s !== 'object') return false;
  const step = s as Record<string, unknown>;
  switch (step.kind) {
    case 'open':
      return Array.isArray(step.nodes);
    case 'expand':
      return Array.isArray(step.ids) && typeof step.depth === 'number';
    case 'query':
      return typeof step.name === 'string' && typeof step.params === 'object';
    case 'cypher':
      return typeof step.query === 'string' && typeof step.params === 'object';
    case 'path':
      return typeof step.from === 'string' && typeof step.to === 'string';
    default:
      return false;
  }
}

function diffFilters(f: Filters): Partial<Filters> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(f)) {
    if (JSON.stringify(v) !== JSON.stringify(DEFAULT_FILTERS[k as keyof Filters])) out[k] = v;
  }
  return out as Partial<Filters>;
}

function cleanFilters(raw: Record<string, unknown>): Filters {
  const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  const date = (v: unknown) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : null);
  const count = (v: unknown) => (typeof v === 'number' && v >= 1 ? Math.floor(v) : 1);
  return {
    hiddenTypes: strings(raw.hiddenTypes),
    hiddenRelations: strings(raw.hiddenRelations),
    outlets: strings(raw.outlets),
    outletCountries: strings(raw.outletCountries),
    from: date(raw.from),
    to: date(raw.to),
    minStories: count(raw.minStories),
    minOutlets: count(raw.minOutlets),
  };
}

function roundPositions(p: Shared['pinned']): Shared['pinned'] {
  return Object.fromEntries(Object.entries(p).map(([id, { x, y }]) => [id, { x: Math.round(x), y: Math.round(y) }]));
}
