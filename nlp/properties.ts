/**
 * nlp/corenlp.properties, the one definition of what we ask of CoreNLP: the bundled server preloads it
 * and the client sends it with every request. Its hash is part of every cache key, so changing an
 * annotator setting never serves annotations made under the old one.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const NLP_DIR = path.dirname(fileURLToPath(import.meta.url));
export const PROPERTIES_FILE = path.join(NLP_DIR, 'corenlp.properties');

/** `key = value` lines; `#` comments and blank lines skipped. */
export function parseProperties(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq < 0) throw new Error(`corenlp.properties: "${line}" is not a key = value line`);
    out[line.slice(0, eq).trim()] = line.slice(eq + 1).trim();
  }
  return out;
}

let cached: { properties: Record<string, string>; hash: string } | undefined;

export function corenlpProperties(): { properties: Record<string, string>; hash: string } {
  if (cached) return cached;
  const text = readFileSync(PROPERTIES_FILE, 'utf8');
  cached = { properties: parseProperties(text), hash: createHash('sha256').update(text).digest('hex').slice(0, 16) };
  return cached;
}
