/** Whether an element passes the filters: a pure function of its data, the filters and the facts' sources. */
import type { Filters } from '../state.js';
import { isFact } from './visuals.js';

/** What the outlet filters need to know about a fact: the outlets and their countries behind its evidence. */
export type FactSources = Map<string, { outlets: Set<string>; countries: Set<string> }>;

const normCountry = (c: unknown) => (typeof c === 'string' ? c.replace(/^country:/, '').toUpperCase() : '');

/** Whether an element passes the filters (not counting hidden endpoints). */
export function passes(data: Record<string, unknown>, isNode: boolean, f: Filters, sources: FactSources | null): boolean {
  const props = (data.props ?? {}) as Record<string, unknown>;
  if (isNode) {
    const type = String(data.type);
    if (f.hiddenTypes.includes(type)) return false;
    if (type === 'Story') {
      if (f.outlets.length && !f.outlets.includes(String(props.outlet ?? ''))) return false;
      const published = typeof props.published === 'string' ? props.published.slice(0, 10) : null;
      if (published && f.from && published < f.from) return false;
      if (published && f.to && published > f.to) return false;
    }
    if (type === 'Outlet') {
      if (f.outlets.length && !f.outlets.includes(String(props.name ?? data.name))) return false;
      if (f.outletCountries.length && !f.outletCountries.includes(normCountry(props.country))) return false;
    }
    return true;
  }
  const type = String(data.type);
  if (f.hiddenRelations.includes(type)) return false;
  if (!isFact(type)) return true;
  // Facts with no known outlet (outletCount 0) stay unless a minimum above one is asked for.
  if ((f.minStories > 1 && Number(data.storyCount) < f.minStories) || (f.minOutlets > 1 && Number(data.outletCount) < f.minOutlets)) return false;
  const first = typeof props.firstReported === 'string' ? props.firstReported.slice(0, 10) : null;
  const last = typeof props.lastReported === 'string' ? props.lastReported.slice(0, 10) : first;
  if (f.from && last && last < f.from) return false;
  if (f.to && first && first > f.to) return false;
  if ((f.outlets.length || f.outletCountries.length) && sources) {
    const s = sources.get(String(data.id));
    if (!s) return false;
    if (f.outlets.length && ![...s.outlets].some((o) => f.outlets.includes(o))) return false;
    if (f.outletCountries.length && ![...s.countries].some((c) => f.outletCountries.includes(c))) return false;
  }
  return true;
}

