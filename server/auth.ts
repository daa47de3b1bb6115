/**
 * requireToken(config): write endpoints need `Authorization: Bearer <token>` when
 * NEWSGRAPH_API_TOKEN is set. Both sides are hashed before a constant-time compare, so neither
 * the token's content nor its length leaks through timing.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Config } from './config.js';
import { UnauthorizedError } from './errors.js';

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

export function tokenMatches(expected: string, presented: string): boolean {
  return timingSafeEqual(digest(expected), digest(presented));
}

export function requireToken(config: Pick<Config, 'NEWSGRAPH_API_TOKEN'>): RequestHandler {
  const expected = config.NEWSGRAPH_API_TOKEN;
  return (req, _res, next) => {
    if (!expected) return next();
    const header = req.headers.authorization ?? '';
    const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header);
    if (!match?.[1] || !tokenMatches(expected, match[1])) throw new UnauthorizedError();
    next();
  };
}
