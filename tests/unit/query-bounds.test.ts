import { describe, expect, it } from 'vitest';
import { QueryTooComplexError, OverloadedError } from '../../db/errors.js';
import { QueryTooLargeError } from '../../server/errors.js';
import { checkParamBounds, checkQueryBounds, measureCypher, QUERY_BOUNDS } from '../../server/queries/bounds.js';
import { Limiter } from '../../server/queries/limiter.js';
import { loadQueryFiles } from '../../server/queries/saved.js';
import { toNeo4jParams } from '../../server/transform/values.js';

describe('query bounds', () => {
  it.each(loadQueryFiles().map((q) => [q.name, q.cypher]))('accept the shipped query %s', (_name, cypher) => {
    expect(() => checkQueryBounds(cypher)).not.toThrow();
  });

  it('do not count relationship-pattern dashes or separate property reads as a chain', () => {
    const query = `MATCH (a)-[r:X]->(b)<-[:Y]-(c)--(d) WHERE a.x = 1 AND b.y = 2 RETURN ${Array.from({ length: 300 }, (_, i) => `a.p${i}`).join(', ')}`;
    expect(measureCypher(query).chain).toBeLessThan(5);
  });

  it('count chains, nesting and parameters hidden behind \\u escapes', () => {
    expect(measureCypher(`RETURN ${Array.from({ length: 200 }, () => '$p').join('\\u002b')}`).chain).toBeGreaterThanOrEqual(199);
    expect(measureCypher(`RETURN ${'\\u0028'.repeat(100)}1${')'.repeat(100)}`).nesting).toBe(100);
  });

  it.each([
    ['too long', 'RETURN 1 ' + ' '.repeat(QUERY_BOUNDS.maxQueryChars), QueryTooLargeError],
    ['a long sum', `RETURN ${Array.from({ length: 350 }, (_, i) => `$p${i}`).join('+')}`, QueryTooComplexError],
    ['deep brackets', `RETURN ${'['.repeat(100)}1${']'.repeat(100)}`, QueryTooComplexError],
    ['a long property chain', `WITH {a: 1} AS m RETURN m${'.a'.repeat(200)}`, QueryTooComplexError],
    ['too many parameters', `RETURN [${Array.from({ length: 101 }, (_, i) => `$p${i}`).join(', ')}]`, QueryTooLargeError],
  ])('refuse %s', (_what, query, type) => {
    expect(() => checkQueryBounds(query)).toThrow(type);
  });

  it('refuse deep, wide or numerous parameters without overflowing their own stack', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    expect(() => checkParamBounds({ deep })).toThrow(QueryTooComplexError);
    expect(() => toNeo4jParams({ deep })).toThrow(QueryTooComplexError);
    expect(() => checkParamBounds({ wide: Array.from({ length: QUERY_BOUNDS.maxParamValues + 1 }, () => 1) })).toThrow(QueryTooLargeError);
    expect(() => checkParamBounds(Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`p${i}`, i])))).toThrow(QueryTooLargeError);
    expect(() => checkParamBounds({ ok: { list: [1, 2, { x: 'y' }] }, n: toNeo4jParams(5) as never })).not.toThrow();
  });
});

describe('Limiter', () => {
  it('runs at most max at once, queues the rest briefly, then answers overloaded', async () => {
    const limiter = new Limiter(2, 50);
    let running = 0;
    let peak = 0;
    const job = (ms: number) =>
      limiter.run(async () => {
        peak = Math.max(peak, ++running);
        await new Promise((r) => setTimeout(r, ms));
        running--;
        return 'done';
      });
    const results = await Promise.allSettled([job(200), job(200), job(10), job(10)]);
    expect(peak).toBe(2);
    expect(results.slice(0, 2).map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
    for (const r of results.slice(2)) {
      expect(r.status).toBe('rejected');
      expect((r as PromiseRejectedResult).reason).toBeInstanceOf(OverloadedError);
    }
    expect(limiter.inUse).toBe(0);
  });

  it('hands a freed slot to the next waiter and frees slots when work throws', async () => {
    const limiter = new Limiter(1, 1_000);
    const first = limiter.run(async () => {
      await new Promise((r) => setTimeout(r, 20));
      throw new Error('fails');
    });
    const second = limiter.run(async () => 'second');
    await expect(first).rejects.toThrow('fails');
    await expect(second).resolves.toBe('second');
    expect(limiter.inUse).toBe(0);
  });
});
