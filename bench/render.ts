/**
 * Rendering benchmark in headless chromium, with Cytoscape set up by the app's own code
 * (client/src/graph/canvas.ts createCy + syncElements, layouts.ts layoutOptions) over seeded
 * newsgraph-like graphs (bench/render-graph.ts) of 1k, 5k and 10k elements:
 *   - time to first render (elements added + first frame drawn), canvas and WebGL renderers;
 *   - time to a settled layout: fcose draft, fcose default (1k only), concentric, the app's choice;
 *   - frame times while panning and zooming for a few seconds (median, p95, fps), driven by
 *     synthetic mouse/wheel gestures and by cy.viewport() calls;
 * each cell the median of several runs, beside a fixed pure-JS workload timed in the same page
 * before every run (the "ref" column), so runs on a noisy machine compare as ratios.
 * Browser configurations: the browser tests' flags (--disable-gpu), and the same plus
 * --use-angle=swiftshader --enable-unsafe-swiftshader (SwiftShader WebGL asked for explicitly).
 *
 *   npm run bench:render -- [--runs 3] [--sizes 1000,5000,10000] [--seconds 3] [--configs disable-gpu,swiftshader]
 */
import { createReadStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import type { Bench, RendererName } from './render-page/main.js';
import { degreeSummary, renderGraph } from './render-graph.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** The flags tests/e2e/harness.ts launches chromium with. */
const BASE_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const CONFIGS: Record<string, string[]> = {
  'disable-gpu': BASE_FLAGS,
  swiftshader: [...BASE_FLAGS, '--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
};
const TARGET_LAYOUT_MS = 5000;
const TARGET_FPS = 30;

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    sizes: { type: 'string', default: '1000,5000,10000' },
    seconds: { type: 'string', default: '3' },
    configs: { type: 'string', default: Object.keys(CONFIGS).join(',') },
  },
});
const RUNS = Number(args.runs);
const SIZES = args.sizes.split(',').map(Number);
const SECONDS = Number(args.seconds);
const configNames = args.configs.split(',');
for (const c of configNames) if (!CONFIGS[c]) throw new Error(`--configs: unknown configuration "${c}" (known: ${Object.keys(CONFIGS).join(', ')})`);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
};
const ms = (x: number) => (Number.isFinite(x) ? (x >= 100 ? x.toFixed(0) : x.toFixed(1)) : '–');
const log = (s: string) => process.stderr.write(`${s}\n`);

