/**
 * The errors of the HTTP guards (Host, cross-site, write content type). They subclass AppError, so
 * the one JSON error handler in app.ts answers them like every other error.
 */
import { AppError } from '../../db/errors.js';

/** The header a page of this app (or a script, or curl) adds to a write that is not JSON. */
export const CUSTOM_REQUEST_HEADER = 'X-Newsgraph-Request';

export class HostNotAllowedError extends AppError {
  constructor(host: string | undefined) {
    const shown = host === undefined ? 'none' : JSON.stringify(host.slice(0, 100));
    super(
      421,
      'host_not_allowed',
      `This server does not answer to the host name in this request (Host: ${shown}). Open it as localhost or by its address, or add the name to NEWSGRAPH_ALLOWED_HOSTS.`,
    );
  }
}

export class CrossSiteRequestError extends AppError {
  constructor(origin: string | undefined) {
    super(
      403,
      'cross_site_request',
      'This request came from a page on another site. The API takes requests that query or change data only from its own pages, or from an origin listed in NEWSGRAPH_CORS_ORIGIN.',
      origin === undefined ? null : { origin: origin.slice(0, 200) },
    );
  }
}

export class WriteNeedsJsonOrHeaderError extends AppError {
  constructor() {
    super(
      415,
      'unsupported_media_type',
      `Send this request as JSON (Content-Type: application/json), or add the header "${CUSTOM_REQUEST_HEADER}: 1" (for example to send a page of text as text/plain).`,
    );
  }
}
