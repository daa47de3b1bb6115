/**
 * Requests Node's HTTP parser rejects before Express (a URL over the 16 KB header limit, broken
 * HTTP) are answered with the usual JSON error body, on a real listening server read through a raw
 * socket, so nothing between the test and the server can tidy up the answer.
 */
import type { Server } from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { answerClientErrors } from '../../server/http/client-errors.js';
import { startApp } from '../../server/lifecycle.js';
import { testConfig, testDatabase } from './helpers.js';

const db = testDatabase();
let server: Server;
let port: number;

beforeAll(async () => {
  const app = createApp({ db, config: testConfig(), log: () => {} });
  server = await new Promise<Server>((resolve) => {
    const s = answerClientErrors(app.listen(0, '127.0.0.1', () => resolve(s)));
  });
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await db.close();
});

/** Sends raw bytes and reads everything until the server closes the connection. */
function raw(bytes: string): Promise<{ status: number; headers: Record<string, string>; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head = '', body = ''] = text.split('\r\n\r\n', 2);
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body });
    });
    socket.end(bytes);
  });
}

describe('requests the HTTP parser rejects', () => {
  it('answers a URL over 16 KB with 431 and a JSON error body', async () => {
    const res = await raw(`GET /api/search?q=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`);
    expect(res.status).toBe(431);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(Number(res.headers['content-length'])).toBe(Buffer.byteLength(res.body));
    const body = JSON.parse(res.body);
    expect(body.error.code).toBe('request_header_too_large');
    expect(body.error.message).toMatch(/16 KB/);
    expect(body.error.details).toBeNull();
  });

  it('answers broken HTTP with 400 and a JSON error body', async () => {
    const res = await raw('THIS IS NOT HTTP\r\n\r\n');
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).error.code).toBe('bad_request');
  });

  it('answers the same through fetch, and keeps serving afterwards', async () => {
    const res = await fetch(`http://127.0.0.1:${port}/api/search?q=${'b'.repeat(17_000)}`);
    expect(res.status).toBe(431);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('request_header_too_large');
    expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBeLessThan(500);
  });
});

describe('the server `npm start` creates', () => {
  it('answers an over-long URL with the same JSON 431', async () => {
    // startApp reads the environment: give it the test database (from the shared test config) and a free port.
    const config = testConfig({ PORT: '0', HOST: '127.0.0.1', NEWSGRAPH_SEED_ON_START: '0' });
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries(config)) if (typeof value === 'string' || typeof value === 'number') env[key] = String(value);
    env.NEWSGRAPH_SEED_ON_START = '0';
    const saved = { ...process.env };
    Object.assign(process.env, env);
    let running: Awaited<ReturnType<typeof startApp>> | undefined;
    try {
      running = await startApp({ log: () => {} });
      const res = await fetch(`${running.url}/api/search?q=${'c'.repeat(20_000)}`);
      expect(res.status).toBe(431);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('request_header_too_large');
    } finally {
      await running?.stop();
      process.env = saved;
    }
  });
});
