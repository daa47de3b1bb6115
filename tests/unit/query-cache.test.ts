/** The saved-query result cache: LRU order, TTL, invalidation, and no stale store across an invalidation. */
import { describe, expect, it } from 'vitest';
import { canonicalJson, ResultCache, resultKey } from '../../server/queries/cache.js';

function clock() {
  let t = 1_000;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('ResultCache', () => {
  it('serves an entry until its TTL passes', () => {
    const c = clock();
    const cache = new ResultCache<string>({ ttlMs: 100, maxEntries: 10, now: c.now });
    cache.set('k', 'v', cache.begin());
    c.advance(99);
    expect(cache.get('k')).toBe('v');
    c.advance(1);
    expect(cache.get('k')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('drops the least recently used entry beyond maxEntries', () => {
    const cache = new ResultCache<number>({ ttlMs: 1_000, maxEntries: 2 });
    cache.set('a', 1, cache.begin());
    cache.set('b', 2, cache.begin());
    expect(cache.get('a')).toBe(1); // a is now the most recently used
    cache.set('c', 3, cache.begin());
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
  });

  it('empties on invalidate and refuses a result computed across an invalidation', () => {
    const cache = new ResultCache<string>({ ttlMs: 1_000, maxEntries: 10 });
    cache.set('a', 'old', cache.begin());
    const started = cache.begin();
    cache.invalidate();
    expect(cache.get('a')).toBeUndefined();
    cache.set('b', 'computed before the write', started);
    expect(cache.get('b')).toBeUndefined();
    cache.set('b', 'fresh', cache.begin());
    expect(cache.get('b')).toBe('fresh');
  });

  it('stores nothing when disabled (TTL 0)', () => {
    const cache = new ResultCache<string>({ ttlMs: 0, maxEntries: 10 });
    expect(cache.enabled).toBe(false);
    cache.set('a', 'v', cache.begin());
    expect(cache.get('a')).toBeUndefined();
  });
});

describe('result keys', () => {
  it('do not depend on the order of params, but on their values, the name and the text', () => {
    expect(canonicalJson({ b: 1, a: [{ y: 2, x: 'q' }] })).toBe('{"a":[{"x":"q","y":2}],"b":1}');
    const key = resultKey('q', 'RETURN 1', { a: 'China', b: 'Russia' });
    expect(resultKey('q', 'RETURN 1', { b: 'Russia', a: 'China' })).toBe(key);
    expect(resultKey('q', 'RETURN 1', { a: 'China', b: 'Peru' })).not.toBe(key);
    expect(resultKey('q', 'RETURN 2', { a: 'China', b: 'Russia' })).not.toBe(key);
    expect(resultKey('r', 'RETURN 1', { a: 'China', b: 'Russia' })).not.toBe(key);
  });
});
