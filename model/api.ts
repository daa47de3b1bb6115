/**
 * The API's wire contract: zod schemas shared by the server (validation, OpenAPI) and the client
 * (types). Inputs are parsed with these at the HTTP boundary; responses are built to match them.
 */
import { z } from 'zod';
import { EXPORT_FORMAT_IDS } from './export-formats.js';

/** A property value after conversion from Neo4j (integers → numbers, dates → ISO strings, points → {x,y,…}). */
export const PropValue: z.ZodType<unknown> = z.unknown();

export const GraphNodeSchema = z.object({
  /** The node's `id` property (e.g. `country:CHN`), stable across databases. */
  id: z.string(),
  labels: z.array(z.string()),
  props: z.record(z.string(), PropValue),
});
export const GraphEdgeSchema = z.object({
  /** Facts: their `key` property (stable); other relationships: `<type>:<source>:<target>`. */
  id: z.string(),
  type: z.string(),
  source: z.string(),
  target: z.string(),
  props: z.record(z.string(), PropValue),
});
export const GraphSchema = z.object({
  nodes: z.array(GraphNodeSchema),
  edges: z.array(GraphEdgeSchema),
  /** True when a limit cut the result. */
  truncated: z.boolean(),
});
export type GraphNode = z.infer<typeof GraphNodeSchema>;
export type GraphEdge = z.infer<typeof GraphEdgeSchema>;
export type Graph = z.infer<typeof GraphSchema>;

/** Non-graph results (counts, lists of strings…). */
export const TableSchema = z.object({
  columns: z.array(z.string()),
  rows: z.array(z.array(PropValue)),
  truncated: z.boolean(),
});
export type Table = z.infer<typeof TableSchema>;

/** What a query run returns: the graph part and the table part (either may be empty). */
export const QueryResultSchema = z.object({
  graph: GraphSchema,
  table: TableSchema,
  /** 'graph' when the records held nodes/relationships/paths, else 'table'. */
  kind: z.enum(['graph', 'table']),
  /** Time the query took in the database and the transformer (for a cached result: when it ran). */
  elapsedMs: z.number(),
  /** True when a saved query's result came from the server's result cache (see NEWSGRAPH_QUERY_CACHE_TTL_MS). */
  cached: z.boolean(),
});
export type QueryResult = z.infer<typeof QueryResultSchema>;

export const ErrorBodySchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown() }),
});

// ---------------------------------------------------------------------------------------------
// Request and response schemas of the Explorer API. `.meta({id})` names them in the OpenAPI
// document (GET /api/openapi.json) without tying this file to an OpenAPI library.
// ---------------------------------------------------------------------------------------------

/** Query strings arrive as text: a comma-separated list, or the same key repeated. */
const csvList = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter((s) => s.length > 0));
const intFromQuery = (min: number, max: number, fallback: number) => z.coerce.number().int().min(min).max(max).default(fallback);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD');
/** An entity, story or other node id such as `country:CHN` or `story:3f9a…`. */
const NodeId = z.string().trim().min(1).max(200);

export const SearchQuerySchema = z
  .object({
    q: z.string().trim().min(1).max(200),
    /** Labels to keep (Country, Company, Story…); comma-separated. */
    types: csvList.optional(),
    limit: intFromQuery(1, 100, 20),
  })
  .meta({ id: 'SearchQuery' });
export type SearchQuery = z.infer<typeof SearchQuerySchema>;

export const SearchHitSchema = z
  .object({
    id: z.string(),
    /** The node's specific label (Country, Company…, or Story). */
    label: z.string(),
    name: z.string(),
    score: z.number(),
    aliases: z.array(z.string()),
  })
  .meta({ id: 'SearchHit' });
export const SearchResponseSchema = z.object({ hits: z.array(SearchHitSchema) }).meta({ id: 'SearchResponse' });
export type SearchHit = z.infer<typeof SearchHitSchema>;
export type SearchResponse = z.infer<typeof SearchResponseSchema>;

