/**
 * What every route is built from: the database, the configuration and the shared services. In a
 * module of its own so that routes depend on it and on nothing that mounts them (app.ts).
 */
import type { RequestHandler } from 'express';
import type { Database } from '../db/connect.js';
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
}
