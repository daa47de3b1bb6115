/**
 * Saved queries. Shipped ones are files in cypher/ (one query per file) with a header the server
 * and the UI both read:
 *
 *   // name: china-russia-trade
 *   // description: Trade between two countries and the stories that report it
 *   // param a: string = "China"   first country
 *
 * A param line is `// param <name>: <string|int|float|boolean|string[]> [= <JSON default>]  <help>`
 * (help separated by at least two spaces). A param without a default is required. The files are
 * parsed once at start into typed objects; each gets a zod schema for its parameters built from
 * the header, so runs are validated before they reach the database.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import neo4j from 'neo4j-driver';
import { z } from 'zod';
import { ParamTypeSchema, QueryNameSchema, QueryParamSpecSchema, type ParamType, type QueryParamSpec, type SavedQueryInfo } from '../../model/api.js';
import { maskCypher } from './guard.js';

export const CYPHER_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../cypher');
/** Files in cypher/ that are not saved queries. */
const NOT_QUERIES = new Set(['schema.cypher']);

/**
 * Names an analyst's saved query may not take: every file of cypher/ (a query named `schema` would
 * read as cypher/schema.cypher, the schema script) and the words the API and UI use beside query
 * names. Built-in query names are refused separately, with a message that names the file.
 */
export const RESERVED_QUERY_NAMES: ReadonlySet<string> = new Set([
  ...readdirSync(CYPHER_DIR)
    .filter((f) => f.endsWith('.cypher'))
    .map((f) => f.replace(/\.cypher$/, '')),
  'schema', 'run', 'new', 'cypher', 'queries', 'saved', 'file', 'files', 'export', 'import', 'search', 'api', 'openapi',
]);

export class QueryFileError extends Error {}

export interface ParsedQuery {
  name: string;
  description: string;
  params: QueryParamSpec[];
  /** The whole text, header included (comments are harmless to Neo4j). */
  cypher: string;
}

const PARAM_LINE = /^\/\/\s*param\s+([A-Za-z_][A-Za-z0-9_]*)\s*:\s*(string\[\]|string|int|float|boolean)(?=\s|=|$)\s*(.*)$/;

/** Splits `= <JSON>  help` into the default and the help (JSON may hold spaces). */
function parseDefault(rest: string, where: string): { default?: unknown; help: string } {
  const text = rest.trim();
  if (!text.startsWith('=')) return { help: text };
  const afterEq = text.slice(1).trim();
  // Try the longest-to-shortest splits at runs of two or more spaces; the first valid JSON wins.
  const splits = [...afterEq.matchAll(/\s{2,}/g)].map((m) => m.index!);
  for (const at of [afterEq.length, ...splits.reverse()]) {
    const candidate = afterEq.slice(0, at).trim();
    try {
      return { default: JSON.parse(candidate), help: afterEq.slice(at).trim() };
    } catch {
      // try a shorter prefix
    }
  }
  throw new QueryFileError(`${where}: the default after "=" is not valid JSON (separate the help text by two spaces).`);
}

export function valueSchema(type: ParamType): z.ZodType {
  switch (type) {
    case 'string':
      return z.string().max(10_000);
    case 'int':
      return z.number().int().min(Number.MIN_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER);
    case 'float':
      return z.number();
    case 'boolean':
      return z.boolean();
    case 'string[]':
      return z.array(z.string().max(10_000)).max(10_000);
  }
}

/** The `$parameters` a Cypher text uses (outside comments and string literals). */
export function parametersUsed(cypher: string): Set<string> {
  const masked = maskCypher(cypher);
  return new Set([...masked.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]!));
}

/** Problems between declared params and the body's `$parameters`, both directions. */
export function paramProblems(params: readonly QueryParamSpec[], cypher: string): string[] {
  const used = parametersUsed(cypher);
  const declared = new Set(params.map((p) => p.name));
  const problems: string[] = [];
  for (const name of declared) if (!used.has(name)) problems.push(`param ${name} is declared but $${name} is not used`);
  for (const name of used) if (!declared.has(name)) problems.push(`$${name} is used but not declared`);
  const seen = new Set<string>();
  for (const p of params) {
    if (seen.has(p.name)) problems.push(`param ${p.name} is declared twice`);
    seen.add(p.name);
    if (p.default !== undefined && !valueSchema(p.type).safeParse(p.default).success) {
      problems.push(`the default of ${p.name} is not a ${p.type}`);
    }
  }
  return problems;
}

export function parseQueryText(text: string, where: string): ParsedQuery {
  let name: string | undefined;
  let description = '';
  const params: QueryParamSpec[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    if (!line.startsWith('//')) break;
    const field = /^\/\/\s*(name|description)\s*:\s*(.*)$/.exec(line);
    if (field) {
      if (field[1] === 'name') name = field[2]!.trim();
      else description = description ? `${description} ${field[2]!.trim()}` : field[2]!.trim();
      continue;
    }
    const param = PARAM_LINE.exec(line);
    if (param) {
      const { default: dflt, help } = parseDefault(param[3] ?? '', `${where}: param ${param[1]}`);
      params.push(QueryParamSpecSchema.parse({ name: param[1], type: ParamTypeSchema.parse(param[2]), default: dflt, help }));
      continue;
    }
    if (/^\/\/\s*param\b/.test(line)) throw new QueryFileError(`${where}: cannot read "${line}" (expected // param <name>: <type> = <JSON default>  <help>)`);
  }
  if (!name) throw new QueryFileError(`${where}: the header has no "// name: …" line`);
  if (!QueryNameSchema.safeParse(name).success) throw new QueryFileError(`${where}: "${name}" is not a valid query name (lowercase letters, digits, dashes)`);
  const problems = paramProblems(params, text);
  if (problems.length > 0) throw new QueryFileError(`${where}: ${problems.join('; ')}`);
  return { name, description, params, cypher: text.trim() };
}

/** Parses every query file of `dir` (sorted by name); throws on the first bad file. */
export function loadQueryFiles(dir = CYPHER_DIR): ParsedQuery[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.cypher') && !NOT_QUERIES.has(f)).sort();
  const queries: ParsedQuery[] = [];
  const names = new Set<string>();
  for (const file of files) {
    const query = parseQueryText(readFileSync(path.join(dir, file), 'utf8'), file);
    if (query.name !== file.replace(/\.cypher$/, '')) throw new QueryFileError(`${file}: the name "${query.name}" should match the file name`);
    if (names.has(query.name)) throw new QueryFileError(`${file}: a second query named ${query.name}`);
    names.add(query.name);
    queries.push(query);
  }
  return queries;
}

/** A strict zod object for a query's params: unknown names refused, defaults filled in. */
export function paramsSchema(params: readonly QueryParamSpec[]): z.ZodType<Record<string, unknown>> {
  const shape: Record<string, z.ZodType> = {};
  for (const p of params) shape[p.name] = p.default === undefined ? valueSchema(p.type) : valueSchema(p.type).default(p.default as never);
  return z.strictObject(shape) as unknown as z.ZodType<Record<string, unknown>>;
}

/** Parsed values → Neo4j parameters: int params become Integers, float params stay floats. */
export function toQueryParams(params: readonly QueryParamSpec[], values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const p of params) {
    const v = values[p.name];
    out[p.name] = p.type === 'int' && typeof v === 'number' ? neo4j.int(v) : v;
  }
  return out;
}

export function infoOf(query: ParsedQuery, source: SavedQueryInfo['source']): SavedQueryInfo {
  return { name: query.name, description: query.description, params: query.params, cypher: query.cypher, source };
}