async function buildPage(): Promise<string> {
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'newsgraph-render-bench-'));
  await build({
    configFile: false,
    root: path.join(here, 'render-page'),
    base: './',
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 5000, minify: true },
  });
  return outDir;
}

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json' };
async function serve(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/+/, '') || 'index.html';
    const file = path.resolve(dir, rel);
    if (!file.startsWith(dir + path.sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Calls window.bench[fn](arg) in the page. */
async function call<K extends keyof Bench>(page: Page, fn: K, arg?: Parameters<Bench[K]>[0]): Promise<Awaited<ReturnType<Bench[K]>>> {
  return page.evaluate(
    ([f, a]) => (window as unknown as { bench: Record<string, (x: unknown) => unknown> }).bench[f as string]!(a),
    [fn, arg] as const,
  ) as Promise<Awaited<ReturnType<Bench[K]>>>;
}

/** Runs `fn` RUNS times, timing the reference workload before each run. */
async function cell<T>(page: Page, label: string, fn: (run: number) => Promise<T>): Promise<{ results: T[]; ref: number }> {
  const results: T[] = [];
  const refs: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    refs.push(await call(page, 'reference'));
    results.push(await fn(run));
  }
  await call(page, 'dispose');
  log(`  ${label}: done (ref ${ms(median(refs))} ms)`);
  return { results, ref: median(refs) };
}

interface SizeResult {
  elements: number;
  nodes: number;
  edges: number;
  firstRender: Partial<Record<RendererName, { firstFrame: number; add: number; webglOn: boolean; ref: number }>>;
  layouts: Record<string, { settled: number; layout: number; quality: string | null; ref: number } | undefined>;
  /** The layout cell the app picks for this size. */
  auto?: string;
  pan: { renderer: RendererName; mode: 'gesture' | 'programmatic'; medianFrame: number; p95Frame: number; fps: number; drawMs: number; draws: number; webglOn: boolean; ref: number }[];
}

async function runConfig(name: string, url: string, withLayouts: boolean): Promise<{ info: Awaited<ReturnType<Bench['info']>>; sizes: SizeResult[] }> {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'newsgraph-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CONFIGS[name],
    viewport: { width: 1280, height: 800 },
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(url);
    await page.waitForFunction(() => 'bench' in window);
    const info = await call(page, 'info');
    log(`[${name}] ${info.userAgent}\n  webgl2: ${info.webgl2 ?? 'unavailable'}`);
    if (withLayouts) await call(page, 'layout', { elements: SIZES[0]!, name: 'fcose', mode: 'draft', seed: 1 }); // warm-up, not reported
    const sizes: SizeResult[] = [];
    for (const elements of SIZES) {
      const g = renderGraph({ elements });
      const res: SizeResult = { elements, nodes: g.nodes.length, edges: g.edges.length, firstRender: {}, layouts: {}, pan: [] };
      log(`[${name}] ${elements} elements`);
      // The app's own choice for this size is one of these cells; its first run gives the positions for the render and pan cells.
      const auto = elements > info.layoutLargeThreshold ? 'fcose draft' : 'fcose default';
      let positions: number[] | undefined;
      const layoutCells: [string, 'fcose' | 'concentric', 'draft' | 'default' | 'auto'][] = [
        ['fcose draft', 'fcose', 'draft'],
        ...(elements <= 1000 ? [['fcose default', 'fcose', 'default'] as ['fcose default', 'fcose', 'default']] : []),
        ['concentric', 'concentric', 'auto'],
      ];
      for (const [label, layout, mode] of layoutCells) {
        if (!withLayouts && label !== auto) continue;
        const runs = withLayouts ? RUNS : 1;
        const results: Awaited<ReturnType<Bench['layout']>>[] = [];
        const refs: number[] = [];
        for (let run = 0; run < runs; run++) {
          refs.push(await call(page, 'reference'));
          const r = await call(page, 'layout', { elements, name: layout, mode, seed: 1000 + run, wantPositions: label === auto && run === 0 });
          if (r.positions) positions = r.positions;
          results.push(r);
        }
        await call(page, 'dispose');
        log(`  layout ${label}: ${results.map((r) => ms(r.settledMs)).join(', ')} ms`);
        if (withLayouts)
          res.layouts[label] = {
            settled: median(results.map((r) => r.settledMs)),
            layout: median(results.map((r) => r.layoutMs)),
            quality: results[0]!.quality,
            ref: median(refs),
          };
      }
      res.auto = auto;
      const renderers: RendererName[] = elements > 1500 ? ['canvas', 'webgl'] : ['canvas'];
      for (const renderer of renderers) {
        const { results, ref } = await cell(page, `first render ${renderer}`, () => call(page, 'firstRender', { elements, renderer, positions }));
        res.firstRender[renderer] = { firstFrame: median(results.map((r) => r.firstFrameMs)), add: median(results.map((r) => r.addMs)), webglOn: results[0]!.webglOn, ref };
      }
      for (const renderer of renderers)
        for (const mode of ['gesture', 'programmatic'] as const) {
          const { results, ref } = await cell(page, `pan/zoom ${renderer} ${mode}`, () => call(page, 'panZoom', { elements, renderer, positions: positions!, mode, seconds: SECONDS }));
          res.pan.push({
            renderer,
            mode,
            medianFrame: median(results.map((r) => median(r.frames))),
            p95Frame: median(results.map((r) => quantile(r.frames, 0.95))),
            fps: median(results.map((r) => r.fps)),
            drawMs: median(results.map((r) => r.drawMsPerDraw)),
            draws: median(results.map((r) => r.draws)),
            webglOn: results[0]!.webglOn,
            ref,
          });
        }
      sizes.push(res);
    }
    if (errors.length) log(`[${name}] page errors:\n  ${errors.join('\n  ')}`);
    return { info, sizes };
  } finally {
    await context.close().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true });
  }
}

