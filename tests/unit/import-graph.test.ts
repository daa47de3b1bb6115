/**
 * The shape of the import graph: no circle anywhere (what `npm run check:circular` reports), and
 * the layers point one way: db/ imports neither seed/ nor server/ nor nlp/; nlp/ (the CoreNLP
 * component) sits below seed/ and server/ like db/; seed/ never imports server/, and
 * server/ reaches seed/ only through its public entry, seed/index.ts. No route imports another.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import madge from 'madge';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const FOLDERS = ['server', 'seed', 'model', 'client/src', 'db', 'nlp'];

let graph: Awaited<ReturnType<typeof madge>>;
beforeAll(async () => {
  graph = await madge(FOLDERS.map((f) => path.join(ROOT, f)), { baseDir: ROOT, fileExtensions: ['ts'] });
}, 60_000);

const edges = () => Object.entries(graph.obj()).flatMap(([from, tos]) => tos.map((to) => ({ from, to })));
const within = (folder: string) => (file: string) => file.startsWith(`${folder}/`);

describe('the import graph', () => {
  it('has no circle', () => {
    expect(graph.circular()).toEqual([]);
  });

  it('reads the project files (a check over nothing would pass)', () => {
    const files = Object.keys(graph.obj());
    for (const f of ['db/connect.ts', 'nlp/connect.ts', 'seed/pipeline.ts', 'server/app.ts', 'model/api.ts', 'client/src/app.ts']) expect(files).toContain(f);
  });

  it('keeps db/ below seed/ and server/', () => {
    expect(edges().filter((e) => within('db')(e.from) && (within('seed')(e.to) || within('server')(e.to)))).toEqual([]);
  });

  it('keeps nlp/ below seed/ and server/, and db/ below nlp/', () => {
    expect(edges().filter((e) => within('nlp')(e.from) && (within('seed')(e.to) || within('server')(e.to)))).toEqual([]);
    expect(edges().filter((e) => within('db')(e.from) && within('nlp')(e.to))).toEqual([]);
    // a check over nothing would pass: seed/ and server/ do use nlp/
    expect(edges().some((e) => within('seed')(e.from) && within('nlp')(e.to))).toBe(true);
    expect(edges().some((e) => within('server')(e.from) && within('nlp')(e.to))).toBe(true);
  });

  it('never lets seed/ import server/', () => {
    expect(edges().filter((e) => within('seed')(e.from) && within('server')(e.to))).toEqual([]);
  });

  it('lets server/ reach seed/ only through seed/index.ts', () => {
    expect(edges().filter((e) => within('server')(e.from) && within('seed')(e.to) && e.to !== 'seed/index.ts')).toEqual([]);
  });

  it('has no route importing another route', () => {
    expect(edges().filter((e) => within('server/routes')(e.from) && within('server/routes')(e.to))).toEqual([]);
  });
});
