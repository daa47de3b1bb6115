/**
 * fromNeo4jError on errors the test database cannot be made to produce (a per-transaction memory
 * limit needs a setting the bundled Community server cannot change at run time; heap exhaustion
 * and pool exhaustion are not safe to provoke in `npm test`): real Neo4jError objects, built by the
 * driver's own constructor with the codes and messages Neo4j 5.26 sends. The ones that can be
 * provoked are tested for real in tests/int/reliability-query-limits.int.test.ts.
 */
import { Neo4jError } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { AppError, DatabaseUnavailableError, fromNeo4jError } from '../../db/errors.js';

const neo4jError = (code: string, message: string) => new Neo4jError(message, code, '50N42', 'error: general processing exception');
const mapped = (error: unknown) => fromNeo4jError(error, 3_000) as AppError;
const DRIVER_TEXT = /ECONNREFUSED|127\.0\.0\.1|27687|Pool status|\/etc\/|file:|MiB/;

describe('fromNeo4jError', () => {
  it.each([
    ['Neo.TransientError.General.TransactionOutOfMemoryError', 'The allocation of an extra 2.0 MiB would use more than the limit 10.0 MiB. Currently using 9.0 MiB. db.memory.transaction.max threshold reached', 422, 'query_memory_limit'],
    ['Neo.TransientError.General.MemoryPoolOutOfMemoryError', 'The allocation of an extra 131.8 MiB would use more than the limit 716.8 MiB. Currently using 617.0 MiB. dbms.memory.transaction.total.max threshold reached', 503, 'overloaded'],
    ['Neo.TransientError.General.OutOfMemoryError', 'There is not enough memory to perform the current task. Please try increasing the heap.', 503, 'overloaded'],
    ['Neo.DatabaseError.General.UnknownError', 'Java heap space', 503, 'overloaded'],
    ['Neo.TransientError.General.StackOverFlowError', 'There is not enough stack size to perform the current task.', 400, 'query_too_complex'],
    ['Neo.TransientError.Transaction.Terminated', 'The transaction has been terminated. Retry your operation in a new transaction, and you should see a successful result. Explicitly terminated by the user.', 503, 'query_terminated'],
    ['Neo.TransientError.Transaction.LockClientStopped', 'LockClient[42] is stopped', 503, 'query_terminated'],
    ['Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration', 'The transaction has been terminated. Retry your operation in a new transaction, and you should see a successful result. The transaction has not completed within the timeout specified at its start by the client.', 504, 'query_timeout'],
    ['Neo.ClientError.Statement.ExternalResourceFailed', "Couldn't load the external resource at: file:/etc/shadow", 400, 'query_not_allowed'],
    ['Neo.ClientError.Statement.ExternalResourceFailed', 'Cannot load from URL \'http://127.0.0.1:9/x\': configuration property \'dbms.security.allow_csv_import_from_file_urls\' is false', 400, 'query_not_allowed'],
    ['ServiceUnavailable', 'Could not perform discovery. No routing servers available. Known routing table: … connect ECONNREFUSED 127.0.0.1:27687', 503, 'database_unavailable'],
    ['Neo.ClientError.Security.Unauthorized', 'The client is unauthorized due to authentication failure.', 503, 'database_unavailable'],
    ['Neo.ClientError.Statement.SyntaxError', 'Invalid input \')\': expected an expression (line 1, column 9 (offset: 8))\n"RETURN 1)"\n         ^', 400, 'bad_request'],
  ])('maps %s to a named error', (code, message, status, name) => {
    const error = mapped(neo4jError(code, message));
    expect(error).toBeInstanceOf(AppError);
    expect(error.status).toBe(status);
    expect(error.code).toBe(name);
    if (!code.endsWith('SyntaxError')) expect(error.message).not.toMatch(DRIVER_TEXT);
  });

  it('keeps the first line of a syntax error for the analyst', () => {
    expect(mapped(neo4jError('Neo.ClientError.Statement.SyntaxError', 'Invalid input \'x\': expected "RETURN" (line 1, column 3 (offset: 2))\n"x"\n ^')).message).toBe(
      'Invalid input \'x\': expected "RETURN" (line 1, column 3 (offset: 2))',
    );
  });

  it('hides a statement message that carries connection or file text', () => {
    const error = mapped(neo4jError('Neo.ClientError.Statement.SemanticError', 'Cannot reach bolt://10.0.0.5:7687 from here'));
    expect(error.status).toBe(400);
    expect(error.message).not.toMatch(/10\.0\.0\.5|bolt:/);
  });

  it('maps a full connection pool (the driver\'s own error) to 503 overloaded with Retry-After', () => {
    const error = mapped(new Neo4jError('Connection acquisition timed out in 10000 ms. Pool status: Active conn count = 50, Idle conn count = 0.', 'N/A', '50N42', 'x'));
    expect(error.status).toBe(503);
    expect(error.code).toBe('overloaded');
    expect(error.retryAfterSeconds).toBeGreaterThan(0);
    expect(error.message).not.toMatch(DRIVER_TEXT);
  });

  it('maps a RangeError from packing a deep parameter to 400', () => {
    expect(mapped(new RangeError('Maximum call stack size exceeded')).status).toBe(400);
  });

  it('never lets driver text into a DatabaseUnavailableError message', () => {
    const error = new DatabaseUnavailableError('The graph database is not reachable: connect ECONNREFUSED 127.0.0.1:27687');
    expect(error.message).not.toMatch(DRIVER_TEXT);
    expect(error.status).toBe(503);
    expect(error.retryAfterSeconds).toBeGreaterThan(0);
  });

  it('leaves unknown errors alone (a 500 the handler logs)', () => {
    const error = new Error('boom');
    expect(fromNeo4jError(error, 3_000)).toBe(error);
  });
});
