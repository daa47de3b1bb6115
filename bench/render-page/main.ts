/**
 * The render-bench page: builds Cytoscape exactly as the app does (createCy, syncElements and
 * layoutOptions from client/src/graph/*) over a generated newsgraph-like graph, and exposes
 * `window.bench` for bench/render.ts to call. All timings are performance.now() milliseconds.
 */
import type { Core } from 'cytoscape';
import { CANVAS_DEFAULTS, createCy, syncElements } from '../../client/src/graph/canvas.js';
import { LAYOUT_DEFAULTS, layoutOptions } from '../../client/src/graph/layouts.js';
import type { Graph } from '../../model/api.js';
import { renderGraph } from '../render-graph.js';
import { rng } from '../rng.js';

export type RendererName = 'canvas' | 'webgl';

/** Cytoscape's renderer internals the bench reads: how many frames it drew and how long they took. */
interface RendererStats {
  redrawCount?: number;
  redrawTotalTime?: number;
  lastDrawTime?: number;
  webgl?: boolean;
}

const graphs = new Map<number, Graph>();
function graphOf(elements: number): Graph {
  let g = graphs.get(elements);
  if (!g) graphs.set(elements, (g = renderGraph({ elements })));
  return g;
}

let current: { cy: Core; div: HTMLElement } | null = null;
function dispose(): void {
  current?.cy.destroy();
  current?.div.remove();
  current = null;
}

const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
const stats = (cy: Core) => (cy as unknown as { renderer(): RendererStats }).renderer();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Resolves at the end of the first frame Cytoscape draws after `since` draws, with the draw's end time. */
async function drawnAfter(cy: Core, since: number, timeout = 60_000): Promise<number> {
  const start = performance.now();
  for (;;) {
    await nextFrame();
    const r = stats(cy);
    if ((r.redrawCount ?? 0) > since) return r.lastDrawTime ?? performance.now();
    if (performance.now() - start > timeout) throw new Error('Cytoscape did not draw');
  }
}

/**
 * The app's createCy only turns WebGL on when the browser reports a hardware renderer (software
 * WebGL is slower, see canvas.ts). To measure Cytoscape's WebGL renderer under SwiftShader anyway,
 * the bench makes that one query answer a hardware-looking name; nothing else changes.
 */
function forceHardwareWebglName(on: boolean): () => void {
  const proto = WebGL2RenderingContext.prototype;
  const original = proto.getParameter;
  if (!on) return () => undefined;
  const UNMASKED_RENDERER_WEBGL = 0x9246;
  proto.getParameter = function (this: WebGL2RenderingContext, p: number) {
    return p === UNMASKED_RENDERER_WEBGL ? 'bench: treat as hardware' : original.call(this, p);
  } as typeof proto.getParameter;
  return () => {
    proto.getParameter = original;
  };
}

interface Setup {
  elements: number;
  renderer: RendererName;
  /** [x, y] per node in graph order (from an earlier layout); none: all nodes start at 0,0 as in the app. */
  positions?: number[];
}

/** Creates the canvas as App.ensureMode/makeCy would for this many elements, and adds the graph as loadSteps does. */
function build({ elements, renderer, positions }: Setup): { cy: Core; large: boolean; webglOn: boolean } {
  dispose();
  const graph = graphOf(elements);
  const div = document.createElement('div');
  div.className = 'cy';
  document.body.appendChild(div);
  const large = graph.nodes.length + graph.edges.length > CANVAS_DEFAULTS.largeThreshold;
  const restore = forceHardwareWebglName(renderer === 'webgl');
  let cy: Core;
  try {
    cy = createCy(div, large, { ...CANVAS_DEFAULTS, webgl: renderer === 'webgl' });
  } finally {
    restore();
  }
  current = { cy, div };
  syncElements(cy, graph);
  if (positions) {
    cy.batch(() => {
      graph.nodes.forEach((n, i) => cy.getElementById(n.id).position({ x: positions[2 * i]!, y: positions[2 * i + 1]! }));
    });
    cy.fit(undefined, 40);
  }
  return { cy, large, webglOn: !!stats(cy).webgl };
}

