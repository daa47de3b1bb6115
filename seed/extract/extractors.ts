/**
 * The two extractors behind one interface. `rules` reads the text with the rule pipeline alone: fast,
 * for bulk backfills. `nlp` first has Stanford CoreNLP annotate every story (through the client, its
 * cache and its parallel requests), then runs the NLP pipeline over text and annotation. Both return
 * one Extraction per story, in order.
 */
import type { Extraction, Story } from '../../model/types.js';
import type { NlpClient } from '../../nlp/client.js';
import { extractStory } from './index.js';

export const EXTRACTOR_NAMES = ['nlp', 'rules'] as const;
export type ExtractorName = (typeof EXTRACTOR_NAMES)[number];

export interface Extractor {
  readonly name: ExtractorName;
  /** Extractions for `stories`, in order. The NLP extractor throws NlpUnavailableError when CoreNLP cannot annotate. */
  extractAll(stories: readonly Story[]): Promise<Extraction[]>;
}

export const rulesExtractor: Extractor = {
  name: 'rules',
  async extractAll(stories) {
    return stories.map((story) => extractStory(story));
  },
};

export function nlpExtractor(client: NlpClient): Extractor {
  return {
    name: 'nlp',
    async extractAll(stories) {
      const annotations = await client.annotateAll(stories.map((s) => s.body));
      return stories.map((story, i) => extractStory(story, annotations[i]));
    },
  };
}
