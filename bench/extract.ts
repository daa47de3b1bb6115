/**
 * npm run bench:extract — quality and speed of seed/extract on the sample pages.
 *
 * Quality: precision / recall / F1 per entity type and per relation type against the hand annotation in
 * tests/fixtures/gold.json (the 31 stories of seed/data), and against tests/fixtures/gold-heldout.json
 * (made-up stories with names outside the catalogue). Entities match by normalised name or alias;
 * relations by type + endpoints (either order for symmetric types).
 * Speed: MB/s of extractStory over the corpus bodies, median of several timed runs on one core.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Extraction, Story } from '../model/types.js';
import { relationSpec } from '../model/graph-model.js';
import { extractStory } from '../seed/extract/index.js';
import { normName } from '../seed/extract/text.js';
import { listCorpusFiles, readCorpus } from '../seed/parse/index.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

export interface GoldRelation {
  type: string;
  from: string;
  to: string;
  props?: Record<string, string | number>;
}
export interface GoldStory {
  entities: Record<string, string[]>;
  relations: GoldRelation[];
}
export interface HeldOutStory extends GoldStory {
  title: string;
  body: string;
  outlet?: string | null;
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}
const zero = (): Counts => ({ tp: 0, fp: 0, fn: 0 });

function prf(c: Counts): { p: number; r: number; f: number } {
  const p = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 1;
  const r = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 1;
  const f = p + r ? (2 * p * r) / (p + r) : 0;
  return { p, r, f };
}

const alts = (g: string): string[] => g.split('|').map(normName);

export interface Score {
  entities: Map<string, Counts>;
  relations: Map<string, Counts>;
  propsOk: number;
  propsChecked: number;
  misses: string[];
}

/** Score one story's extraction against its gold annotation. */
export function scoreStory(x: Extraction, gold: GoldStory, score: Score, label: string): void {
  const names = new Map<string, Set<string>>();
  for (const e of x.entities) names.set(e.id, new Set([e.name, ...e.aliases].map(normName)));
  // entities
  const allGoldAlts: string[][] = [];
  for (const [type, list] of Object.entries(gold.entities)) {
    const c = score.entities.get(type) ?? zero();
    score.entities.set(type, c);
    const preds = x.entities.filter((e) => e.label === type && e.id !== 'place:world');
    const used = new Set<string>();
    for (const g of list) {
      const a = alts(g);
      allGoldAlts.push(a);
      const hit = preds.find((e) => !used.has(e.id) && a.some((n) => names.get(e.id)!.has(n)));
      if (hit) {
        c.tp++;
        used.add(hit.id);
      } else {
        c.fn++;
        score.misses.push(`${label}: missed ${type} ${g}`);
      }
    }
    for (const e of preds) {
      if (!used.has(e.id)) {
        // a second predicted entity that is another alias of a matched gold entity is not a new false positive
        c.fp++;
        score.misses.push(`${label}: extra ${type} ${e.name}`);
      }
    }
  }
  // relations
  const goldAltsOf = (name: string): string[] => allGoldAlts.find((a) => a.includes(normName(name))) ?? [normName(name)];
  const match = (id: string, name: string): boolean => {
    const n = names.get(id) ?? new Set([normName(id.split(':')[1] ?? id)]);
    return goldAltsOf(name).some((a) => n.has(a));
  };
  const predKeys = new Map<string, Extraction['facts'][number]>();
  for (const f of x.facts) {
    const k = `${f.type}|${f.from}|${f.to}`;
    if (!predKeys.has(k)) predKeys.set(k, f);
  }
  const matched = new Set<string>();
  for (const g of gold.relations) {
    const c = score.relations.get(g.type) ?? zero();
    score.relations.set(g.type, c);
    const sym = relationSpec(g.type)?.symmetric ?? false;
    let hit: string | null = null;
    for (const [k, f] of predKeys) {
      if (matched.has(k) || f.type !== g.type) continue;
      if ((match(f.from, g.from) && match(f.to, g.to)) || (sym && match(f.from, g.to) && match(f.to, g.from))) {
        hit = k;
        break;
      }
    }
    if (hit) {
      c.tp++;
      matched.add(hit);
      if (g.props) {
        // props may sit on any fact of that key: take the best one
        const facts = x.facts.filter((f) => `${f.type}|${f.from}|${f.to}` === hit);
        for (const [pk, pv] of Object.entries(g.props)) {
          if (pk === 'role') continue; // role wording varies; reported by the endpoints
          score.propsChecked++;
          if (facts.some((f) => (typeof pv === 'number' ? Number(f.props[pk]) === pv : normName(String(f.props[pk] ?? '')) === normName(String(pv))))) score.propsOk++;
          else score.misses.push(`${label}: wrong ${g.type}.${pk} ${g.from}->${g.to} (want ${pv})`);
        }
      }
    } else {
      c.fn++;
      score.misses.push(`${label}: missed ${g.type} ${g.from} -> ${g.to}`);
    }
  }
  for (const [k, f] of predKeys) {
    if (matched.has(k)) continue;
    const c = score.relations.get(f.type) ?? zero();
    score.relations.set(f.type, c);
    c.fp++;
    score.misses.push(`${label}: extra ${f.type} ${f.from} -> ${f.to}`);
  }
}

