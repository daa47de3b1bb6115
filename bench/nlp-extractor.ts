/**
 * The NLP extractor for benchmarks and evaluation, set up like the app's (nlp/connect.ts): against
 * NEWSGRAPH_NLP_URI when it is set, otherwise against the bundled CoreNLP (started for the run and
 * stopped after it, or shared when one already answers on NEWSGRAPH_NLP_PORT). Annotations are cached
 * in <NEWSGRAPH_DATA_DIR>/nlp-cache, like the app's.
 */
import { loadDbConfig } from '../db/config.js';
import { loadNlpConfig } from '../nlp/config.js';
import { connectNlp } from '../nlp/connect.js';
import { nlpExtractor, type Extractor } from '../seed/extract/extractors.js';

export async function withNlpExtractor<T>(fn: (extractor: Extractor) => Promise<T>): Promise<T> {
  const config = { ...loadNlpConfig(), NEWSGRAPH_EXTRACTOR: 'nlp' as const, NEWSGRAPH_DATA_DIR: loadDbConfig().NEWSGRAPH_DATA_DIR };
  const nlp = await connectNlp(config, (line) => console.error(line));
  if (!nlp) throw new Error('no NLP server');
  try {
    return await fn(nlpExtractor(nlp.client));
  } finally {
    await nlp.close();
  }
}
