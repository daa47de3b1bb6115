/**
 * The two extractors behind one interface. `rules` reads the text with the rule pipeline alone: fast,
 * for bulk backfills. `nlp` first has Stanford CoreNLP annotate every story (through the client, its
 * cache and its parallel requests), then runs the NLP pipeline over text and annotation. Both return
 * one Extraction per story, in order.
 */
import type { Extraction, Story } from '../../model/types.js';
import type { NlpClient } from '../../nlp/client.js';
import { extractStory } from './index.js';

import { EXTRACTOR_NAMES, type ExtractorName } from '../../nlp/config.js';

export { EXTRACTOR_NAMES, type ExtractorName };

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

/** The extractor a run chose; `nlp` needs a client (connectNlp in nlp/connect.ts gives one). */
export function extractorFor(name: ExtractorName, client: NlpClient | undefined): Extractor {
  if (name === 'rules') return rulesExtractor;
  if (!client) throw new Error('The nlp extractor needs a CoreNLP client: start one with connectNlp, or choose the rules extractor.');
  return nlpExtractor(client);
}
