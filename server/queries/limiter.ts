/**
 * A small counting semaphore for analyst Cypher. The driver's pool (50 connections, db/connect.ts)
 * is shared by every route; without a bound, 50 slow analyst queries would hold all of it and a
 * concurrent search would wait 10 s for a connection and fail. Analyst queries therefore take one
 * of `max` slots (below the pool size), and a query that finds them all taken waits at most
 * `queueMs` before it is answered 503 `overloaded` with a Retry-After. The rest of the pool stays
 * free for searches, expansions and the health check.
 */
import type { Database } from '../../db/connect.js';
import { OverloadedError } from '../../db/errors.js';

export class Limiter {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    readonly max: number,
    readonly queueMs: number,
  ) {}

  get inUse(): number {
    return this.active;
  }

  /** Runs `work` in a slot; throws OverloadedError when none frees up within queueMs. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await work();
    } finally {
      this.release();
    }
  }

  private acquire(): Promise<void> {
    if (this.active < this.max) {
      this.active++;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const grant = () => {
        clearTimeout(timer);
        this.active++;
        resolve();
      };
      const timer = setTimeout(() => {
        const at = this.waiting.indexOf(grant);
        if (at !== -1) this.waiting.splice(at, 1);
        reject(new OverloadedError('Too many analyst queries are running right now. Try again in a few seconds.', Math.max(1, Math.ceil(this.queueMs / 1000))));
      }, this.queueMs);
      this.waiting.push(grant);
    });
  }

  private release(): void {
    this.active--;
    this.waiting.shift()?.();
  }
}

/** One limiter per database connection pool (a Database is one driver, so one pool) and setting. */
const limiters = new WeakMap<Database, Map<string, Limiter>>();

export function limiterFor(db: Database, max: number, queueMs: number): Limiter {
  let forDb = limiters.get(db);
  if (!forDb) limiters.set(db, (forDb = new Map()));
  const key = `${max}/${queueMs}`;
  let limiter = forDb.get(key);
  if (!limiter) forDb.set(key, (limiter = new Limiter(max, queueMs)));
  return limiter;
}
