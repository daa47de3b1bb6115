/**
 * One error taxonomy: a few named classes, each with an HTTP status and a stable code. This file
 * holds the base class and every error a database operation can end in; database errors are
 * translated into them in one function, `fromNeo4jError`, used by the read and write helpers here
 * and by callers of the seeding pipeline. Errors only the HTTP layer raises extend the same base
 * in server/errors.ts and server/http/errors.ts. The JSON error handler in server/app.ts is the
 * only place that turns them into responses: `{error: {code, message, details}}`; the seeding CLI
 * prints their message.
 *
 * Messages are written for the analyst and never carry driver or connection text (addresses,
 * ports, file paths, pool status): those stay in `cause` for logs. The one exception is a Cypher
 * syntax or semantic error, whose first line is what an analyst needs to fix the query.
 */
import { Neo4jError } from 'neo4j-driver';

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    /** Seconds a client should wait before retrying (503s); sent as Retry-After where the route can. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = new.target.name;
  }

  /** The JSON body every error response carries: `{error: {code, message, details}}`. */
  body(): { error: { code: string; message: string; details: unknown } } {
    return { error: { code: this.code, message: this.message, details: this.details ?? null } };
  }
}

export class BadRequestError extends AppError {
  constructor(message: string, details?: unknown) {
    super(400, 'bad_request', message, details);
  }
}
export class ForbiddenQueryError extends AppError {
  constructor(message: string, details?: unknown) {
    super(400, 'query_not_allowed', message, details);
  }
}
/** A query the planner would choke on (too deeply nested, too many operators or parameters). */
export class QueryTooComplexError extends AppError {
  constructor(message: string, details?: unknown) {
    super(400, 'query_too_complex', message, details);
  }
}
/** The query needed more memory than one transaction may use (a limit of the query, not of the server). */
export class QueryMemoryLimitError extends AppError {
  constructor() {
    super(422, 'query_memory_limit', 'The query needed more memory than one query may use and was stopped. Narrow it (add a LIMIT, aggregate earlier) and try again.');
  }
}
export class QueryTimeoutError extends AppError {
  constructor(timeoutMs: number) {
    super(504, 'query_timeout', `The query took longer than ${timeoutMs} ms and was stopped. Narrow it (add a LIMIT, bound the path length) and try again.`);
  }
}
export class DatabaseUnavailableError extends AppError {
  /**
   * The message is always the plain one: `cause` (a driver error or its text) is kept for logs only,
   * so callers cannot leak "ECONNREFUSED 127.0.0.1:7687" into a response by passing it along.
   */
  constructor(cause?: unknown) {
    super(503, 'database_unavailable', 'The graph database is not reachable right now. Try again in a moment.', undefined, 5);
    if (cause !== undefined) this.cause = cause;
  }
}
/** Too much at once: the analyst-query limiter is full, the pool has no free connection, the server is out of memory. */
export class OverloadedError extends AppError {
  constructor(message = 'The server is busy with other queries right now. Try again in a few seconds.', retryAfterSeconds = 5) {
    super(503, 'overloaded', message, undefined, retryAfterSeconds);
  }
}
/** The database stopped the transaction (an administrator, a shutdown, a lock client stopped). */
export class QueryTerminatedError extends AppError {
  constructor() {
    super(503, 'query_terminated', 'The database stopped this query before it finished. Try again in a moment.', undefined, 5);
  }
}

const UNAVAILABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired', 'Neo.TransientError.General.DatabaseUnavailable']);
const TIMEOUT_CODES = /TransactionTimedOut/;
const TERMINATED_CODES = new Set([
  'Neo.TransientError.Transaction.Terminated',
  'Neo.ClientError.Transaction.Terminated',
  'Neo.TransientError.Transaction.LockClientStopped',
  'Neo.ClientError.Transaction.LockClientStopped',
]);
/** Memory limits of one transaction: the query is too big (4xx). */
const TRANSACTION_MEMORY_CODES = new Set(['Neo.TransientError.General.TransactionOutOfMemoryError', 'Neo.TransientError.General.TransactionMemoryLimit']);
/** Memory of the whole server (the global pool, the JVM heap): overloaded (503). */
const SERVER_MEMORY_CODES = new Set(['Neo.TransientError.General.MemoryPoolOutOfMemoryError', 'Neo.TransientError.General.OutOfMemoryError']);
/** Errors reading a LOAD CSV resource; their text names the file or URL, which must not reach the client. */
const EXTERNAL_RESOURCE_CODES = /ExternalResource|CsvLoad|LoadCsv|LoadExternalResource/i;
/** Statement errors whose first line is a message about the analyst's own query text. */
const SHOWABLE_STATEMENT_CODES = new Set([
  'Neo.ClientError.Statement.SyntaxError',
  'Neo.ClientError.Statement.SemanticError',
  'Neo.ClientError.Statement.TypeError',
  'Neo.ClientError.Statement.ArgumentError',
  'Neo.ClientError.Statement.ParameterMissing',
  'Neo.ClientError.Statement.ArithmeticError',
  'Neo.ClientError.Statement.EntityNotFound',
  'Neo.ClientError.Statement.PropertyNotFound',
  'Neo.ClientError.Procedure.ProcedureNotFound',
  'Neo.ClientError.Procedure.ProcedureCallFailed',
  'Neo.ClientError.Statement.UnsupportedOperationError',
  'Neo.ClientError.Statement.NotSystemDatabaseError',
]);
/** The most of a Neo4j message line shown to a client. */
const MAX_SHOWN_MESSAGE = 300;

