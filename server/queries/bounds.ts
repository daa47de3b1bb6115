/**
 * Bounds on analyst Cypher and its parameters, checked before anything reaches the database.
 *
 * Neo4j's parser and planner recurse over the expression tree, and past a few hundred levels they
 * overflow their stack and never answer (measured on 5.26: `RETURN $p0+$p1+…` hangs from about 340
 * terms, `m.a.a.a…` and `((((…))))` from about 350 levels; a 400-term `OR` chain still plans in 1 s,
 * a 5,000-term sum of literals in 2.7 s). The client-side deadline in db/read.ts answers such a
 * query in time whatever happens; these bounds refuse it up front, with margin, and name the limit.
 */
import { isInt } from 'neo4j-driver';
import { QueryTooComplexError } from '../../db/errors.js';
import { QueryTooLargeError } from '../errors.js';
import { MAX_PARAM_DEPTH } from '../transform/values.js';
import { decodeUnicodeEscapes, maskCypher } from './guard.js';

export const QUERY_BOUNDS = {
  /** Characters of query text (a 10,000-character sum of literals plans in under 3 s). */
  maxQueryChars: 10_000,
  /** Depth of nested (), [] and {}: the parser overflowed at ~350. */
  maxNesting: 60,
  /** Operators and property accesses chained in one expression: the planner overflowed at ~340. */
  maxChain: 120,
  /** Distinct $parameters in the text and names in the params object. */
  maxParams: 100,
  /** Nesting of lists and maps inside a parameter value (JSON depth). */
  maxParamDepth: MAX_PARAM_DEPTH,
  /** Values (scalars, list items, map entries) across all parameters. */
  maxParamValues: 100_000,
} as const;

/** Words that end one expression and start another (a chain never runs across them). */
const EXPRESSION_BREAKS = new Set([
  'match', 'optional', 'where', 'return', 'with', 'unwind', 'order', 'by', 'skip', 'limit', 'call', 'yield', 'union', 'and', 'or', 'xor', 'not',
  'as', 'case', 'when', 'then', 'else', 'end', 'in', 'distinct', 'exists', 'count', 'collect', 'is', 'null', 'asc', 'desc', 'ascending', 'descending',
]);

/**
 * The longest chain of binary operators and property accesses within one expression, the depth of
 * brackets, and the distinct $parameters, read from the masked text (comments and strings blanked).
 */
export function measureCypher(query: string): { chain: number; nesting: number; params: number } {
  const text = maskCypher(decodeUnicodeEscapes(query));
  let depth = 0;
  let nesting = 0;
  let chain = 0;
  let longest = 0;
  let dots = 0;
  const params = new Set<string>();
  const tokens = text.match(/\$[\p{L}_][\p{L}\p{N}_]*|[\p{L}_][\p{L}\p{N}_]*|\d+(?:\.\d+)?|<>|<=|>=|=~|\|\||\S/gu) ?? [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const lower = token.toLowerCase();
    if (token.startsWith('$')) params.add(token);
    if (token === '(' || token === '[' || token === '{') nesting = Math.max(nesting, ++depth);
    else if (token === ')' || token === ']' || token === '}') depth = Math.max(0, depth - 1);
    if (token === ',' || token === '|' || token === ':' || EXPRESSION_BREAKS.has(lower)) {
      chain = 0;
      continue;
    }
    const before = tokens[i - 1];
    const after = tokens[i + 1];
    // A dash in a relationship pattern, (a)-[r]->(b) or (a)--(b), is not a minus.
    const patternDash = token === '-' && (before === '-' || before === ']' || before === '<' || after === '-' || after === '[' || after === '>');
    const arrow = (token === '<' && after === '-') || (token === '>' && before === '-');
    if (token === '.') {
      // m.a.a.a…: each access nests the one before; n.a + n.b is two separate ones.
      dots = tokens[i - 2] === '.' ? dots + 1 : 1;
      longest = Math.max(longest, dots);
    } else if (!patternDash && !arrow && /^(?:[-+*/%^=<>]|<>|<=|>=|=~|\|\|)$/.test(token)) {
      chain++;
      longest = Math.max(longest, chain);
    }
  }
  return { chain: longest, nesting, params: params.size };
}

/** Throws QueryTooLargeError (413) or QueryTooComplexError (400) when the text is beyond the bounds. */
export function checkQueryBounds(query: string): void {
  if (query.length > QUERY_BOUNDS.maxQueryChars) {
    throw new QueryTooLargeError(`The query is ${query.length} characters long; at most ${QUERY_BOUNDS.maxQueryChars} are allowed.`, {
      length: query.length,
      max: QUERY_BOUNDS.maxQueryChars,
    });
  }
  const { chain, nesting, params } = measureCypher(query);
  if (nesting > QUERY_BOUNDS.maxNesting) {
    throw new QueryTooComplexError(`The query nests brackets ${nesting} deep; at most ${QUERY_BOUNDS.maxNesting} levels are allowed.`, { nesting, max: QUERY_BOUNDS.maxNesting });
  }
  if (chain > QUERY_BOUNDS.maxChain) {
    throw new QueryTooComplexError(`One expression of the query chains ${chain} operators; at most ${QUERY_BOUNDS.maxChain} are allowed. Use a list and reduce() or UNWIND instead.`, {
      chain,
      max: QUERY_BOUNDS.maxChain,
    });
  }
  if (params > QUERY_BOUNDS.maxParams) {
    throw new QueryTooLargeError(`The query uses ${params} parameters; at most ${QUERY_BOUNDS.maxParams} are allowed.`, { params, max: QUERY_BOUNDS.maxParams });
  }
}

/** Throws when the params object has too many names, is nested too deeply or holds too many values. */
export function checkParamBounds(params: Record<string, unknown>): void {
  const names = Object.keys(params).length;
  if (names > QUERY_BOUNDS.maxParams) {
    throw new QueryTooLargeError(`${names} parameters were sent; at most ${QUERY_BOUNDS.maxParams} are allowed.`, { params: names, max: QUERY_BOUNDS.maxParams });
  }
  // Iterative, so a value nested 100,000 deep cannot overflow this check's own stack.
  let values = 0;
  const stack: Array<{ value: unknown; depth: number }> = Object.values(params).map((value) => ({ value, depth: 1 }));
  while (stack.length > 0) {
    const { value, depth } = stack.pop()!;
    if (++values > QUERY_BOUNDS.maxParamValues) {
      throw new QueryTooLargeError(`The parameters hold more than ${QUERY_BOUNDS.maxParamValues} values.`, { max: QUERY_BOUNDS.maxParamValues });
    }
    if (value === null || typeof value !== 'object' || isInt(value)) continue;
    if (depth > QUERY_BOUNDS.maxParamDepth) {
      throw new QueryTooComplexError(`A parameter is nested more than ${QUERY_BOUNDS.maxParamDepth} levels deep.`, { max: QUERY_BOUNDS.maxParamDepth });
    }
    for (const child of Array.isArray(value) ? value : Object.values(value)) stack.push({ value: child, depth: depth + 1 });
  }
}
