/**
 * The API's wire contract: zod schemas shared by the server (validation, OpenAPI) and the client
 * (types). Inputs are parsed with these at the HTTP boundary; responses are built to match them.
 */
import { z } from 'zod';

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
  elapsedMs: z.number(),
});
export type QueryResult = z.infer<typeof QueryResultSchema>;

export const ErrorBodySchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown() }),
});
