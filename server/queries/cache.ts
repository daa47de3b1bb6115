/**
 * A small in-process LRU of saved-query results, so the slow analyses (a hub's co-mentions, every
 * official of a country) are not recomputed for every analyst who opens them.
 *
 * Staleness is bounded two ways. Writes the app makes itself (ingest, analysts' saved queries)
 * call invalidate(), which empties the cache at once. Writes made outside the process (the seeding
 * CLI loading into a shared database) are invisible here, so every entry also expires after a
 * short TTL. A result computed while an invalidation happened is not stored: it may predate the
 * write (`begin()` hands out the generation that `set()` checks).
 */
export interface ResultCacheOptions {
  /** Entries older than this are not served; 0 disables the cache. */
  ttlMs: number;
  /** The least recently used entry is dropped beyond this many. */
  maxEntries: number;
  now?: () => number;
}

export class ResultCache<V> {
  private readonly entries = new Map<string, { value: V; expires: number }>();
  private generation = 0;
  private readonly now: () => number;

  constructor(private readonly options: ResultCacheOptions) {
    this.now = options.now ?? Date.now;
  }

  get enabled(): boolean {
    return this.options.ttlMs > 0 && this.options.maxEntries > 0;
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.expires <= this.now()) return undefined;
    // Re-inserted: a Map iterates in insertion order, so the first key is the least recently used.
    this.entries.set(key, entry);
    return entry.value;
  }

  /** The generation a computation starts in; pass it to set(). */
  begin(): number {
    return this.generation;
  }

  set(key: string, value: V, generation: number): void {
    if (!this.enabled || generation !== this.generation) return;
    this.entries.delete(key);
    this.entries.set(key, { value, expires: this.now() + this.options.ttlMs });
    while (this.entries.size > this.options.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  invalidate(): void {
    this.generation++;
    this.entries.clear();
  }
}

/** JSON with object keys sorted at every level, so equal params give equal keys whatever their order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * The key of one run: the query's name and text (an analyst's query edited elsewhere gets a new
 * key) and its validated params with defaults filled in (omitting a param equals sending its default).
 */
export function resultKey(name: string, cypher: string, values: Record<string, unknown>): string {
  return `${name}\u0000${cypher}\u0000${canonicalJson(values)}`;
}
