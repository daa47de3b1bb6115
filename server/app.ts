/**
 * createApp(deps) builds the Express app apart from `listen`, so tests drive it with supertest.
 * Routes are mounted here (each registering its OpenAPI path with it, see http/define-route.ts);
 * one JSON 404 and one JSON error handler close the chain.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type ErrorRequestHandler, type Express } from 'express';
import helmet from 'helmet';
import { AppError, BadRequestError } from '../db/errors.js';
import { NotFoundError, PayloadTooLargeError } from './errors.js';
import { formatBytes } from './http/bytes.js';
import { corsFromConfig } from './http/cors.js';
import { requireAllowedHost } from './http/hosts.js';
import { refuseCrossSite } from './http/origins.js';
import { requireJsonOrCustomHeader } from './http/write-requests.js';
import type { AppDeps } from './deps.js';
import { nlpClientFor } from '../nlp/connect.js';
import { createApiRegistry, openApiDocument } from './openapi.js';
import { ResultCache } from './queries/cache.js';
import { QueryCatalog } from './queries/catalog.js';
import { entitiesRouter } from './routes/entities.js';
import { exportRouter } from './routes/export.js';
import { factsRouter } from './routes/facts.js';
import { graphRouter } from './routes/graph.js';
import { healthRouter } from './routes/health.js';
import { ingestRouter } from './routes/ingest.js';
import { queriesRouter } from './routes/queries.js';
import { searchRouter } from './routes/search.js';
import { storiesRouter } from './routes/stories.js';

const clientDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../client/dist');

export const JSON_BODY_LIMIT = '1mb';

export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          // Cytoscape and CodeMirror set inline styles; scripts stay same-origin only.
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:', 'blob:'],
        },
      },
    }),
  );
  // Before anything is served or read: the Host check (DNS rebinding), CORS, then no cross-site
  // requests that query or change data, and writes only as JSON or with the custom header.
  app.use(requireAllowedHost(deps.config));
  const cors = corsFromConfig(deps.config);
  if (cors) app.use(cors);
  app.use(refuseCrossSite(deps.config));
  app.use(requireJsonOrCustomHeader());
  app.use('/api', express.json({ limit: JSON_BODY_LIMIT }));

  // The nlp extractor on an external CoreNLP (NEWSGRAPH_NLP_URI) needs no start-up: connect here.
  if (!deps.nlp && deps.config.NEWSGRAPH_EXTRACTOR === 'nlp' && deps.config.NEWSGRAPH_NLP_URI) {
    deps = { ...deps, nlp: nlpClientFor(deps.config, deps.config.NEWSGRAPH_NLP_URI, undefined) };
  }

  // Each router registers its OpenAPI paths as it mounts its routes; the document is built once all are in.
  const registry = createApiRegistry();
  app.use(healthRouter(deps, registry));
  const resultCache =
    deps.resultCache ?? new ResultCache<string>({ ttlMs: deps.config.NEWSGRAPH_QUERY_CACHE_TTL_MS, maxEntries: deps.config.NEWSGRAPH_QUERY_CACHE_ENTRIES });
  deps = { ...deps, resultCache };
  // Saved query files are parsed once, here; a broken file stops the start with its name.
  const catalog = new QueryCatalog(deps, resultCache);
  app.use(searchRouter(deps, registry));
  app.use(entitiesRouter(deps, registry));
  app.use(graphRouter(deps, registry));
  app.use(ingestRouter(deps, registry));
  app.use(storiesRouter(deps, registry));
  app.use(factsRouter(deps, registry));
  app.use(queriesRouter(deps, catalog, registry));
  app.use(exportRouter(deps, catalog, registry));
  const openApi = openApiDocument(registry);
  app.get('/api/openapi.json', (_req, res) => {
    res.json(openApi);
  });

  app.use('/api', (req) => {
    throw new NotFoundError(`No API route ${req.method} ${req.path}`);
  });
  if (deps.frontend) app.use(deps.frontend);
  else if (existsSync(clientDist)) {
    app.use(express.static(clientDist, { index: 'index.html', maxAge: '1h' }));
    app.get('/{*rest}', (_req, res) => res.sendFile(path.join(clientDist, 'index.html')));
  }
  app.use((req) => {
    throw new NotFoundError(`Nothing at ${req.path}`);
  });
  app.use(jsonErrorHandler(deps.log ?? console.error));
  return app;
}

/** The only place errors become responses: `{error: {code, message, details}}`, never a stack trace. */
function jsonErrorHandler(log: (line: string) => void): ErrorRequestHandler {
  return (error, _req, res, _next) => {
    let appError: AppError;
    if (error instanceof AppError) appError = error;
    // Each body parser has its own limit (JSON 1 MB, a text page 2 MB); the error carries the one that applied.
    else if (error?.type === 'entity.too.large') appError = new PayloadTooLargeError(Number.isFinite(error.limit) ? `The request body is larger than ${formatBytes(error.limit)}.` : undefined);
    else if (error?.type === 'entity.parse.failed') appError = new BadRequestError('The request body is not valid JSON.');
    else if (typeof error?.status === 'number' && error.status >= 400 && error.status < 500) {
      appError = new AppError(error.status, 'bad_request', String(error.message ?? 'Bad request'));
    } else {
      log(`Unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      appError = new AppError(500, 'internal', 'Something went wrong on the server. The error has been logged.');
    }
    if (res.headersSent) return;
    // Overloaded or unavailable: tell clients when to come back.
    if (appError.retryAfterSeconds !== undefined) res.setHeader('Retry-After', String(appError.retryAfterSeconds));
    res.status(appError.status).json(appError.body());
  };
}
