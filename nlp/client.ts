/**
 * The CoreNLP client: one story per request (long documents are slow in one piece), at most
 * `concurrency` requests in flight so the server's threads stay busy, each with a timeout, and the
 * on-disk cache in front. Any failure to get an annotation (refused, timed out, a server error, an
 * answer that does not parse) is an NlpUnavailableError: the caller writes nothing.
 */
import { fromCoreNlpJson, type Annotation } from './annotation.js';
import type { AnnotationCache } from './cache.js';
import { NlpUnavailableError } from './errors.js';
import { corenlpProperties } from './properties.js';

export interface NlpClientOptions {
  /** Base URL of a CoreNLP server (http://127.0.0.1:9010). */
  uri: string;
  /** Requests in flight at once. */
  concurrency?: number;
  timeoutMs?: number;
  cache?: AnnotationCache;
}

export interface NlpClient {
  readonly uri: string;
  /** Annotations for `texts`, in order; cached ones make no request. */
  annotateAll(texts: readonly string[]): Promise<Annotation[]>;
  annotate(text: string): Promise<Annotation>;
  /** True when the server answers its readiness check. */
  ready(): Promise<boolean>;
  /** Requests actually sent (cache misses), for tests and benchmarks. */
  readonly requests: number;
}

export function createNlpClient(options: NlpClientOptions): NlpClient {
  const uri = options.uri.replace(/\/+$/, '');
  const concurrency = Math.max(1, options.concurrency ?? 2);
  const timeoutMs = options.timeoutMs ?? 120_000;
  const { properties } = corenlpProperties();
  const url = `${uri}/?properties=${encodeURIComponent(JSON.stringify(properties))}`;
  let requests = 0;

  async function request(text: string): Promise<Annotation> {
    requests++;
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        body: text,
        headers: { 'content-type': 'text/plain; charset=utf-8' },
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new NlpUnavailableError(error);
    }
    if (!response.ok) throw new NlpUnavailableError(new Error(`CoreNLP answered ${response.status}: ${(await response.text().catch(() => '')).slice(0, 300)}`));
    try {
      return fromCoreNlpJson(await response.json());
    } catch (error) {
      throw new NlpUnavailableError(error);
    }
  }

  async function annotate(text: string): Promise<Annotation> {
    // CoreNLP answers an empty body with no sentences; skip the round trip
    if (!text.trim()) return { sentences: [] };
    const hit = options.cache?.get(text);
    if (hit) return hit;
    const annotation = await request(text);
    options.cache?.set(text, annotation);
    return annotation;
  }

  async function annotateAll(texts: readonly string[]): Promise<Annotation[]> {
    const out = new Array<Annotation>(texts.length);
    let next = 0;
    let failed: unknown;
    const worker = async () => {
      while (failed === undefined && next < texts.length) {
        const i = next++;
        try {
          out[i] = await annotate(texts[i]!);
        } catch (error) {
          failed ??= error;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, texts.length) }, worker));
    if (failed !== undefined) throw failed;
    return out;
  }

  async function ready(): Promise<boolean> {
    try {
      const response = await fetch(`${uri}/ready`, { signal: AbortSignal.timeout(2_000) });
      await response.arrayBuffer();
      return response.ok;
    } catch {
      return false;
    }
  }

  return {
    uri,
    annotateAll,
    annotate,
    ready,
    get requests() {
      return requests;
    },
  };
}
