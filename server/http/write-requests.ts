/**
 * Writes must be JSON or say they come from a client that knows this API. A cross-site form or a
 * `no-cors` fetch can only send text/plain, form or multipart bodies (or none) and cannot add a
 * custom header, so demanding `Content-Type: application/json` or `X-Newsgraph-Request` shuts
 * them out even when a browser sends neither Origin nor Sec-Fetch-Site.
 *
 * Applies to every method but GET/HEAD/OPTIONS. A PUT, PATCH or DELETE without a body passes: a
 * browser never sends those cross-site without a CORS preflight, which only listed origins pass.
 */
import type { Request, RequestHandler } from 'express';
import { CUSTOM_REQUEST_HEADER, WriteNeedsJsonOrHeaderError } from './errors.js';
import { isSafeMethod } from './origins.js';

const JSON_TYPE = /^\s*application\/json\s*(;|$)/i;
const hasBody = (req: Request) => req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;

export function requireJsonOrCustomHeader(): RequestHandler {
  const header = CUSTOM_REQUEST_HEADER.toLowerCase();
  return (req, _res, next) => {
    if (isSafeMethod(req.method)) return next();
    if (String(req.headers[header] ?? '').trim() !== '') return next();
    // Declared JSON passes even without a body: no form or no-cors fetch can declare it.
    if (JSON_TYPE.test(req.headers['content-type'] ?? '')) return next();
    if (!hasBody(req) && req.method.toUpperCase() !== 'POST') return next();
    throw new WriteNeedsJsonOrHeaderError();
  };
}
