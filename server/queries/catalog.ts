/**
 * The saved queries analysts can run: the files of cypher/ (parsed once, at start) and their own,
 * stored in Neo4j. Running one validates its params against a zod schema built from its header,
 * checks the text with the read-only guard (analysts' queries can hold anything) and runs it in a
 * read transaction with the configured timeout and caps.
 */
import type { z } from 'zod';
import type { QueryResult, SavedQueryInfo } from '../../model/api.js';
import { NotFoundError } from '../errors.js';
import { parseInput } from '../validate.js';
import { checkReadOnlyCypher } from './guard.js';
import { runQuery, type RunDeps } from './run.js';
import { infoOf, loadQueryFiles, paramsSchema, toQueryParams, type ParsedQuery } from './saved.js';
import { getStoredQuery, listStoredQueries } from './store.js';

interface Compiled extends ParsedQuery {
  schema: z.ZodType<Record<string, unknown>>;
  source: SavedQueryInfo['source'];
}

const compile = (query: ParsedQuery, source: SavedQueryInfo['source']): Compiled => ({ ...query, schema: paramsSchema(query.params), source });

export class QueryCatalog {
  private readonly files: Map<string, Compiled>;

  constructor(
    private readonly deps: RunDeps,
    files: ParsedQuery[] = loadQueryFiles(),
  ) {
    this.files = new Map(files.map((q) => [q.name, compile(q, 'file')]));
  }

  isFileQuery(name: string): boolean {
    return this.files.has(name);
  }

  async list(): Promise<SavedQueryInfo[]> {
    const stored = await listStoredQueries(this.deps.db);
    return [...[...this.files.values()].map((q) => infoOf(q, 'file')), ...stored.map((q) => infoOf(q, 'saved'))];
  }

  async find(name: string): Promise<Compiled | undefined> {
    const file = this.files.get(name);
    if (file) return file;
    const stored = await getStoredQuery(this.deps.db, name);
    return stored ? compile(stored, 'saved') : undefined;
  }

  /** Validated Neo4j params and the text to run for `name`; 404 when there is no such query. */
  async prepare(name: string, rawParams: unknown): Promise<{ cypher: string; params: Record<string, unknown> }> {
    const query = await this.find(name);
    if (!query) throw new NotFoundError(`No saved query named ${name}`);
    const values = parseInput(query.schema, rawParams ?? {}, `params of ${name}`);
    const cypher = query.source === 'file' ? query.cypher : checkReadOnlyCypher(query.cypher).query;
    return { cypher, params: toQueryParams(query.params, values) };
  }

  async run(name: string, rawParams: unknown): Promise<QueryResult> {
    const { cypher, params } = await this.prepare(name, rawParams);
    return runQuery(this.deps, cypher, params, `saved-query:${name}`);
  }
}