export const EntityRefSchema = z
  .object({ id: z.string(), label: z.string(), name: z.string() })
  .meta({ id: 'EntityRef' });
export type EntityRef = z.infer<typeof EntityRefSchema>;

export const StorySummarySchema = z
  .object({
    id: z.string(),
    title: z.string(),
    /** Outlet name as printed (null when unknown). */
    outlet: z.string().nullable(),
    outletId: z.string().nullable(),
    /** ISO date or null. */
    published: z.string().nullable(),
    url: z.string().nullable(),
  })
  .meta({ id: 'StorySummary' });
export type StorySummary = z.infer<typeof StorySummarySchema>;

export const EntityFactSchema = z
  .object({
    /** The fact's key (`fact:…`), also its edge id in graph responses. */
    key: z.string(),
    type: z.string(),
    /** 'out' when this entity is the source of the fact. */
    direction: z.enum(['out', 'in']),
    other: EntityRefSchema,
    storyCount: z.number(),
    props: z.record(z.string(), PropValue),
  })
  .meta({ id: 'EntityFact' });
export type EntityFact = z.infer<typeof EntityFactSchema>;

export const EntityDetailSchema = z
  .object({
    id: z.string(),
    label: z.string(),
    labels: z.array(z.string()),
    name: z.string(),
    aliases: z.array(z.string()),
    props: z.record(z.string(), PropValue),
    /** Number of relationships of each type (facts and MENTIONS). */
    degree: z.record(z.string(), z.number()),
    /** Stories that mention it, newest first, at most `storiesLimit`. */
    stories: z.array(StorySummarySchema.extend({ mentions: z.number() })),
    storiesTotal: z.number(),
    /** Its facts, most reported first (capped at the element limit). */
    facts: z.array(EntityFactSchema),
    factsTruncated: z.boolean(),
  })
  .meta({ id: 'EntityDetail' });
export type EntityDetail = z.infer<typeof EntityDetailSchema>;

export const ExpandRequestSchema = z
  .object({
    ids: z.array(NodeId).min(1).max(100),
    depth: z.number().int().min(1).max(3).default(1),
    /** Relationship (fact) types to follow; default all. */
    types: z.array(z.string()).optional(),
    /** Labels of neighbours to keep; default all entity labels. */
    labels: z.array(z.string()).optional(),
    /** Add the stories mentioning the given ids (with MENTIONS edges). */
    includeStories: z.boolean().default(false),
    /** Cap on nodes + edges; never above NEWSGRAPH_MAX_ELEMENTS. */
    limit: z.number().int().min(1).max(100_000).default(500),
  })
  .meta({ id: 'ExpandRequest' });
export type ExpandRequest = z.input<typeof ExpandRequestSchema>;

export const PathQuerySchema = z
  .object({
    from: NodeId,
    to: NodeId,
    maxHops: intFromQuery(1, 6, 4),
    /** Cap on paths returned. */
    limit: intFromQuery(1, 100, 25),
  })
  .meta({ id: 'PathQuery' });
export type PathQuery = z.infer<typeof PathQuerySchema>;

export const PathResponseSchema = GraphSchema.extend({
  /** Each path as node ids in order (source first). */
  paths: z.array(z.object({ nodes: z.array(z.string()), edges: z.array(z.string()) })),
  hops: z.number().nullable(),
}).meta({ id: 'PathResponse' });
export type PathResponse = z.infer<typeof PathResponseSchema>;

export const StoriesQuerySchema = z
  .object({
    /** Entity id mentioned by the stories. */
    entity: NodeId.optional(),
    /** Outlet id (`outlet:reuters`) or outlet name (any case). */
    outlet: z.string().trim().min(1).max(200).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    /** Words of the title. */
    q: z.string().trim().min(1).max(200).optional(),
    limit: intFromQuery(1, 500, 50),
  })
  .meta({ id: 'StoriesQuery' });
export type StoriesQuery = z.infer<typeof StoriesQuerySchema>;
export const StoriesResponseSchema = z
  .object({ stories: z.array(StorySummarySchema), truncated: z.boolean() })
  .meta({ id: 'StoriesResponse' });
