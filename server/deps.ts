/**
 * What every route is built from: the database, the configuration and the shared services. In a
 * module of its own so that routes depend on it and on nothing that mounts them (app.ts).
 */
import type { RequestHandler } from 'express';
import type { Database } from '../db/connect.js';
import type { NlpClient } from '../nlp/client.js';
import type { Config } from './config.js';
import type { ResultCache } from './queries/cache.js';

export interface AppDeps {
  db: Database;
  config: Config;
  /** Extra middleware mounted before the static files (the Vite dev server in `npm run dev`). */
  frontend?: RequestHandler;
  log?: (line: string) => void;
  /**
   * Saved-query results cache (response bodies as JSON text); createApp makes one from the config when absent. Routes that write
   * empty it. Seeding on start needs no hook: it finishes before the app is created.
   */
  resultCache?: ResultCache<string>;
  /**
   * The CoreNLP client of the nlp extractor (NEWSGRAPH_EXTRACTOR=nlp). startApp passes the one it
   * connected; when absent, createApp makes one on NEWSGRAPH_NLP_URI, and without that, ingest answers
   * 503 nlp_unavailable and health reports the NLP server down.
   */
  nlp?: NlpClient;
}
