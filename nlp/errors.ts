/**
 * The NLP server's errors, in the one taxonomy (db/errors.ts): down or too slow is 503
 * `nlp_unavailable`, with a plain message (the address and the server's own text stay in `cause`).
 */
import { AppError } from '../db/errors.js';

export class NlpUnavailableError extends AppError {
  constructor(cause?: unknown) {
    super(503, 'nlp_unavailable', 'The NLP server (Stanford CoreNLP) is not reachable right now, so nothing was extracted or written. Try again in a moment.', undefined, 10);
    if (cause !== undefined) this.cause = cause;
  }
}
