/**
 * CORS for the origins in NEWSGRAPH_CORS_ORIGIN (the `cors` package); unset sends no CORS headers.
 * The listed origin is echoed back (also for `*`), and preflights are answered with 204.
 */
import cors from 'cors';
import type { RequestHandler } from 'express';
import type { Config } from '../config.js';
import { CUSTOM_REQUEST_HEADER } from './errors.js';
import { allowedOrigins } from './origins.js';

export function corsFromConfig(config: Pick<Config, 'NEWSGRAPH_CORS_ORIGIN'>): RequestHandler | null {
  const origins = allowedOrigins(config);
  if (!origins.length) return null;
  return cors({
    origin: origins.includes('*') ? true : origins,
    methods: ['GET', 'POST', 'PUT', 'DELETE'],
    allowedHeaders: ['Content-Type', 'Authorization', CUSTOM_REQUEST_HEADER],
    optionsSuccessStatus: 204,
  });
}
