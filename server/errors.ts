/**
 * One error taxonomy: a few named classes, each with an HTTP status and a stable code. Database
 * errors are translated into them in one function, `fromNeo4jError`. The JSON error handler in
 * app.ts is the only place that turns them into responses: `{error: {code, message, details}}`.
 */
import { Neo4jError } from 'neo4j-driver';

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class BadRequestError extends AppError {
  constructor(message: string, details?: unknown) {
    super(400, 'bad_request', message, details);
  }
}
export class UnauthorizedError extends AppError {
  constructor(message = 'This endpoint needs a valid bearer token (Authorization: Bearer <token>).') {
    super(401, 'unauthorized', message);
  }
}
export class ForbiddenQueryError extends AppError {
  constructor(message: string, details?: unknown) {
    super(400, 'query_not_allowed', message, details);
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
  constructor(message = 'The request body is too large.') {
    super(413, 'payload_too_large', message);
  }
}
export class QueryTimeoutError extends AppError {
  constructor(timeoutMs: number) {
    super(504, 'query_timeout', `The query took longer than ${timeoutMs} ms and was stopped. Narrow it (add a LIMIT, bound the path length) and try again.`);
  }
}
export class DatabaseUnavailableError extends AppError {
  constructor(message = 'The graph database is not reachable right now. Try again in a moment.') {
    super(503, 'database_unavailable', message);
  }
}

const UNAVAILABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired', 'Neo.TransientError.General.DatabaseUnavailable']);

/** Maps an error thrown by the driver to the taxonomy; anything unknown stays as it is (→ 500). */
export function fromNeo4jError(error: unknown, timeoutMs: number): unknown {
  if (error instanceof AppError) return error;
  if (!(error instanceof Neo4jError)) return error;
  const code = error.code ?? '';
  if (UNAVAILABLE_CODES.has(code) || (Neo4jError.isRetryable(error) && /unavailable|connect/i.test(error.message))) {
    return new DatabaseUnavailableError();
  }
  if (code.includes('TransactionTimedOut') || code.includes('Transaction.TransactionTimedOut') || code === 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration') {
    return new QueryTimeoutError(timeoutMs);
  }
  if (code === 'Neo.ClientError.Statement.AccessMode' || code.includes('ForbiddenDueToTransactionType') || code === 'Neo.ClientError.Security.Forbidden') {
    return new ForbiddenQueryError('This query would change the database; only read queries are allowed here.', { neo4jCode: code });
  }
  if (code.startsWith('Neo.ClientError.Statement.') || code.startsWith('Neo.ClientError.Procedure.')) {
    return new BadRequestError(error.message.split('\n')[0] ?? 'Invalid query', { neo4jCode: code });
  }
  return error;
}
