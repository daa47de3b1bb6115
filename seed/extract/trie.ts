/**
 * The one token trie of the extractor: phrases stored as sequences of lowercased words, walked one
 * token at a time, so a lookup is linear in the text and independent of how many phrases there are.
 * Used by the gazetteer (catalogue aliases), the role phrases (read forwards and backwards) and the
 * relation triggers. A node carries a value only where a stored phrase ends.
 */

export interface TrieNode<V> {
  readonly next: Map<string, TrieNode<V>>;
  /** Set where a stored phrase ends; undefined inside a phrase. */
  value: V | undefined;
}

export function trieNode<V>(): TrieNode<V> {
  return { next: new Map(), value: undefined };
}

/** The node at the end of `words` below `root`, created along the way. */
export function trieInsert<V>(root: TrieNode<V>, words: Iterable<string>): TrieNode<V> {
  let node = root;
  for (const w of words) {
    let nx = node.next.get(w);
    if (!nx) {
      nx = trieNode<V>();
      node.next.set(w, nx);
    }
    node = nx;
  }
  return node;
}

/** Add `item` to the list kept at the end of `words` (each item once). */
export function trieAdd<T>(root: TrieNode<T[]>, words: Iterable<string>, item: T): void {
  const node = trieInsert(root, words);
  if (!node.value) node.value = [item];
  else if (!node.value.includes(item)) node.value.push(item);
}
