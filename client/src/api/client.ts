/**
 * The typed API client. Every failure becomes an ApiError whose message is in plain words,
 * ready to show to an analyst as it is.
 */
import { exportFormat } from '../../../model/export-formats.js';
import type {
  EntityDetail,
  ExportFormat,
  FactDetail,
  Graph,
  Health,
  QueryParamSpec,
  QueryResult,
  SavedQueryInfo,
  SearchHit,
  StoryDetail,
  StorySummary,
} from './types.js';

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
    readonly details: unknown = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The header the server asks of writes that are not JSON (server/http/errors.ts). */
export const CUSTOM_REQUEST_HEADER = 'X-Newsgraph-Request';

const PLAIN: Record<number, string> = {
  400: 'The request was not understood.',
  401: 'This action needs the API token.',
  403: 'This action is not allowed.',
  404: 'Not found.',
  408: 'The query took too long and was stopped.',
  413: 'The request is too large.',
  503: 'The graph database is not reachable right now.',
};

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await send(method, path, body);
  const text = await res.text();
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new ApiError(`The server sent an answer the explorer cannot read (from ${path}).`, res.status, 'bad_response');
  }
}

async function send(method: string, path: string, body?: unknown): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers: {
        Accept: 'application/json',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        // The server takes writes only as JSON or with this header (a page on another site cannot
        // set it); sent on every non-GET request so a bodyless POST or a text body also passes.
        ...(method === 'GET' ? {} : { [CUSTOM_REQUEST_HEADER]: '1' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError('The newsgraph server is not reachable. Is it running?', 0, 'network');
  }
  if (!res.ok) throw await errorFrom(res, path);
  return res;
}

async function errorFrom(res: Response, path: string): Promise<ApiError> {
  let code = 'http_' + res.status;
  let message = PLAIN[res.status] ?? `The server could not do this (HTTP ${res.status}).`;
  let details: unknown = null;
  try {
    const body = (await res.json()) as { error?: { code?: string; message?: string; details?: unknown } };
    if (body?.error?.message) message = body.error.message;
    if (body?.error?.code) code = body.error.code;
    details = body?.error?.details ?? null;
  } catch {
    if (res.status === 404) message = `This server has no ${path.split('?')[0]} yet.`;
  }
  return new ApiError(message, res.status, code, details);
}

const qs = (params: Record<string, string | number | undefined | null>) => {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') search.set(k, String(v));
  const s = search.toString();
  return s ? `?${s}` : '';
};
const enc = encodeURIComponent;

/** Some list endpoints wrap their array ({results: […]}); accept both. */
function list<T>(value: unknown, ...keys: string[]): T[] {
  if (Array.isArray(value)) return value as T[];
  if (value && typeof value === 'object') {
    for (const key of keys) {
      const inner = (value as Record<string, unknown>)[key];
      if (Array.isArray(inner)) return inner as T[];
    }
  }
  return [];
}

export const api = {
  health: () => request<Health>('GET', '/api/health'),

  search: async (q: string, opts: { types?: string[]; limit?: number } = {}) =>
    list<SearchHit>(await request('GET', '/api/search' + qs({ q, types: opts.types?.join(','), limit: opts.limit ?? 10 })), 'results', 'hits'),

  entity: (id: string) => request<EntityDetail>('GET', `/api/entities/${enc(id)}`),

  expand: (ids: string[], depth = 1, opts: { types?: string[]; includeStories?: boolean; limit?: number } = {}) =>
    request<Graph>('POST', '/api/graph/expand', {
      ids,
      depth,
      ...(opts.types ? { types: opts.types } : {}),
      includeStories: opts.includeStories ?? false,
      limit: opts.limit ?? 500,
    }),

  path: (from: string, to: string, maxHops = 4) => request<Graph>('GET', '/api/graph/path' + qs({ from, to, maxHops })),

  stories: async (filter: { entity?: string; outlet?: string; from?: string; to?: string } = {}) =>
    list<StorySummary>(await request('GET', '/api/stories' + qs(filter)), 'stories', 'results'),

  story: (id: string) => request<StoryDetail>('GET', `/api/stories/${enc(id)}`),

  /** One page of the fact's quotes (newest first); `evidenceNextOffset` gives the next. */
  fact: (key: string, page: { offset?: number; limit?: number } = {}) => request<FactDetail>('GET', `/api/facts/${enc(key)}` + qs(page)),

  queries: async () => list<SavedQueryInfo>(await request('GET', '/api/queries'), 'queries'),

  runQuery: (name: string, params: Record<string, unknown>) => request<QueryResult>('POST', `/api/queries/${enc(name)}/run`, { params }),

  cypher: (query: string, params: Record<string, unknown> = {}) => request<QueryResult>('POST', '/api/cypher', { query, params }),

  saveQuery: (q: { name: string; description?: string; cypher: string; params?: QueryParamSpec[] }, update = false) =>
    request<SavedQueryInfo>(update ? 'PUT' : 'POST', update ? `/api/queries/${enc(q.name)}` : '/api/queries', q),

  deleteQuery: (name: string) => send('DELETE', `/api/queries/${enc(name)}`).then(() => undefined),

  /** Returns the exported file and the name the server gave it. */
  exportFile: async (body: { ids: string[]; format: ExportFormat } | { query: string; params: Record<string, unknown>; format: ExportFormat }) => {
    const res = await send('POST', '/api/export', body);
    const disposition = res.headers.get('Content-Disposition') ?? '';
    const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
    return { blob: await res.blob(), filename: match?.[1] ? decodeURIComponent(match[1]) : `newsgraph.${exportFormat(body.format).extension}` };
  },
};

/** An error's message in plain words, whatever was thrown. */
export function plain(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return `Something went wrong in the explorer: ${error.message}`;
  return 'Something went wrong.';
}