function info() {
  const canvas = document.createElement('canvas');
  const gl = canvas.getContext('webgl2');
  let webgl2: string | null = null;
  if (gl) {
    const ext = gl.getExtension('WEBGL_debug_renderer_info');
    webgl2 = String(ext ? gl.getParameter(ext.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
  }
  return {
    userAgent: navigator.userAgent,
    webgl2,
    devicePixelRatio: window.devicePixelRatio,
    viewport: [innerWidth, innerHeight],
    /** Above this many elements the app lays out in draft mode (layouts.ts). */
    layoutLargeThreshold: LAYOUT_DEFAULTS.largeThreshold,
  };
}

/**
 * A fixed pure-JS workload (seeded numbers, a sort, a Map of small objects, string work), so
 * timings from a noisy shared machine can be read as ratios to it.
 */
function reference(): number {
  const t0 = performance.now();
  const rand = rng(7);
  const a = new Float64Array(300_000);
  for (let i = 0; i < a.length; i++) a[i] = rand();
  a.sort();
  const m = new Map<number, { x: number; y: number; s: string }>();
  for (let i = 0; i < 150_000; i++) m.set(i, { x: a[i]!, y: a[i * 2]!, s: `n${i}` });
  let sum = 0;
  for (const v of m.values()) sum += v.x * v.y + v.s.length;
  const t1 = performance.now();
  if (!Number.isFinite(sum)) throw new Error('unreachable');
  return t1 - t0;
}

/** Elements added to a new canvas (positions applied, fitted) until Cytoscape's first frame is drawn. */
async function firstRender(setup: Setup) {
  dispose();
  await sleep(50);
  const t0 = performance.now();
  const { cy, large, webglOn } = build(setup);
  const added = performance.now();
  const drawn = await drawnAfter(cy, 0);
  await nextFrame();
  return { addMs: added - t0, firstFrameMs: drawn - t0, presentedMs: performance.now() - t0, large, webglOn, elements: cy.elements().length };
}

interface LayoutRun {
  elements: number;
  name: 'fcose' | 'concentric';
  /** draft / default: force the app's large / small settings; auto: the app's own choice for this size. */
  mode: 'draft' | 'default' | 'auto';
  seed: number;
  wantPositions?: boolean;
}

/** From layout.run() to layoutstop, and to the first frame drawn after it. */
async function layout({ elements, name, mode, seed, wantPositions }: LayoutRun) {
  const { cy } = build({ elements, renderer: 'canvas' });
  await drawnAfter(cy, 0);
  const eles = cy.elements().not('.filtered');
  const threshold = mode === 'draft' ? -1 : mode === 'default' ? Number.POSITIVE_INFINITY : LAYOUT_DEFAULTS.largeThreshold;
  const options = layoutOptions(name, cy, eles, false, { ...LAYOUT_DEFAULTS, largeThreshold: threshold });
  const quality = (options as { quality?: string }).quality;
  const random = Math.random;
  Math.random = rng(seed); // fcose randomizes initial positions: seeded, so runs compare like for like
  try {
    const before = stats(cy).redrawCount ?? 0;
    const t0 = performance.now();
    const l = eles.layout(options);
    const stopped = new Promise<number>((resolve) => l.one('layoutstop', () => resolve(performance.now())));
    l.run();
    const t1 = await stopped;
    const drawn = await drawnAfter(cy, before);
    const graph = graphOf(elements);
    const positions = wantPositions
      ? graph.nodes.flatMap((n) => {
          const p = cy.getElementById(n.id).position();
          return [Math.round(p.x), Math.round(p.y)];
        })
      : undefined;
    return { layoutMs: t1 - t0, settledMs: Math.max(drawn, t1) - t0, quality: quality ?? null, positions };
  } finally {
    Math.random = random;
  }
}

interface PanZoomRun extends Setup {
  positions: number[];
  /** gesture: synthetic mouse drag and wheel events (Cytoscape's viewport-gesture fast path applies); programmatic: cy.viewport() each frame. */
  mode: 'gesture' | 'programmatic';
  seconds: number;
}

/** A requestAnimationFrame loop that pans then zooms for `seconds`, recording each frame's duration. */
async function panZoom(run: PanZoomRun) {
  const { cy, webglOn } = build(run);
  await drawnAfter(cy, 0);
  await sleep(1000); // let the renderer finish caches (WebGL texture atlases) before measuring
  const zoom0 = cy.zoom();
  const pan0 = { ...cy.pan() };
  const rect = cy.container()!.getBoundingClientRect();
  const target = cy.container()!.querySelector('canvas') ?? cy.container()!;
  // The corner lies in the fit padding, so a drag from it pans instead of moving a node.
  const start = { x: rect.left + 6, y: rect.top + 6 };
  const mouse = (type: string, x: number, y: number, buttons: number) =>
    (type === 'mousedown' ? target : window).dispatchEvent(new MouseEvent(type, { bubbles: true, cancelable: true, clientX: x, clientY: y, button: 0, buttons, view: window }));
  const wheel = (deltaY: number) =>
    target.dispatchEvent(new WheelEvent('wheel', { bubbles: true, cancelable: true, clientX: rect.left + rect.width / 2, clientY: rect.top + rect.height / 2, deltaY, deltaMode: 0 }));

  const r0 = stats(cy);
  const count0 = r0.redrawCount ?? 0;
  const total0 = r0.redrawTotalTime ?? 0;
  const stamps: number[] = [];
  const duration = run.seconds * 1000;
  const half = duration / 2;
  let dragging = false;
  await new Promise<void>((resolve) => {
    let t0 = -1;
    const step = (ts: number) => {
      if (t0 < 0) t0 = ts;
      stamps.push(ts);
      const t = ts - t0;
      if (t >= duration) {
        if (dragging) mouse('mouseup', start.x, start.y, 0);
        resolve();
        return;
      }
      const phase = (t / half) * Math.PI * 2;
      if (run.mode === 'programmatic') {
        if (t < half) cy.pan({ x: pan0.x + 300 * Math.sin(phase), y: pan0.y + 200 * (1 - Math.cos(phase)) });
        else cy.zoom({ level: zoom0 * (1 + 1.5 * Math.sin(phase / 2)), renderedPosition: { x: rect.width / 2, y: rect.height / 2 } });
      } else if (t < half) {
        const x = start.x + 300 * Math.sin(phase) + 300;
        const y = start.y + 200 * (1 - Math.cos(phase));
        if (!dragging) {
          mouse('mousedown', start.x, start.y, 1);
          dragging = true;
        }
        mouse('mousemove', x, y, 1);
      } else {
        if (dragging) {
          mouse('mouseup', start.x, start.y, 0);
          dragging = false;
        }
        wheel(t - half < half / 2 ? -40 : 40);
      }
      requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  });
  const r1 = stats(cy);
  const draws = (r1.redrawCount ?? 0) - count0;
  const frames = stamps.slice(1).map((s, i) => s - stamps[i]!);
  const elapsed = stamps[stamps.length - 1]! - stamps[0]!;
  return {
    frames,
    fps: (frames.length / elapsed) * 1000,
    draws,
    drawMsPerDraw: draws ? ((r1.redrawTotalTime ?? 0) - total0) / draws : 0,
    zoomRange: [zoom0, cy.zoom()],
    webglOn,
  };
}

const bench = { info, reference, firstRender, layout, panZoom, dispose };
export type Bench = typeof bench;
(window as unknown as { bench: Bench }).bench = bench;
