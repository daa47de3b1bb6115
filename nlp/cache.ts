/**
 * Annotations cached on disk by content hash: re-seeding an unchanged story makes no NLP call. The key
 * is the hash of the text and of corenlp.properties; files are written atomically (temp file + rename)
 * and read back through zod, so a half-written or foreign file is a miss, never a wrong annotation.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AnnotationSchema, type Annotation } from './annotation.js';

export class AnnotationCache {
  constructor(
    private readonly dir: string,
    private readonly propertiesHash: string,
  ) {}

  key(text: string): string {
    return createHash('sha256').update(this.propertiesHash).update('\0').update(text).digest('hex');
  }

  private file(key: string): string {
    return path.join(this.dir, key.slice(0, 2), `${key}.json`);
  }

  get(text: string): Annotation | undefined {
    let raw: string;
    try {
      raw = readFileSync(this.file(this.key(text)), 'utf8');
    } catch {
      return undefined;
    }
    try {
      return AnnotationSchema.parse(JSON.parse(raw));
    } catch {
      return undefined;
    }
  }

  set(text: string, annotation: Annotation): void {
    const file = this.file(this.key(text));
    try {
      mkdirSync(path.dirname(file), { recursive: true });
      const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
      writeFileSync(temp, JSON.stringify(annotation));
      renameSync(temp, file);
    } catch {
      // a cache that cannot be written (read-only folder, disk full) only costs a later NLP call
    }
  }
}
