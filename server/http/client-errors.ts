/**
 * Requests Node's HTTP parser rejects before Express sees them (a URL or headers over
 * `maxHeaderSize`, broken HTTP, a header timeout) get the same JSON error body as every other
 * error, instead of Node's default status line with an empty body. Attach it to every server the
 * app listens on: `answerClientErrors(app.listen(…))`.
 */
import { maxHeaderSize, STATUS_CODES, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { AppError } from '../../db/errors.js';
import { formatBytes } from './bytes.js';

interface ParserError extends Error {
  code?: string;
}

/** The error for a parser error code, with the statuses Node itself would send. */
export function clientError(code: string | undefined, limitBytes = maxHeaderSize): AppError {
  switch (code) {
    case 'HPE_HEADER_OVERFLOW':
      return new AppError(431, 'request_header_too_large', `The request's URL and headers are larger than the ${formatBytes(limitBytes)} this server reads. Shorten the URL (send long input in a POST body instead).`);
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return new AppError(413, 'payload_too_large', 'The chunk extensions of this request are too large.');
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return new AppError(408, 'request_timeout', 'The request took too long to arrive and was dropped.');
    default:
      return new AppError(400, 'bad_request', 'The request is not valid HTTP.');
  }
}

export function answerClientErrors(server: Server): Server {
  server.on('clientError', (error: ParserError, socket: Duplex) => {
    // As Node does: answer only when the socket can still take a whole response, i.e. no response
    // on it has started; a reset connection has no one left to read the answer.
    const inFlight = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (error.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) {
      socket.destroy();
      return;
    }
    const answer = clientError(error.code);
    const { status } = answer;
    const json = JSON.stringify(answer.body());
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
        'Content-Type: application/json; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(json)}\r\n` +
        'X-Content-Type-Options: nosniff\r\n' +
        'Connection: close\r\n\r\n' +
        json,
    );
    // A peer that never reads must not keep the socket open.
    setTimeout(() => socket.destroy(), 1000).unref();
  });
  return server;
}
