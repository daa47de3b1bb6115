/**
 * What a shared link may run by itself. A link is written by whoever sends it, so it must not run
 * code of theirs on opening: ad-hoc Cypher is shown in the editor for the analyst to read and run.
 * Everything else a step can do is fixed by this app (open, expand, path, a saved query with its
 * declared parameters) and still replays at once. Pure functions.
 */
import type { Step } from './state.js';

export const REVIEW_NOTE = 'This link holds a Cypher query. Review it and press Run.';

/** Splits a link's steps: all of them run when none is ad-hoc Cypher; otherwise none run and all wait for review. */
export function holdAdHocCypher(steps: Step[]): { run: Step[]; review: Step[] | null } {
  return steps.some((s) => s.kind === 'cypher') ? { run: [], review: steps } : { run: steps, review: null };
}

/**
 * The one Cypher step the analyst reviews, or null. With several (a crafted link) the editor can
 * show only one, so none of the held steps replays: Run runs exactly what the editor shows.
 */
export function reviewedCypher(review: Step[] | null): { query: string; params: Record<string, unknown> } | null {
  const cypher = (review ?? []).filter((s): s is Extract<Step, { kind: 'cypher' }> => s.kind === 'cypher');
  return cypher.length === 1 ? { query: cypher[0]!.query, params: cypher[0]!.params } : null;
}

/**
 * The steps Run starts from the editor's text: the held link's steps when the text is still the
 * reviewed query (so the shared view comes back whole), else just that text.
 */
export function stepsToRun(editorText: string, params: Record<string, unknown>, review: Step[] | null): Step[] {
  const held = reviewedCypher(review);
  if (review && held && held.query.trim() === editorText.trim()) return review;
  return [{ kind: 'cypher', query: editorText, params }];
}
