/**
 * The NLP component of a run: a client on NEWSGRAPH_NLP_URI when set, otherwise on the bundled
 * CoreNLP (started here, or shared when one already answers on NEWSGRAPH_NLP_PORT), with the
 * annotation cache in `<NEWSGRAPH_DATA_DIR>/nlp-cache`. With NEWSGRAPH_EXTRACTOR=rules nothing is
 * started and there is no client.
 */
import path from 'node:path';
import type { DbConfig } from '../db/config.js';
import { connectDatabase, type Database } from '../db/connect.js';
import { portIsFree } from '../db/jvm-child.js';
import { annotatesTestSentence, startBundledCoreNlp, type BundledCoreNlp } from './bundled-corenlp.js';
import { AnnotationCache } from './cache.js';
import { createNlpClient, type NlpClient } from './client.js';
import type { NlpConfig } from './config.js';
import { corenlpProperties } from './properties.js';

export interface NlpService {
  client: NlpClient;
  /** Where CoreNLP runs, for logs. */
  uri: string;
  /** Set when this process started the bundled CoreNLP. */
  bundled?: BundledCoreNlp;
  close(): Promise<void>;
}

export function nlpCacheDir(dataDir: string): string {
  return path.join(dataDir, 'nlp-cache');
}

/** A client with the run's settings and the on-disk cache. */
export function nlpClientFor(config: NlpConfig, uri: string, dataDir: string | undefined): NlpClient {
  return createNlpClient({
    uri,
    concurrency: config.NEWSGRAPH_NLP_CONCURRENCY,
    timeoutMs: config.NEWSGRAPH_NLP_TIMEOUT_MS,
    cache: dataDir === undefined ? undefined : new AnnotationCache(nlpCacheDir(dataDir), corenlpProperties().hash),
  });
}

/** undefined with the rules extractor; otherwise a ready CoreNLP (started when needed) and its client. */
export async function connectNlp(
  config: NlpConfig & { NEWSGRAPH_DATA_DIR: string },
  log: (line: string) => void = console.log,
): Promise<NlpService | undefined> {
  if (config.NEWSGRAPH_EXTRACTOR === 'rules') return undefined;
  const dataDir = config.NEWSGRAPH_DATA_DIR;
  if (config.NEWSGRAPH_NLP_URI) {
    const client = nlpClientFor(config, config.NEWSGRAPH_NLP_URI, dataDir);
    // An external server that is down is reported by ingest (503) and health, not a failed start.
    if (!(await client.ready())) log(`The CoreNLP server at NEWSGRAPH_NLP_URI does not answer yet; extraction waits for it.`);
    return { client, uri: client.uri, close: async () => {} };
  }
  const port = config.NEWSGRAPH_NLP_PORT;
  const local = `http://127.0.0.1:${port}`;
  // `npm start` in another terminal already runs one: share it (it lives as long as that app).
  if (!(await portIsFree(port)) && (await annotatesTestSentence(local, 30_000))) {
    log(`Using the CoreNLP already running on ${local}.`);
    return { client: nlpClientFor(config, local, dataDir), uri: local, close: async () => {} };
  }
  log(`Starting the bundled CoreNLP on ${local} (loads its models, about 15 s)…`);
  const bundled = await startBundledCoreNlp({
    port,
    heap: config.NEWSGRAPH_NLP_HEAP,
    threads: config.NEWSGRAPH_NLP_CONCURRENCY,
    timeoutMs: config.NEWSGRAPH_NLP_TIMEOUT_MS,
    log,
  });
  return { client: nlpClientFor(config, bundled.uri, dataDir), uri: bundled.uri, bundled, close: () => bundled.stop() };
}

/**
 * The database and CoreNLP started side by side (both JVMs mostly wait on their own loading): both
 * or neither; when one fails, the other is closed before the error is thrown.
 */
export async function connectDatabaseAndNlp(
  config: DbConfig & NlpConfig,
  log: (line: string) => void = console.log,
): Promise<{ db: Database; nlp: NlpService | undefined }> {
  const [db, nlp] = await Promise.allSettled([connectDatabase(config, log), connectNlp(config, log)]);
  if (db.status === 'fulfilled' && nlp.status === 'fulfilled') return { db: db.value, nlp: nlp.value };
  if (db.status === 'fulfilled') await db.value.close();
  if (nlp.status === 'fulfilled') await nlp.value?.close();
  throw db.status === 'rejected' ? db.reason : (nlp as PromiseRejectedResult).reason;
}