function report(name: string, info: Awaited<ReturnType<Bench['info']>>, sizes: SizeResult[]): string {
  const out: string[] = [];
  out.push(`### Browser: ${name} (\`${CONFIGS[name]!.join(' ')}\`)`, '');
  out.push(`WebGL 2: ${info.webgl2 ?? 'unavailable'}; viewport ${info.viewport.join('×')}, devicePixelRatio ${info.devicePixelRatio}.`, '');
  out.push('**Time to first render** (ms, median of runs: create the canvas + add the elements at laid-out positions + first frame drawn)', '');
  out.push('| elements (nodes/edges) | canvas: add | canvas: first frame | WebGL: add | WebGL: first frame | ref (ms) | canvas first frame / ref |');
  out.push('|---|---|---|---|---|---|---|');
  for (const s of sizes) {
    const c = s.firstRender.canvas;
    const w = s.firstRender.webgl;
    const wcell = (x: number | undefined) => (w ? (w.webglOn ? ms(x!) : `${ms(x!)} (WebGL off)`) : 'n/a ¹');
    out.push(`| ${s.elements} (${s.nodes}/${s.edges}) | ${ms(c?.add ?? NaN)} | ${ms(c?.firstFrame ?? NaN)} | ${wcell(w?.add)} | ${wcell(w?.firstFrame)} | ${ms(c?.ref ?? NaN)} | ${c ? (c.firstFrame / c.ref).toFixed(2) : '–'} |`);
  }
  out.push('', '¹ the app only uses WebGL above CANVAS_DEFAULTS.largeThreshold (1500 elements).', '');
  if (sizes.some((s) => Object.keys(s.layouts).length)) {
    out.push('**Time to a settled layout** (ms from layout.run() to the first frame drawn after layoutstop, median of runs; canvas renderer)', '');
    out.push('| elements | fcose draft | fcose default | concentric | app’s choice | ref (ms) | fcose draft / ref | 5k target < 5000 ms |');
    out.push('|---|---|---|---|---|---|---|---|');
    for (const s of sizes) {
      const L = s.layouts;
      const auto = s.auto ? L[s.auto] : undefined;
      const autoName = auto ? `${s.auto} (${ms(auto.settled)})` : '–';
      const def = L['fcose default'] ? ms(L['fcose default'].settled) : 'skipped ²';
      const target = s.elements === 5000 && auto ? (auto.settled < TARGET_LAYOUT_MS ? `holds (${(auto.settled / 1000).toFixed(1)} s)` : `misses by ${((auto.settled - TARGET_LAYOUT_MS) / 1000).toFixed(1)} s`) : '';
      out.push(`| ${s.elements} | ${ms(L['fcose draft']?.settled ?? NaN)} | ${def} | ${ms(L.concentric?.settled ?? NaN)} | ${autoName} | ${ms(L['fcose draft']?.ref ?? NaN)} | ${L['fcose draft'] ? (L['fcose draft'].settled / L['fcose draft'].ref).toFixed(1) : '–'} | ${target} |`);
    }
    out.push('', '² fcose at default quality only for 1k elements (about 30 s for 2k nodes on this machine class).', '');
  }
  out.push(`**Panning and zooming** (${SECONDS} s rAF loop: half drag-pan, half wheel-zoom; medians of runs)`, '');
  out.push('gesture = synthetic mousedown/mousemove/wheel events, so the app’s large-graph options (textureOnViewport, hideEdgesOnViewport) apply as for a user; programmatic = cy.pan()/cy.zoom() each frame, a full redraw every frame.', '');
  out.push('| elements | renderer | driven by | median frame (ms) | p95 frame (ms) | fps | Cytoscape draw (ms/frame) | draws | ref (ms) | ≥ 30 fps |');
  out.push('|---|---|---|---|---|---|---|---|---|---|');
  for (const s of sizes)
    for (const p of s.pan)
      out.push(`| ${s.elements} | ${p.renderer}${p.renderer === 'webgl' && !p.webglOn ? ' (off!)' : ''} | ${p.mode} | ${ms(p.medianFrame)} | ${ms(p.p95Frame)} | ${p.fps.toFixed(1)} | ${ms(p.drawMs)} | ${p.draws} | ${ms(p.ref)} | ${p.fps >= TARGET_FPS ? 'holds' : `misses (${(TARGET_FPS - p.fps).toFixed(1)} fps short)`} |`);
  out.push('');
  return out.join('\n');
}

async function main(): Promise<void> {
  for (const elements of SIZES) {
    const g = renderGraph({ elements });
    const d = degreeSummary(g);
    log(`graph ${elements}: ${g.nodes.length} nodes, ${g.edges.length} edges; degree median ${d.median}, p99 ${d.p99}, max ${d.max} (${d.top.join(', ')})`);
  }
  log('building the bench page…');
  const dir = await buildPage();
  const server = await serve(dir);
  const sections: string[] = [];
  try {
    for (const [i, name] of configNames.entries()) {
      const { info, sizes } = await runConfig(name, server.url, i === 0);
      sections.push(report(name, info, sizes));
    }
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const load = os.loadavg().map((x) => x.toFixed(2)).join(', ');
  console.log(`## Render benchmark (${new Date().toISOString()}, ${os.cpus().length} CPUs, load average ${load}, ${RUNS} runs per cell)\n`);
  console.log('Layouts run only in the first browser configuration (they do not depend on the renderer).\n');
  console.log(sections.join('\n'));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
