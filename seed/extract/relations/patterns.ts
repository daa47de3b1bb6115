/**
 * The relation patterns (seed/catalog/relation-patterns.json), parsed against the model at first use and
 * compiled into one trigger trie: a token walk finds every trigger of every pattern at once.
 */
import { readCatalogJson } from '../data/read.js';
import { parsePatternFile, type Pattern } from '../data/validate-patterns.js';
import { trieAdd, trieNode, type TrieNode } from '../trie.js';

export type { Pattern } from '../data/validate-patterns.js';

export const PATTERN_FILE = 'relation-patterns.json';

export interface CompiledPatterns {
  patterns: Pattern[];
  /** Trigger words → indexes of the patterns the trigger belongs to. */
  root: TrieNode<number[]>;
  /** Per pattern: words that cancel a trigger when they follow it. */
  blockers: Set<string>[];
}

let compiled: CompiledPatterns | null = null;
export function getPatterns(): CompiledPatterns {
  if (compiled) return compiled;
  const patterns = parsePatternFile(readCatalogJson(PATTERN_FILE), PATTERN_FILE);
  const root = trieNode<number[]>();
  patterns.forEach((p, idx) => {
    for (const tr of p.triggers) trieAdd(root, tr.split(' '), idx);
  });
  compiled = { patterns, root, blockers: patterns.map((p) => new Set(p.blockers ?? [])) };
  return compiled;
}
