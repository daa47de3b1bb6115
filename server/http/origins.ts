/**
 * Which sites may send requests that query or change data (every method but GET, HEAD and
 * OPTIONS). A page on another site can send a POST without the browser asking first (a form, or
 * `fetch` with `mode: 'no-cors'`); CORS only hides the answer, the request still runs. So the
 * request itself is refused here, before any body is read:
 *  - an `Origin` header (browsers send one with every such request) must be this server's own
 *    origin or one listed in NEWSGRAPH_CORS_ORIGIN (`*` lists every origin);
 *  - without `Origin`, `Sec-Fetch-Site: cross-site` or `same-site` (another port or subdomain)
 *    is refused too. curl and scripts send neither header and pass.
 */
import type { RequestHandler } from 'express';
import type { Config } from '../config.js';
import { CrossSiteRequestError } from './errors.js';
import { hostName } from './hosts.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isSafeMethod(method: string): boolean {
  return SAFE_METHODS.has(method.toUpperCase());
}

/** NEWSGRAPH_CORS_ORIGIN as a list, e.g. ['https://desk.example.org'] or ['*']; empty when unset. */
export function allowedOrigins(config: Pick<Config, 'NEWSGRAPH_CORS_ORIGIN'>): string[] {
  return (config.NEWSGRAPH_CORS_ORIGIN ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
}

/** True when `origin` (scheme://host[:port]) names the host the request was sent to. */
export function sameOrigin(origin: string, hostHeader: string | undefined): boolean {
  if (!hostHeader) return false;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false; // includes the opaque origin "null" (sandboxed frames, file: pages)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  const defaultPort = url.protocol === 'https:' ? '443' : '80';
  const host = hostName(hostHeader);
  const hostPort = /:(\d{1,5})$/.exec(hostHeader.trim())?.[1] ?? defaultPort;
  return host !== null && host === url.hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1') && hostPort === (url.port || defaultPort);
}

export function refuseCrossSite(config: Pick<Config, 'NEWSGRAPH_CORS_ORIGIN'>): RequestHandler {
  const listed = allowedOrigins(config);
  const anyOrigin = listed.includes('*');
  return (req, _res, next) => {
    if (isSafeMethod(req.method)) return next();
    const origin = req.headers.origin;
    if (origin !== undefined) {
      if (anyOrigin || listed.includes(origin) || sameOrigin(origin, req.headers.host)) return next();
      throw new CrossSiteRequestError(origin);
    }
    const site = String(req.headers['sec-fetch-site'] ?? '').toLowerCase();
    if (site === 'cross-site' || site === 'same-site') throw new CrossSiteRequestError(undefined);
    next();
  };
}
