/** Stable keys for facts and evidence, so re-running the seed MERGEs onto the same rows. */
import { createHash } from 'node:crypto';
import { ID_PREFIX } from '../../model/graph-model.js';

const shortHash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);

/**
 * A fact is its type and its two endpoints (already in id order for symmetric types), across stories.
 * (The extractor's occurrenceKey adds the sentence: it tells repeats within one story apart.)
 */
export function factKey(type: string, from: string, to: string): string {
  return `fact:${shortHash(`${type}|${from}|${to}`)}`;
}

/** One quote supports one fact from one place in one story. */
export function evidenceId(relKey: string, storyId: string, start: number): string {
  return `${ID_PREFIX.Evidence}:${shortHash(`${relKey}|${storyId}|${start}`)}`;
}
