/**
 * Neo4j values → plain JSON values: integers to numbers (strings beyond 2^53), temporal values to
 * ISO strings, points to {srid, x, y[, z]}, byte arrays to base64, lists and maps recursively.
 * Graph values (nodes, relationships, paths) are handled by the collector in graph.ts.
 */
import { QueryTooComplexError } from '../../db/errors.js';
import neo4j, { isDate, isDateTime, isDuration, isInt, isLocalDateTime, isLocalTime, isPoint, isTime, type Integer } from 'neo4j-driver';

export function isTemporal(value: unknown): boolean {
  return isDate(value as never) || isDateTime(value as never) || isLocalDateTime(value as never) || isTime(value as never) || isLocalTime(value as never) || isDuration(value as never);
}

export function integerToJson(value: Integer): number | string {
  return neo4j.integer.inSafeRange(value) ? neo4j.integer.toNumber(value) : neo4j.integer.toString(value);
}

/** Converts a scalar, list or map; `graphValue` is called for nodes, relationships and paths. */
export function toPlain(value: unknown, graphValue: (v: object) => unknown = () => null): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (isInt(value)) return integerToJson(value as Integer);
  if (isTemporal(value)) return String(value);
  if (isPoint(value as never)) {
    const p = value as { srid: unknown; x: number; y: number; z?: number };
    return { srid: toPlain(p.srid), x: p.x, y: p.y, ...(p.z === undefined ? {} : { z: p.z }) };
  }
  if (value instanceof Uint8Array || value instanceof Int8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64');
  if (Array.isArray(value)) return value.map((v) => toPlain(v, graphValue));
  if (typeof value === 'object') {
    const graph = graphValue(value);
    if (graph !== null && graph !== undefined) return graph;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = toPlain(v, graphValue);
    return out;
  }
  return String(value);
}

/** Lists and maps nested deeper than this in a parameter are refused (see QUERY_BOUNDS.maxParamDepth). */
export const MAX_PARAM_DEPTH = 32;

/**
 * JSON parameter values → Neo4j parameters: whole numbers become Integers (so `LIMIT $n` and
 * integer comparisons behave), everything else passes through, lists and maps recursively.
 * The recursion is bounded: JSON nested thousands deep (which JSON.parse accepts) is a 400 here,
 * not a RangeError from this function or from the driver's packer.
 */
export function toNeo4jParams(value: unknown, depth = 0): unknown {
  if (typeof value === 'number') return Number.isInteger(value) ? neo4j.int(value) : value;
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_PARAM_DEPTH) throw new QueryTooComplexError(`A parameter is nested more than ${MAX_PARAM_DEPTH} levels deep.`, { max: MAX_PARAM_DEPTH });
  if (Array.isArray(value)) return value.map((v) => toNeo4jParams(v, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toNeo4jParams(v, depth + 1)]));
}

/** A whole number as a Neo4j Integer parameter (LIMIT, SKIP, range bounds). */
export const int = (n: number) => neo4j.int(n);