export type StoriesResponse = z.infer<typeof StoriesResponseSchema>;

export const EvidenceSchema = z
  .object({
    id: z.string(),
    quote: z.string(),
    start: z.number().nullable(),
    end: z.number().nullable(),
    confidence: z.number().nullable(),
    extractor: z.string().nullable(),
    /** The values this story states (e.g. {percent: 60}); null when none. */
    claim: z.record(z.string(), PropValue).nullable(),
    /** How many times the story states this quote for the fact; `start`/`end` are the first time's. */
    occurrences: z.number(),
  })
  .meta({ id: 'Evidence' });

export const StoryFactSchema = z
  .object({
    key: z.string(),
    type: z.string(),
    source: EntityRefSchema,
    target: EntityRefSchema,
    props: z.record(z.string(), PropValue),
    /** The quotes of this story that support the fact, in text order, at most STORY_EVIDENCE_PER_FACT. */
    evidence: z.array(EvidenceSchema),
    /** All quotes of this story for the fact; more than `evidence.length` when capped. */
    evidenceTotal: z.number(),
    evidenceTruncated: z.boolean(),
  })
  .meta({ id: 'StoryFact' });

export const StoryDetailSchema = StorySummarySchema.extend({
  body: z.string(),
  pages: z.array(z.string()),
  outletInfo: z
    .object({ id: z.string(), name: z.string(), country: z.string().nullable(), ownership: z.string().nullable() })
    .nullable(),
  /** Facts in order of their first quote, at most STORY_FACTS_LIMIT. */
  facts: z.array(StoryFactSchema),
  factsTotal: z.number(),
  factsTruncated: z.boolean(),
  /** Entities mentioned, most often first, at most STORY_MENTIONS_LIMIT. */
  mentions: z.array(EntityRefSchema.extend({ count: z.number(), first: z.string().nullable() })),
  mentionsTotal: z.number(),
  mentionsTruncated: z.boolean(),
}).meta({ id: 'StoryDetail' });
export type StoryDetail = z.infer<typeof StoryDetailSchema>;

/**
 * Caps of GET /api/stories/:id. A story's response must stay small whatever the story holds (one
 * upload can repeat a sentence thousands of times): the body is sent whole, its facts, quotes and
 * mentions only up to these counts, with totals and truncation flags.
 */
export const STORY_FACTS_LIMIT = 200;
export const STORY_EVIDENCE_PER_FACT = 20;
export const STORY_MENTIONS_LIMIT = 500;

/** GET /api/facts/:key paging: `offset` quotes skipped, at most `limit` returned. */
export const FACT_EVIDENCE_LIMIT_MAX = 200;
export const FactEvidenceQuerySchema = z
  .object({
    offset: intFromQuery(0, 1_000_000, 0),
    limit: intFromQuery(1, FACT_EVIDENCE_LIMIT_MAX, 50),
  })
  .meta({ id: 'FactEvidenceQuery' });
export type FactEvidenceQuery = z.infer<typeof FactEvidenceQuerySchema>;

export const FactEvidenceSchema = EvidenceSchema.extend({
  story: z.object({ id: z.string(), title: z.string() }),
  outlet: z.string().nullable(),
  outletId: z.string().nullable(),
  published: z.string().nullable(),
  url: z.string().nullable(),
}).meta({ id: 'FactEvidence' });

export const FactDetailSchema = z
  .object({
    key: z.string(),
    type: z.string(),
    source: EntityRefSchema,
    target: EntityRefSchema,
    props: z.record(z.string(), PropValue),
    /** One page of its quotes, newest first (`offset`, `limit` of the request). */
    evidence: z.array(FactEvidenceSchema),
    /** All quotes stored for the fact. */
    evidenceTotal: z.number(),
    /** The `offset` of the next page, or null when this page is the last. */
    evidenceNextOffset: z.number().nullable(),
  })
  .meta({ id: 'FactDetail' });
export type FactDetail = z.infer<typeof FactDetailSchema>;

