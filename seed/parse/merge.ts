/**
 * Merge repeated stories (same id) into one Story whose `pages` lists every page it appeared on.
 */
import type { Story } from '../../model/types.js';

/**
 * One Story per id, in order of first appearance. `pages` is the sorted union; outlet, published and
 * url come from the first occurrence that has them. The input is not modified. Linear in the input.
 */
export function mergeStories(stories: readonly Story[]): Story[] {
  const byId = new Map<string, { story: Story; pages: Set<string> }>();
  for (const s of stories) {
    const seen = byId.get(s.id);
    if (!seen) {
      byId.set(s.id, { story: { ...s }, pages: new Set(s.pages) });
      continue;
    }
    for (const p of s.pages) seen.pages.add(p);
    seen.story.outlet ??= s.outlet;
    seen.story.published ??= s.published;
    seen.story.url ??= s.url;
  }
  return [...byId.values()].map(({ story, pages }) => ({ ...story, pages: [...pages].sort() }));
}
