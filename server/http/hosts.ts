/**
 * The Host check, against DNS rebinding: a page on evil.example whose name is re-pointed at
 * 127.0.0.1 reaches this server as same-origin, but its requests still say `Host: evil.example`.
 * So only names we expect are answered, on every route (static files too):
 *  - IP addresses (127.0.0.1, [::1], a LAN address…): a browser sends one only when the page itself
 *    was opened by that address, and an address cannot be re-pointed the way a name can;
 *  - `localhost` (and `*.localhost`, which browsers resolve to loopback themselves);
 *  - the HOST the app listens on when it is a name;
 *  - the names in NEWSGRAPH_ALLOWED_HOSTS (`.example.org` also allows subdomains, `*` allows any).
 * Any port is accepted: the port is not what rebinding forges.
 */
import { isIP } from 'node:net';
import type { RequestHandler } from 'express';
import type { Config } from '../config.js';
import { HostNotAllowedError } from './errors.js';

type HostConfig = Pick<Config, 'HOST' | 'NEWSGRAPH_ALLOWED_HOSTS'>;

/** `name`, `name:port`, `[v6]`, `[v6]:port`; anything else is not a Host header we answer. */
const HOST_HEADER = /^(\[[0-9a-f:.]+\]|[a-z0-9_.-]+)(?::(\d{1,5}))?$/i;

/** The host name of a Host header, lower-case, without brackets, port or trailing dot; null when malformed. */
export function hostName(header: string): string | null {
  const match = HOST_HEADER.exec(header.trim());
  if (!match) return null;
  return match[1]!.toLowerCase().replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '');
}

export function hostAllowed(header: string | undefined, config: HostConfig): boolean {
  if (header === undefined) return false;
  const configured = listOf(config.NEWSGRAPH_ALLOWED_HOSTS);
  if (configured.includes('*')) return true;
  const name = hostName(header);
  if (!name) return false;
  if (isIP(name) || name === 'localhost' || name.endsWith('.localhost')) return true;
  const listen = config.HOST.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (listen && name === listen) return true;
  return configured.some((allowed) => (allowed.startsWith('.') ? name === allowed.slice(1) || name.endsWith(allowed) : name === allowed));
}

export function requireAllowedHost(config: HostConfig): RequestHandler {
  return (req, _res, next) => {
    if (!hostAllowed(req.headers.host, config)) throw new HostNotAllowedError(req.headers.host);
    next();
  };
}

function listOf(text: string | undefined): string[] {
  return (text ?? '')
    .split(',')
    .map((s) => s.trim().toLowerCase().replace(/\.$/, ''))
    .filter(Boolean);
}