/** Connection, network or pool trouble; such text is never shown to clients. */
const looksLikeDriverInternals = (text: string) => /ECONN|EHOSTUNREACH|ETIMEDOUT|EPIPE|socket|\b\d{1,3}(?:\.\d{1,3}){3}\b|bolt:\/\/|neo4j:\/\/|file:\/\/|https?:\/\/|Pool status|\bat [\w$.]+ \(/i.test(text);

/** The first line of a Neo4j statement error, when it speaks about the query and nothing else. */
function shownMessage(error: Neo4jError): string | undefined {
  const first = (error.message.split('\n')[0] ?? '').trim();
  if (first === '' || looksLikeDriverInternals(first)) return undefined;
  return first.length > MAX_SHOWN_MESSAGE ? `${first.slice(0, MAX_SHOWN_MESSAGE)}…` : first;
}

/** True for errors meaning the database cannot be reached (for the health route and retries). */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (error instanceof DatabaseUnavailableError) return true;
  if (!(error instanceof Neo4jError)) return false;
  return UNAVAILABLE_CODES.has(error.code ?? '') || (Neo4jError.isRetryable(error) && /unavailable|connect/i.test(error.message));
}

/** Maps an error thrown by the driver to the taxonomy; anything unknown stays as it is (→ 500). */
export function fromNeo4jError(error: unknown, timeoutMs: number): unknown {
  if (error instanceof AppError) return error;
  // A RangeError ("Maximum call stack size exceeded") from packing a deeply nested parameter.
  if (error instanceof RangeError) return new QueryTooComplexError('The parameters are nested too deeply.');
  if (!(error instanceof Neo4jError)) return error;
  const code = error.code ?? '';
  const message = error.message ?? '';
  if (/^Connection acquisition timed out/i.test(message)) return new OverloadedError();
  if (isDatabaseUnavailable(error)) return new DatabaseUnavailableError(error);
  if (TIMEOUT_CODES.test(code)) return new QueryTimeoutError(timeoutMs);
  if (TERMINATED_CODES.has(code) || /LockClient stopped|has been terminated/i.test(message)) return new QueryTerminatedError();
  if (TRANSACTION_MEMORY_CODES.has(code)) return new QueryMemoryLimitError();
  if (SERVER_MEMORY_CODES.has(code) || /Java heap space|OutOfMemory/i.test(message)) {
    return new OverloadedError('The database is out of memory right now. Try again in a moment, or narrow the query.', 10);
  }
  if (code === 'Neo.TransientError.General.StackOverFlowError' || /StackOverflow/i.test(message)) {
    return new QueryTooComplexError('The query is nested too deeply for the database to plan.');
  }
  if (EXTERNAL_RESOURCE_CODES.test(code) || /LOAD CSV|external resource/i.test(message)) {
    return new ForbiddenQueryError('LOAD CSV is not allowed here: the explorer reads the graph only.', { neo4jCode: code });
  }
  // Credentials the server refuses are the operator's problem, not the analyst's: the database is unusable.
  if (/^Neo\.ClientError\.Security\.(Unauthorized|AuthenticationRateLimit|CredentialsExpired|TokenExpired)/.test(code)) return new DatabaseUnavailableError(error);
  if (code === 'Neo.ClientError.Statement.AccessMode' || code.includes('ForbiddenDueToTransactionType') || code.startsWith('Neo.ClientError.Security.')) {
    return new ForbiddenQueryError('This query would change the database; only read queries are allowed here.', { neo4jCode: code });
  }
  if (code.startsWith('Neo.ClientError.Statement.') || code.startsWith('Neo.ClientError.Procedure.')) {
    const shown = SHOWABLE_STATEMENT_CODES.has(code) ? shownMessage(error) : undefined;
    return new BadRequestError(shown ?? 'The database refused the query.', { neo4jCode: code });
  }
  if (code.startsWith('Neo.ClientError.Request.')) return new BadRequestError('The database could not read the request (check the parameters).', { neo4jCode: code });
  return error;
}
