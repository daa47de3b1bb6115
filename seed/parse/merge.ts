/**
 * Merge repeated stories (same id) into one Story whose `pages` lists every page it appeared on.
 */
import type { Story } from '../../model/types.js';

/**
 * One Story per id, in order of first appearance. `pages` is the sorted union; outlet, published and
 * url come from the first occurrence that has them.
 */
export function mergeStories(stories: readonly Story[]): Story[] {
  const byId = new Map<string, Story>();
  for (const s of stories) {
    const seen = byId.get(s.id);
    if (!seen) {
      byId.set(s.id, { ...s, pages: [...new Set(s.pages)].sort() });
      continue;
    }
    seen.pages = [...new Set([...seen.pages, ...s.pages])].sort();
    seen.outlet ??= s.outlet;
    seen.published ??= s.published;
    seen.url ??= s.url;
  }
  return [...byId.values()];
}
