/**
 * Property declarations: every stored property of a node label or relation type is declared once
 * with its type, so its zod validator (schema/validators.ts), its documentation and its place in
 * the schema derive from it. Plain data: the client bundles it without zod.
 */
/**
 * The value types of stored properties. `integer` and `float` are both JavaScript numbers on the way
 * in; `integer` promises a whole number (validated as such). `date` is a Neo4j Date (written from an
 * ISO `YYYY-MM-DD` string), `datetime` a Neo4j DateTime; `string[]` a list of strings.
 */
export const PROPERTY_TYPES = ['string', 'integer', 'float', 'boolean', 'date', 'datetime', 'string[]'] as const;
export type PropertyType = (typeof PROPERTY_TYPES)[number];

export interface PropertySpec {
  readonly name: string;
  readonly type: PropertyType;
  /** What the value means, for docs/graph-shape.md. */
  readonly doc: string;
  /** True when the property may be absent or null (Neo4j stores no null: absent is the same). */
  readonly optional?: boolean;
  /** A range (b-tree) index on this property of the label. */
  readonly indexed?: boolean;
  /** Part of the full-text search index (labels marked `searchable` only). */
  readonly fullText?: boolean;
  /** How an edge label shows the value: `percent` appends `%`, `compact` writes 245 bn. */
  readonly display?: 'percent' | 'compact';
}
