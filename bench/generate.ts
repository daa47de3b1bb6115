/** `npm run bench:corpus -- --stories 10000 [--seed 42] [--out .data/bench/10k]`: writes a synthetic corpus. */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateCorpus } from './corpus.js';

export function writeCorpus(stories: number, out: string, seed = 42): { files: number; bytes: number } {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  let files = 0;
  let bytes = 0;
  for (const [name, text] of generateCorpus(stories, seed)) {
    writeFileSync(path.join(out, name), text);
    files++;
    bytes += Buffer.byteLength(text);
  }
  return { files, bytes };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { stories: { type: 'string', default: '1000' }, seed: { type: 'string', default: '42' }, out: { type: 'string' } } });
  const stories = Number(values.stories);
  const out = values.out ?? path.join('.data', 'bench', `${stories}`);
  const result = writeCorpus(stories, out, Number(values.seed));
  console.log(`Wrote ${stories} stories in ${result.files} pages (${(result.bytes / 1e6).toFixed(1)} MB) to ${out}`);
}
