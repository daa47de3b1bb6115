/**
 * The NLP extractor for benchmarks and evaluation: against NEWSGRAPH_NLP_URI when it is set, otherwise
 * against a bundled CoreNLP started for the run and stopped after it. Annotations are cached in
 * <NEWSGRAPH_DATA_DIR>/nlp-cache, like the app's.
 */
import path from 'node:path';
import { AnnotationCache } from '../nlp/cache.js';
import { createNlpClient } from '../nlp/client.js';
import { corenlpProperties } from '../nlp/properties.js';
import { nlpExtractor, type Extractor } from '../seed/extract/extractors.js';

export function nlpExtractorAt(uri: string): Extractor {
  const cache = new AnnotationCache(path.resolve(process.env.NEWSGRAPH_DATA_DIR ?? '.data', 'nlp-cache'), corenlpProperties().hash);
  return nlpExtractor(createNlpClient({ uri, concurrency: 2, cache }));
}

export async function withNlpExtractor<T>(fn: (extractor: Extractor) => Promise<T>): Promise<T> {
  const uri = process.env.NEWSGRAPH_NLP_URI;
  if (!uri) throw new Error('Set NEWSGRAPH_NLP_URI to a running CoreNLP server (http://127.0.0.1:9010).');
  return fn(nlpExtractorAt(uri));
}
