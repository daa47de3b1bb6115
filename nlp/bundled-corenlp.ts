/**
 * The bundled NLP server: Stanford CoreNLP 4.5.10 run as its own server (nlp/, built with Maven on
 * demand), started as a child JVM when NEWSGRAPH_NLP_URI is unset and the nlp extractor is chosen,
 * and stopped with the app. It binds 127.0.0.1 only, gets the minimal environment (no app secret),
 * and its stdin is a pipe from us: end of input means we are gone, and it exits (no orphan JVM).
 *
 * Ready means: the launcher printed NLP_READY, `/ready` answers, and one test sentence came back
 * annotated (the models are loaded, not just the port open).
 */
import path from 'node:path';
import { ensureMavenBuilt, portIsFree, spawnJvm, stopJvm, type JvmChild } from '../db/jvm-child.js';
import { fromCoreNlpJson } from './annotation.js';
import { NLP_DIR, PROPERTIES_FILE, corenlpProperties } from './properties.js';

export const nlpJar = path.join(NLP_DIR, 'target', 'newsgraph-nlp.jar');

export class BundledCoreNlpError extends Error {}

export interface BundledCoreNlpOptions {
  port: number;
  /** JVM heap (-Xmx); the English models need about 2 GB. */
  heap?: string;
  /** Server threads (requests annotated at once). */
  threads?: number;
  /** Per-request timeout of the server, ms. */
  timeoutMs?: number;
  /** Give up waiting for the models to load after this long. */
  startTimeoutMs?: number;
  log?: (line: string) => void;
}

export interface BundledCoreNlp {
  uri: string;
  pid(): number | undefined;
  /** False once the JVM has exited. */
  running(): boolean;
  stop(): Promise<void>;
}

const ALTERNATIVE = 'set NEWSGRAPH_NLP_URI to use your own CoreNLP server, or NEWSGRAPH_EXTRACTOR=rules to extract without one';

/** Builds nlp/ with Maven if its jar is missing or older than pom.xml or the Java source. */
export function ensureNlpBuilt(log: (line: string) => void = console.log): void {
  ensureMavenBuilt(
    { dir: NLP_DIR, jar: nlpJar, label: 'the bundled CoreNLP', alternative: ALTERNATIVE, download: 'downloads about 480 MB of CoreNLP and its models', error: BundledCoreNlpError },
    log,
  );
}

/** The JVM's command line: CoreNLP's own server flags, behind our loopback-only launcher. */
export function nlpLauncherArgs(options: BundledCoreNlpOptions): string[] {
  const { properties } = corenlpProperties();
  return [
    `-Xmx${options.heap ?? '2g'}`,
    '-XX:+UseG1GC',
    // the launcher replaces the JDK's HTTP server provider to bind loopback only
    '--add-exports',
    'jdk.httpserver/sun.net.httpserver=ALL-UNNAMED',
    '-jar',
    nlpJar,
    '-port',
    String(options.port),
    '-threads',
    String(options.threads ?? 2),
    '-quiet',
    '-timeout',
    String(options.timeoutMs ?? 120_000),
    '-serverProperties',
    PROPERTIES_FILE,
    '-preload',
    properties.annotators ?? 'tokenize,ssplit,pos,lemma,ner,depparse',
  ];
}

function explainFailure(port: number, heap: string) {
  return (failure: string | undefined, output: string, code: number | null): string => {
    const text = `${failure ?? ''}\n${output}`;
    if (/OutOfMemoryError|Java heap space|GC overhead limit/i.test(text)) {
      return `The bundled CoreNLP ran out of memory while loading its models (heap ${heap}). Give it more with NEWSGRAPH_NLP_HEAP=3g, or ${ALTERNATIVE}.`;
    }
    if (/BindException|Address already in use/i.test(text)) {
      return `Port ${port} on 127.0.0.1 is already in use, so the bundled CoreNLP cannot start. Choose another port with NEWSGRAPH_NLP_PORT, or ${ALTERNATIVE}.`;
    }
    if (/Could not reserve enough space|Invalid maximum heap size/i.test(text)) {
      return `Java could not reserve a heap of ${heap} for the bundled CoreNLP. Set NEWSGRAPH_NLP_HEAP to a size this machine has free (at least 2g).`;
    }
    return `The bundled CoreNLP exited during start (code ${code}). ${failure ?? output.slice(-2000)}`;
  };
}

/** One short sentence through the preloaded pipeline: proves the models answer, not just the port. */
export async function annotatesTestSentence(uri: string, timeoutMs = 60_000): Promise<boolean> {
  const { properties } = corenlpProperties();
  try {
    const response = await fetch(`${uri}/?properties=${encodeURIComponent(JSON.stringify(properties))}`, {
      method: 'POST',
      body: 'Xi Jinping visited Lima in Peru.',
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!response.ok) return false;
    return fromCoreNlpJson(await response.json()).sentences.length === 1;
  } catch {
    return false;
  }
}

async function waitUntilReady(uri: string, deadline: number): Promise<boolean> {
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${uri}/ready`, { signal: AbortSignal.timeout(2_000) });
      await response.arrayBuffer();
      if (response.ok) return annotatesTestSentence(uri, Math.max(1_000, deadline - Date.now()));
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}

export async function startBundledCoreNlp(options: BundledCoreNlpOptions): Promise<BundledCoreNlp> {
  const log = options.log ?? console.log;
  const heap = options.heap ?? '2g';
  ensureNlpBuilt(log);
  if (!(await portIsFree(options.port))) throw new BundledCoreNlpError(explainFailure(options.port, heap)('Address already in use', '', null));
  const startTimeoutMs = options.startTimeoutMs ?? 180_000;
  const started = Date.now();
  const launched: JvmChild & { ready: string } = await spawnJvm({
    args: nlpLauncherArgs(options),
    label: 'the bundled CoreNLP',
    readyLine: 'NLP_READY',
    failedLine: 'NLP_FAILED',
    startTimeoutMs,
    explainFailure: explainFailure(options.port, heap),
    error: BundledCoreNlpError,
  });
  const uri = `http://127.0.0.1:${options.port}`;
  if (!(await waitUntilReady(uri, started + startTimeoutMs))) {
    await stopJvm(launched, 5_000);
    throw new BundledCoreNlpError(`The bundled CoreNLP listens on ${uri} but did not annotate a test sentence within ${startTimeoutMs / 1000} s.`);
  }
  let exited = false;
  void launched.exited.then(() => {
    exited = true;
  });
  return {
    uri,
    pid: () => (exited ? undefined : launched.child.pid),
    running: () => !exited,
    stop: () => stopJvm(launched, 10_000),
  };
}
