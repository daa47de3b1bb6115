/**
 * The dependency parse (doc.dependencies) indexed for walking: children and heads of every token, slot
 * paths ("^obj/nsubj") followed from a trigger, and the word lists of seed/catalog/dependency-patterns.json
 * parsed against the model at first use.
 */
import { readCatalogJson } from '../data/read.js';
import { parseDepPatternFile, type DepPatternFile } from '../data/validate-dep-patterns.js';
import type { Doc } from '../document.js';

export const DEP_PATTERN_FILE = 'dependency-patterns.json';

let file: DepPatternFile | null = null;
export function getDepPatterns(): DepPatternFile {
  return (file ??= parseDepPatternFile(readCatalogJson(DEP_PATTERN_FILE), DEP_PATTERN_FILE));
}

export interface Arc {
  rel: string;
  tok: number;
}

export interface DepGraph {
  /** Dependents of each token (rel, dependent). */
  children: Arc[][];
  /** Heads of each token (rel, head); enhanced++ gives a token several. */
  heads: Arc[][];
}

const graphs = new WeakMap<Doc, DepGraph>();

/** The indexed parse of `doc` (empty when no NLP stage ran). */
export function depGraph(doc: Doc): DepGraph {
  let g = graphs.get(doc);
  if (g) return g;
  const n = doc.tokens.length;
  g = { children: Array.from({ length: n }, () => []), heads: Array.from({ length: n }, () => []) };
  for (const d of doc.dependencies ?? []) {
    if (d.head < 0) continue;
    g.children[d.head]!.push({ rel: d.rel, tok: d.dep });
    g.heads[d.dep]!.push({ rel: d.rel, tok: d.head });
  }
  graphs.set(doc, g);
  return g;
}

/** Whether relation `rel` matches `want` ("obl:*" matches obl and every obl subtype). */
export function relMatches(rel: string, want: string): boolean {
  if (want.endsWith(':*')) {
    const base = want.slice(0, -2);
    return rel === base || rel.startsWith(base + ':');
  }
  return rel === want;
}

/** A token reached by a path and the token it was reached from (for "<asset> of Y's": the noun before nmod:poss). */
export interface Reached {
  tok: number;
  via: number;
  rel: string;
}

/** Follow a slot path from `start`: the tokens it reaches. */
export function follow(g: DepGraph, start: number, path: string): Reached[] {
  let cur: Reached[] = [{ tok: start, via: -1, rel: '' }];
  for (const step of path.split('/')) {
    const alts = step.split('|');
    const next: Reached[] = [];
    for (const r of cur) {
      for (const alt of alts) {
        const up = alt.startsWith('^');
        const want = up ? alt.slice(1) : alt;
        for (const a of up ? g.heads[r.tok]! : g.children[r.tok]!) {
          if (relMatches(a.rel, want) && !next.some((x) => x.tok === a.tok)) next.push({ tok: a.tok, via: r.tok, rel: a.rel });
        }
      }
    }
    cur = next;
    if (cur.length === 0) break;
  }
  return cur;
}

/** Dependents of `t` by relation `want`. */
export function kids(g: DepGraph, t: number, want: string): number[] {
  return g.children[t]!.filter((a) => relMatches(a.rel, want)).map((a) => a.tok);
}

/** The lemma of token `t` (lowercase), CoreNLP's when present. */
export function lemmaOf(doc: Doc, t: number): string {
  const tok = doc.tokens[t]!;
  return (tok.lemma ?? tok.lower).toLowerCase();
}