export const PARAM_TYPES = ['string', 'int', 'float', 'boolean', 'string[]'] as const;
export const ParamTypeSchema = z.enum(PARAM_TYPES);
export type ParamType = z.infer<typeof ParamTypeSchema>;

export const QueryParamSpecSchema = z
  .object({
    name: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'a parameter name is letters, digits and _'),
    type: ParamTypeSchema,
    default: z.unknown().optional(),
    help: z.string().max(500).default(''),
  })
  .meta({ id: 'QueryParamSpec' });
export type QueryParamSpec = z.infer<typeof QueryParamSpecSchema>;

export const QueryNameSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,79}$/, 'a query name is lowercase letters, digits and dashes (at most 80)');

export const SavedQueryInfoSchema = z
  .object({
    name: z.string(),
    description: z.string(),
    params: z.array(QueryParamSpecSchema),
    cypher: z.string(),
    /** 'file': shipped in cypher/ (read-only); 'saved': an analyst's own, stored in Neo4j. */
    source: z.enum(['file', 'saved']),
  })
  .meta({ id: 'SavedQueryInfo' });
export type SavedQueryInfo = z.infer<typeof SavedQueryInfoSchema>;
export const SavedQueryListSchema = z.object({ queries: z.array(SavedQueryInfoSchema) }).meta({ id: 'SavedQueryList' });

export const SavedQueryInputSchema = z
  .object({
    name: QueryNameSchema,
    description: z.string().trim().max(1000).default(''),
    cypher: z.string().trim().min(1).max(20_000),
    params: z.array(QueryParamSpecSchema).max(30).default([]),
  })
  .meta({ id: 'SavedQueryInput' });
export type SavedQueryInput = z.input<typeof SavedQueryInputSchema>;

/** Parameter values: any JSON. Whole numbers are sent to Neo4j as integers. */
export const QueryParamsSchema = z.record(z.string(), z.unknown());

export const RunQueryRequestSchema = z
  .object({ params: QueryParamsSchema.default({}) })
  .meta({ id: 'RunQueryRequest' });

export const CypherRequestSchema = z
  .object({ query: z.string().trim().min(1).max(20_000), params: QueryParamsSchema.default({}) })
  .meta({ id: 'CypherRequest' });
export type CypherRequest = z.input<typeof CypherRequestSchema>;

export const ExportRequestSchema = z
  .object({
    /** Export these nodes and every relationship between them… */
    ids: z.array(NodeId).min(1).max(10_000).optional(),
    /** …or the graph an ad-hoc read query returns… */
    query: z.string().trim().min(1).max(20_000).optional(),
    /** …or the graph a saved query returns. */
    savedQuery: QueryNameSchema.optional(),
    params: QueryParamsSchema.default({}),
    /** With `ids`: also export the stories mentioning them. */
    includeStories: z.boolean().default(false),
    format: z.enum(EXPORT_FORMAT_IDS),
    /** CSV only: 'nodes', 'edges', or 'all' (nodes section, blank line, edges section). */
    part: z.enum(['nodes', 'edges', 'all']).default('all'),
  })
  .refine((v) => [v.ids, v.query, v.savedQuery].filter((x) => x !== undefined).length === 1, {
    message: 'give exactly one of ids, query or savedQuery',
  })
  .meta({ id: 'ExportRequest' });
export type ExportRequest = z.input<typeof ExportRequestSchema>;

/** POST /api/stories: what was created or merged for each story of the upload. */
export const IngestResponseSchema = z
  .object({
    stories: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        /** Entity ids found in the story. */
        entities: z.array(z.string()),
        facts: z.array(z.object({ type: z.string(), from: z.string(), to: z.string() })),
      }),
    ),
    /** Facts and pieces of evidence written by this upload. */
    facts: z.number(),
    evidence: z.number(),
    /** Stories that could not be extracted (skipped; the rest loaded). */
    problems: z.array(z.object({ file: z.string(), message: z.string() })),
  })
  .meta({ id: 'IngestResponse' });
export type IngestResponse = z.infer<typeof IngestResponseSchema>;
