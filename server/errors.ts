/**
 * Errors only the HTTP layer raises (a missing token, an unknown id, a name taken, a body or query
 * text too large), in the one taxonomy whose base class and database errors live in db/errors.ts.
 */
import { AppError } from '../db/errors.js';

export class UnauthorizedError extends AppError {
  constructor(message = 'This endpoint needs a valid bearer token (Authorization: Bearer <token>).') {
    super(401, 'unauthorized', message);
  }
}
export class NotFoundError extends AppError {
  constructor(message: string) {
    super(404, 'not_found', message);
  }
}
export class ConflictError extends AppError {
  constructor(message: string) {
    super(409, 'conflict', message);
  }
}
export class PayloadTooLargeError extends AppError {
  constructor(message = 'The request body is too large.', details?: unknown) {
    super(413, 'payload_too_large', message, details);
  }
}
/** Query text or parameters beyond the documented bounds. */
export class QueryTooLargeError extends AppError {
  constructor(message: string, details?: unknown) {
    super(413, 'query_too_large', message, details);
  }
}
