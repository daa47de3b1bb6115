/**
 * The bundled Neo4j's password: generated (crypto random) on first start and kept next to the store
 * as `neo4j-password`, readable by the owner only. NEO4J_PASSWORD, when set, is used instead.
 * The same file lets a second process (`npm run seed`, another `npm start`) reach a running bundled
 * Neo4j without anyone typing a password.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const PASSWORD_FILE = 'neo4j-password';

export function passwordFile(dataDir: string): string {
  return path.join(dataDir, PASSWORD_FILE);
}

/** The stored password, or undefined when the store has none yet. */
export function readBundledPassword(dataDir: string): string | undefined {
  try {
    const text = readFileSync(passwordFile(dataDir), 'utf8').split('\n')[0]!.trim();
    return text === '' ? undefined : text;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** The stored password, created first if missing (mode 0600). */
export function readOrCreateBundledPassword(dataDir: string): string {
  const existing = readBundledPassword(dataDir);
  if (existing) {
    // Tighten a file someone loosened: the password must stay the owner's only.
    chmodSync(passwordFile(dataDir), 0o600);
    return existing;
  }
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  // base64url: no characters that need quoting in a shell or a URL, 192 bits of randomness.
  const password = randomBytes(24).toString('base64url');
  try {
    // 'wx': of two processes starting at once, exactly one writes the file; the other reads it.
    writeFileSync(passwordFile(dataDir), `${password}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readOrCreateBundledPassword(dataDir);
    throw error;
  }
  return password;
}
