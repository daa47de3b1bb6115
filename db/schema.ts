/** Applies cypher/schema.cypher: every statement uses IF NOT EXISTS, so this is safe at every start. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './connect.js';

const schemaFile = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../cypher/schema.cypher');

/** Splits a Cypher script into statements, dropping `//` comment lines. */
export function splitCypherScript(script: string): string[] {
  return script
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n')
    .split(';')
    .map((statement) => statement.trim())
    .filter((statement) => statement.length > 0);
}

export async function applySchema(db: Database): Promise<number> {
  const statements = splitCypherScript(readFileSync(schemaFile, 'utf8'));
  for (const statement of statements) {
    await db.driver.executeQuery(statement, {}, { database: db.name });
  }
  await db.driver.executeQuery('CALL db.awaitIndexes(60)', {}, { database: db.name });
  return statements.length;
}