export function newScore(): Score {
  return { entities: new Map(), relations: new Map(), propsOk: 0, propsChecked: 0, misses: [] };
}

function table(title: string, m: Map<string, Counts>): Counts {
  const total = zero();
  console.log(`\n${title}`);
  console.log('  type             P      R      F1    (tp/fp/fn)');
  for (const [k, c] of [...m.entries()].sort()) {
    const { p, r, f } = prf(c);
    total.tp += c.tp;
    total.fp += c.fp;
    total.fn += c.fn;
    console.log(`  ${k.padEnd(15)} ${p.toFixed(3)}  ${r.toFixed(3)}  ${f.toFixed(3)}  (${c.tp}/${c.fp}/${c.fn})`);
  }
  const { p, r, f } = prf(total);
  console.log(`  ${'micro'.padEnd(15)} ${p.toFixed(3)}  ${r.toFixed(3)}  ${f.toFixed(3)}  (${total.tp}/${total.fp}/${total.fn})`);
  return total;
}

function report(name: string, s: Score, verbose: boolean): void {
  console.log(`\n=== ${name} ===`);
  table('Entities', s.entities);
  table('Relations', s.relations);
  console.log(`  props agreeing on matched relations: ${s.propsOk}/${s.propsChecked}`);
  if (verbose) for (const m of s.misses) console.log('   ·', m);
}

async function main(): Promise<void> {
  const verbose = process.argv.includes('-v') || process.argv.includes('--verbose');
  const files = await listCorpusFiles(join(ROOT, 'seed', 'data'));
  const { stories } = await readCorpus(files);
  const gold = (JSON.parse(readFileSync(join(ROOT, 'tests', 'fixtures', 'gold.json'), 'utf8')) as { stories: Record<string, GoldStory> }).stories;

  const sample = newScore();
  let unmatched = 0;
  for (const s of stories) {
    const g = gold[s.title];
    if (!g) {
      unmatched++;
      continue;
    }
    scoreStory(extractStory(s), g, sample, s.title.slice(0, 40));
  }
  report(`sample (${stories.length} stories, ${stories.length - unmatched} annotated)`, sample, verbose);

  const heldPath = join(ROOT, 'tests', 'fixtures', 'gold-heldout.json');
  try {
    const held = (JSON.parse(readFileSync(heldPath, 'utf8')) as { stories: HeldOutStory[] }).stories;
    const hs = newScore();
    held.forEach((h, i) => {
      const story: Story = { id: `story:heldout${i}`, title: h.title, body: h.body, outlet: h.outlet ?? null, published: null, url: null, pages: [], layout: 'json' };
      scoreStory(extractStory(story), h, hs, h.title.slice(0, 40));
    });
    report(`held-out (${held.length} stories)`, hs, verbose);
  } catch (e) {
    console.log(`\n(no held-out set: ${(e as Error).message})`);
  }

  // speed
  const bytes = stories.reduce((n, s) => n + Buffer.byteLength(s.body, 'utf8'), 0);
  for (const s of stories) extractStory(s); // warm-up (catalogue build, JIT)
  const reps = Math.max(1, Math.ceil((8 * 1024 * 1024) / bytes));
  const rates: number[] = [];
  for (let run = 0; run < 5; run++) {
    const t0 = performance.now();
    for (let r = 0; r < reps; r++) for (const s of stories) extractStory(s);
    const sec = (performance.now() - t0) / 1000;
    rates.push((bytes * reps) / sec / 1e6);
  }
  rates.sort((a, b) => a - b);
  console.log(`\nSpeed: ${(bytes / 1e3).toFixed(1)} kB × ${reps} per run, 5 runs: median ${rates[2]!.toFixed(2)} MB/s (min ${rates[0]!.toFixed(2)}, max ${rates[4]!.toFixed(2)})`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
