/**
 * The one state object of the explorer: what is loaded (a replayable list of steps), what is hidden,
 * pinned and selected, the filters and the layout. Graph data lives apart (graph/store.ts); the view
 * derives classes and visibility from this state. Every change goes through `update`, which tells
 * the subscribers and keeps the URL in step.
 */

/** One way elements came into the view. Replaying the steps in order rebuilds the view. */
export type Step =
  | { kind: 'open'; nodes: { id: string; label: string; name: string }[] }
  | { kind: 'expand'; ids: string[]; depth: number; stories?: boolean }
  | { kind: 'query'; name: string; params: Record<string, unknown> }
  | { kind: 'cypher'; query: string; params: Record<string, unknown> }
  | { kind: 'path'; from: string; to: string };

export const LAYOUTS = ['fcose', 'concentric', 'hierarchy', 'geo'] as const;
export type LayoutName = (typeof LAYOUTS)[number];

export interface Filters {
  /** Node types switched off in the legend. */
  hiddenTypes: string[];
  /** Relation types switched off. */
  hiddenRelations: string[];
  /** Outlet names to keep (empty: all). Applies to stories and to the evidence behind facts. */
  outlets: string[];
  /** Outlet countries to keep (empty: all). */
  outletCountries: string[];
  /** ISO dates; a fact is kept when its reporting period overlaps [from, to]. */
  from: string | null;
  to: string | null;
  /** Facts supported by at least this many stories / outlets. */
  minStories: number;
  minOutlets: number;
}

export interface Inspect {
  kind: 'node' | 'edge' | 'story';
  id: string;
}

export interface State {
  steps: Step[];
  /** Earlier step lists, for undo (not in the URL). */
  past: Step[][];
  hidden: string[];
  /** Locked nodes and where they were locked. */
  pinned: Record<string, { x: number; y: number }>;
  selected: string[];
  inspect: Inspect | null;
  filters: Filters;
  layout: LayoutName;
  /** Query results shown as a table rather than a graph. */
  table: boolean;
  /**
   * Steps from a link that hold ad-hoc Cypher: not run, the query waits in the editor until the
   * analyst presses Run (link-review.ts). Kept in the URL so the link survives a reload or a copy.
   */
  review: Step[] | null;
}

export const DEFAULT_FILTERS: Filters = {
  hiddenTypes: [],
  hiddenRelations: [],
  outlets: [],
  outletCountries: [],
  from: null,
  to: null,
  minStories: 1,
  minOutlets: 1,
};

export function initialState(): State {
  return { steps: [], past: [], hidden: [], pinned: {}, selected: [], inspect: null, filters: { ...DEFAULT_FILTERS }, layout: 'fcose', table: false, review: null };
}

type Listener = (state: State, previous: State) => void;

let current: State = initialState();
const listeners = new Set<Listener>();

export function getState(): State {
  return current;
}

/** Applies a change and tells every subscriber. `patch` returns the fields that change. */
export function update(patch: Partial<State> | ((s: State) => Partial<State>)): void {
  const previous = current;
  const changes = typeof patch === 'function' ? patch(current) : patch;
  current = { ...current, ...changes };
  for (const listener of listeners) listener(current, previous);
}

export function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Adds a step, remembering the previous list so it can be undone. A new step supersedes a link held for review. */
export function pushSteps(steps: Step[], replace = false): void {
  update((s) => ({ past: [...s.past, s.steps].slice(-50), steps: replace ? steps : [...s.steps, ...steps], hidden: replace ? [] : s.hidden, review: null }));
}

export function undo(): boolean {
  const { past } = current;
  if (!past.length) return false;
  update({ steps: past[past.length - 1]!, past: past.slice(0, -1), review: null });
  return true;
}

export function setFilters(patch: Partial<Filters>): void {
  update((s) => ({ filters: { ...s.filters, ...patch } }));
}

export function filtersActive(f: Filters): boolean {
  return JSON.stringify(f) !== JSON.stringify(DEFAULT_FILTERS);
}
