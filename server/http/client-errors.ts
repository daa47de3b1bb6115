/**
 * Requests Node's HTTP parser rejects before Express sees them (a URL or headers over
 * `maxHeaderSize`, broken HTTP, a header timeout) get the same JSON error body as every other
 * error, instead of Node's default status line with an empty body. Attach it to every server the
 * app listens on: `answerClientErrors(app.listen(…))`.
 */
import { maxHeaderSize, STATUS_CODES, type Server } from 'node:http';
import type { Duplex } from 'node:stream';

interface ParserError extends Error {
  code?: string;
}

/** Status and error body for a parser error code, mirroring the statuses Node itself would send. */
export function clientErrorResponse(code: string | undefined, limitBytes = maxHeaderSize): { status: number; body: { error: { code: string; message: string; details: null } } } {
  const kb = Math.round(limitBytes / 1024);
  const [status, errorCode, message] =
    code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'request_header_too_large', `The request's URL and headers are larger than the ${kb} KB this server reads. Shorten the URL (send long input in a POST body instead).`]
      : code === 'HPE_CHUNK_EXTENSIONS_OVERFLOW'
        ? [413, 'payload_too_large', 'The chunk extensions of this request are too large.']
        : code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? [408, 'request_timeout', 'The request took too long to arrive and was dropped.']
          : [400, 'bad_request', 'The request is not valid HTTP.'];
  return { status, body: { error: { code: errorCode, message, details: null } } };
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
    const { status, body } = clientErrorResponse(error.code);
    const json = JSON.stringify(body);
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
