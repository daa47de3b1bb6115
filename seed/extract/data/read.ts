/**
 * Reading the extractor's data files (seed/catalog/*.json) through zod: a file that does not fit its
 * schema fails the load with the file's name, the entry (index and name when it has one) and the field.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import type { z } from 'zod';

export const CATALOG_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'catalog');

/** The parsed JSON of a catalogue file (no validation yet). */
export function readCatalogJson(fileName: string, dir = CATALOG_DIR): unknown {
  const path = join(dir, fileName);
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new Error(`${fileName}: not readable JSON (${(err as Error).message})`);
  }
}

/** "entry 3 (\"Reuters\")" for a path into a list of named entries, else the dotted path. */
function where(raw: unknown, path: readonly PropertyKey[]): string {
  let node: unknown = raw;
  const parts: string[] = [];
  for (const key of path) {
    const child = node !== null && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined;
    const name = child !== null && typeof child === 'object' ? ((child as { name?: unknown; type?: unknown }).name ?? (child as { type?: unknown }).type) : undefined;
    parts.push(typeof key === 'number' ? `entry ${key}${typeof name === 'string' ? ` ("${name}")` : ''}` : String(key));
    node = child;
  }
  return parts.length ? parts.join(' › ') : '(top level)';
}

/** Parse `raw` with `schema`; on failure throw one message naming the file and every bad entry. */
export function parseData<S extends z.ZodType>(schema: S, raw: unknown, fileName: string): z.output<S> {
  const r = schema.safeParse(raw);
  if (r.success) return r.data;
  const lines = r.error.issues.slice(0, 10).map((i) => `  ${where(raw, i.path)}: ${i.message}`);
  throw new Error(`${fileName}: invalid data\n${lines.join('\n')}`);
}

/** Read and parse one catalogue file. */
export function loadCatalogFile<S extends z.ZodType>(fileName: string, schema: S, dir = CATALOG_DIR): z.output<S> {
  return parseData(schema, readCatalogJson(fileName, dir), fileName);
}
