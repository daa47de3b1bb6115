/**
 * Starting and stopping the whole app: database (bundled or external) and, for the nlp extractor,
 * CoreNLP (bundled or external) side by side, schema, first-run seeding, HTTP server; and on
 * SIGINT/SIGTERM a graceful stop that drains requests, closes the driver and stops the bundled JVMs,
 * so nothing is left running.
 */
import type { Server } from 'node:http';
import type { RequestHandler } from 'express';
import { createApp } from './app.js';
import { loadConfig, type Config } from './config.js';
import type { Database } from '../db/connect.js';
import { connectDatabaseAndNlp, type NlpService } from '../nlp/connect.js';
import { applySchema } from '../db/schema.js';
import { answerClientErrors } from './http/client-errors.js';
import { seedIfEmpty } from './seed-on-start.js';
import { extractorFor } from '../seed/index.js';

export interface RunningApp {
  config: Config;
  db: Database;
  /** undefined with NEWSGRAPH_EXTRACTOR=rules. */
  nlp: NlpService | undefined;
  server: Server;
  url: string;
  stop(): Promise<void>;
}

export interface StartOptions {
  frontend?: () => Promise<RequestHandler>;
  /** Work done beside the start (`npm start` builds the UI meanwhile), awaited before the app is created. */
  whileStarting?: Promise<void>;
  log?: (line: string) => void;
  /** Where the configuration is read from (tests start apps on their own settings). */
  env?: NodeJS.ProcessEnv;
}

export async function startApp(options: StartOptions = {}): Promise<RunningApp> {
  const log = options.log ?? console.log;
  const config = loadConfig(options.env ?? process.env);
  const { db, nlp } = await connectDatabaseAndNlp(config, log);
  let server: Server | undefined;
  const stop = async () => {
    if (server) await new Promise<void>((resolve) => server!.close(() => resolve()));
    await Promise.all([db.close(), nlp?.close()]);
  };
  try {
    await applySchema(db);
    const extractor = extractorFor(config.NEWSGRAPH_EXTRACTOR, nlp?.client);
    if (config.NEWSGRAPH_SEED_ON_START) await seedIfEmpty(db, extractor, log);
    await options.whileStarting;
    const frontend = options.frontend ? await options.frontend() : undefined;
    const app = createApp({ db, config, frontend, nlp: nlp?.client });
    server = await new Promise<Server>((resolve, reject) => {
      const s = answerClientErrors(app.listen(config.PORT, config.HOST, () => resolve(s)));
      s.once('error', (error: NodeJS.ErrnoException) =>
        reject(error.code === 'EADDRINUSE' ? new Error(`Port ${config.PORT} on ${config.HOST} is already in use. Set PORT to another port.`) : error),
      );
    });
  } catch (error) {
    await stop();
    throw error;
  }
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  return { config, db, nlp, server, url: `http://${config.HOST}:${port}`, stop };
}

/** Runs the app until SIGINT/SIGTERM; prints plain messages, never a stack trace, on start failures. */
export async function runUntilSignalled(options: Parameters<typeof startApp>[0] = {}): Promise<void> {
  let app: RunningApp;
  try {
    app = await startApp(options);
  } catch (error) {
    console.error(`newsgraph could not start: ${(error as Error).message}`);
    process.exit(1);
  }
  console.log(`newsgraph is running at ${app.url}  (database: ${app.db.uri}; extractor: ${app.config.NEWSGRAPH_EXTRACTOR}${app.nlp ? `, CoreNLP: ${app.nlp.uri}` : ''})`);
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping newsgraph…`);
    // Stop accepting connections, let in-flight requests finish, then close idle keep-alive ones.
    setTimeout(() => app.server.closeIdleConnections(), 100).unref();
    await app.stop();
    console.log('Stopped.');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}
