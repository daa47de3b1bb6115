/**
 * The explorer in a real browser against the real API and a seeded Neo4j: search and expand,
 * evidence behind an edge, saved queries, filters, export, shareable URLs, and story text that
 * cannot inject markup.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCorpus } from '../../seed/pipeline.js';
import { idle, startHarness, watchErrors, type Harness } from './harness.js';

type Hook = {
  cy: import('cytoscape').Core;
  state: () => import('../../client/src/state.js').State;
  idle: boolean;
};
declare global {
  interface Window {
    __newsgraph: Hook;
    __xss?: number;
  }
}

const XSS_STORY = 'story:00000000deadbeef';

let h: Harness;

beforeAll(async () => {
  h = await startHarness(async (db) => {
    await seedCorpus(db, { reset: true });
    const session = db.driver.session({ database: db.name });
    try {
      // A hostile story, stored the way docs/graph-shape.md describes stories.
      await session.run(
        `MERGE (s:Story {id: $id})
         SET s.title = 'Hostile <script>window.__xss = 1</script> title', s.name = s.title,
             s.body = $body, s.outlet = 'Reuters', s.published = date('2024-05-01'),
             s.url = 'javascript:window.__xss = 4', s.pages = ['test'], s.layout = 'test'
         WITH s MATCH (c:Country {id: 'country:CHN'})
         MERGE (s)-[m:MENTIONS]->(c) SET m.count = 1, m.first = 'China is named here.'`,
        {
          id: XSS_STORY,
          body: 'China is named here. <img src=x onerror="window.__xss = 2"> and <script>window.__xss = 3</script> stay text.\n\n<b>bold?</b>',
        },
      );
    } finally {
      await session.close();
    }
  });
  // Full-text indexes may trail the write that seeded them by a moment.
  for (let i = 0; i < 50; i++) {
    const res = await fetch(`${h.base}/api/search?q=COSCO`);
    if (res.ok && ((await res.json()) as { hits: unknown[] }).hits.length) break;
    await new Promise((r) => setTimeout(r, 200));
  }
}, 300_000);

afterAll(async () => {
  await h?.close();
});

async function open(hash = ''): Promise<{ page: Page; errors: string[] }> {
  const page = await h.context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${h.base}/${hash}`);
  await until(page, () => !!window.__newsgraph);
  await idle(page);
  return { page, errors };
}

const visibleIds = (page: Page) =>
  page.evaluate(() =>
    window.__newsgraph.cy
      .elements()
      .not('.filtered')
      .map((e) => e.id())
      .sort(),
  );

/** Waits (polling on a timer, not on animation frames) until fn returns something truthy in the page. */
async function until<A>(page: Page, fn: (arg: A) => unknown, arg?: A, timeout = 30_000): Promise<void> {
  await page.waitForFunction(fn as (arg: unknown) => unknown, arg, { polling: 50, timeout });
}

/** Waits until the element's text contains (or, for a RegExp, matches) what is expected. */
async function textOf(loc: Locator, expected: string | RegExp, timeout = 10_000): Promise<string> {
  const deadline = Date.now() + timeout;
  let text = '';
  while (Date.now() < deadline) {
    text = (await loc.count()) ? ((await loc.first().textContent()) ?? '') : '';
    if (typeof expected === 'string' ? text.includes(expected) : expected.test(text)) return text;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Expected ${String(expected)} in ${loc}, found: ${text.slice(0, 300)}`);
}

async function tapEdgeOfType(page: Page, type: string): Promise<string> {
  const id = await page.evaluate((t) => {
    const edge = window.__newsgraph.cy.edges(`[type = "${t}"]`).not('.filtered').first();
    edge.emit('tap');
    return edge.id();
  }, type);
  expect(id, `an ${type} edge in the view`).toBeTruthy();
  return id;
}

async function runStartingPoint(page: Page, query: string): Promise<void> {
  await page.click(`.start-point[data-query="${query}"]`);
  await until(page, (q) => window.__newsgraph.state().steps[0]?.kind === 'query' && JSON.stringify(window.__newsgraph.state().steps).includes(q), query);
  await idle(page);
}

describe('explorer', () => {
  it('searches COSCO, expands it with a double-click and shows the quote behind its OWNS_STAKE edge', async () => {
    const { page, errors } = await open();
    await textOf(page.locator('.canvas-empty'), 'Where to begin');
    await page.keyboard.press('/');
    await page.keyboard.type('COSCO');
    const suggestion = page.locator('#suggestions li[data-id]').first();
    await suggestion.waitFor();
    const id = await suggestion.getAttribute('data-id');
    expect(id).toMatch(/^company:/);
    await suggestion.click();
    await until(page, (i) => window.__newsgraph.cy.getElementById(i!).nonempty(), id);
    await idle(page);
    await textOf(page.locator('#details h2'), /COSCO/i);

    // A real double-click on the canvas, where the node is drawn.
    const at = await page.evaluate((i) => {
      const { cy } = window.__newsgraph;
      const p = cy.getElementById(i!).renderedPosition();
      const r = cy.container()!.getBoundingClientRect();
      return { x: r.left + p.x, y: r.top + p.y };
    }, id);
    await page.mouse.dblclick(at.x, at.y);
    await until(page, () => window.__newsgraph.state().steps.some((s) => s.kind === 'expand'));
    await idle(page);
    expect(await page.evaluate(() => window.__newsgraph.cy.nodes().length)).toBeGreaterThan(1);

    const key = await tapEdgeOfType(page, 'OWNS_STAKE');
    const quotes = await page.locator('.evidence-list .evidence mark.quote').allTextContents();
    const session = h.db.driver.session({ database: h.db.name });
    const stored = await session.run('MATCH (ev:Evidence {relKey: $key}) RETURN ev.quote AS quote', { key });
    await session.close();
    expect(stored.records.length).toBeGreaterThan(0);
    await page.locator('.evidence-list mark.quote').first().waitFor();
    const shown = (await page.locator('.evidence-list mark.quote').allTextContents()).join('\n');
    for (const r of stored.records) expect(shown).toContain(String(r.get('quote')));
    expect(quotes.length + shown.length).toBeGreaterThan(0);

    // Undo takes the expansion back.
    await page.keyboard.press('z');
    await idle(page);
    expect(await page.evaluate(() => window.__newsgraph.cy.nodes().map((n) => n.id()))).toEqual([id]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('runs china-russia-trade and shows the TRADES_WITH edge with its value', async () => {
    const { page, errors } = await open();
    await runStartingPoint(page, 'china-russia-trade');
    const label = await page.evaluate(() => window.__newsgraph.cy.edges('[type = "TRADES_WITH"]').first().data('label') as string);
    expect(label).toMatch(/^TRADES_WITH .*\d/);
    const ends = await page.evaluate(() => {
      const e = window.__newsgraph.cy.edges('[type = "TRADES_WITH"]').first();
      return [e.source().data('name'), e.target().data('name')].sort();
    });
    expect(ends).toEqual(['China', 'Russia']);
    await tapEdgeOfType(page, 'TRADES_WITH');
    await textOf(page.locator('.edge-details h2'), 'trades with');
    await page.locator('.evidence-list mark.quote').first().waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('changes the graph when a filter changes, and reopens the same view from a copied URL', async () => {
    const { page, errors } = await open();
    await runStartingPoint(page, 'sanctions-network');
    const before = await visibleIds(page);
    expect(before.length).toBeGreaterThan(0);

    // The legend doubles as a type toggle: switching off countries changes what is drawn.
    await page.click('#legend [data-type="Country"]');
    await idle(page);
    const after = await visibleIds(page);
    expect(after).not.toEqual(before);
    expect(await page.evaluate(() => window.__newsgraph.cy.nodes('[type = "Country"]').not('.filtered').length)).toBe(0);

    // A filter in the Filters tab: at least 2 stories behind each fact.
    await page.click('[data-tab="filters"]');
    await page.fill('#min-stories', '2');
    await page.press('#min-stories', 'Enter');
    await until(page, () => window.__newsgraph.state().filters.minStories === 2);
    await idle(page);
    const weak = await page.evaluate(() => window.__newsgraph.cy.edges('.fact').filter((e) => e.data('storyCount') < 2 && !e.hasClass('filtered')).length);
    expect(weak).toBe(0);
    await page.selectOption('#layout', 'concentric');
    await idle(page);

    const url = page.url();
    expect(url).toContain('#');
    const shown = await visibleIds(page);
    const again = await open(new URL(url).hash);
    expect(await visibleIds(again.page)).toEqual(shown);
    const state = await again.page.evaluate(() => window.__newsgraph.state());
    expect(state.filters.hiddenTypes).toEqual(['Country']);
    expect(state.filters.minStories).toBe(2);
    expect(state.layout).toBe('concentric');
    expect(await again.page.inputValue('#layout')).toBe('concentric');
    expect([...errors, ...again.errors]).toEqual([]);
    await again.page.close();
    await page.close();
  });

  it('exports the view as GraphML and PNG', async () => {
    const { page, errors } = await open();
    await runStartingPoint(page, 'china-russia-trade');
    await page.click('[data-tab="export"]');

    const [graphml] = await Promise.all([page.waitForEvent('download'), page.click('[data-export="graphml"]')]);
    const xml = readFileSync((await graphml.path())!, 'utf8');
    expect(xml).toContain('<graphml');
    expect(xml).toContain('China');
    expect(xml).toContain('TRADES_WITH');

    const [png] = await Promise.all([page.waitForEvent('download'), page.click('[data-export="png"]')]);
    expect(png.suggestedFilename()).toMatch(/\.png$/);
    const bytes = readFileSync((await png.path())!);
    expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(bytes.length).toBeGreaterThan(2000);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows markup inside a story as literal text and runs none of it', async () => {
    const { page, errors } = await open(`#inspect=story:${XSS_STORY}`);
    const text = page.locator('.story-details .story-text');
    await text.waitFor();
    await textOf(text, '<img src=x onerror="window.__xss = 2">');
    await textOf(text, '<script>window.__xss = 3</script>');
    await textOf(text, '<b>bold?</b>');
    expect(await textOf(page.locator('.story-details h2'), 'Hostile')).toBe('Hostile <script>window.__xss = 1</script> title');
    expect(await page.locator('#details img, #details script, #details b').count()).toBe(0);
    // The recognised entity is highlighted and clickable; the javascript: url is not a link.
    await textOf(page.locator('.story-text .entity-link').first(), 'China');
    expect(await page.locator('#details a[href^="javascript"]').count()).toBe(0);
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => window.__xss)).toBeUndefined();
    await page.locator('.story-text .entity-link').first().click();
    await until(page, () => window.__newsgraph.cy.getElementById('country:CHN').nonempty());
    expect(await page.evaluate(() => window.__xss)).toBeUndefined();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('runs a saved query from its generated form, and ad-hoc Cypher as a table, with errors in plain words', async () => {
    const { page, errors } = await open();
    await page.click('[data-tab="queries"]');
    await page.click('.query-list button[data-query="officials-by-country"]');
    expect(await page.inputValue('#param-country')).toBe('China');
    await page.click('.param-form button[type="submit"]');
    await until(page, () => window.__newsgraph.state().steps[0]?.kind === 'query');
    await idle(page);
    expect(await page.evaluate(() => window.__newsgraph.cy.nodes('[type = "Official"]').length)).toBeGreaterThan(0);

    // CodeMirror with Cypher: type a query, run it with Ctrl+Enter, get a table.
    await page.locator('#cypher-editor .cm-content').waitFor();
    await page.click('#cypher-editor .cm-content');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('MATCH (c:Country) RETURN c.name AS name ORDER BY name LIMIT 3');
    await page.keyboard.press('Control+Enter');
    await until(page, () => window.__newsgraph.state().steps[0]?.kind === 'cypher');
    await idle(page);
    await textOf(page.locator('#table-view table.results th'), 'name');
    expect(await page.locator('#table-view tbody tr').count()).toBe(3);

    // A write is refused by the server; the analyst reads why, in words.
    await page.click('#cypher-editor .cm-content');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('CREATE (n:Injected) RETURN n');
    await page.click('#run-cypher');
    const message = await textOf(page.locator('.queries .error-box:not([hidden])'), /Cypher: \w+/);
    expect(message).not.toMatch(/Something went wrong|undefined|\[object/);
    const session = h.db.driver.session({ database: h.db.name });
    const injected = await session.run('MATCH (n:Injected) RETURN count(n) AS n');
    await session.close();
    expect(Number(injected.records[0]!.get('n'))).toBe(0);
    expect(errors.filter((e) => !/status of 4\d\d/.test(e))).toEqual([]);
    await page.close();
  });

  it('shows ad-hoc Cypher from a link in the editor and runs nothing until the analyst presses Run', async () => {
    const query = "MATCH (c:Country {id: 'country:CHN'}) RETURN c";
    const page = await h.context.newPage();
    const errors = watchErrors(page);
    // The explorer itself asks /api/cypher for corpus figures; what matters is the link's query.
    const cypherRequests: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname === '/api/cypher' && r.postData()?.includes('country:CHN')) cypherRequests.push(r.postData() ?? '');
    });
    const hash = '#steps=' + encodeURIComponent(JSON.stringify([{ kind: 'cypher', query, params: {} }]));
    await page.goto(`${h.base}/${hash}`);
    await until(page, () => !!window.__newsgraph);
    await idle(page);
    await textOf(page.locator('#cypher-editor .cm-content'), query);
    await textOf(page.locator('.review-note:not([hidden])'), 'This link holds a Cypher query. Review it and press Run.');
    await textOf(page.locator('.canvas-empty'), 'This link holds a Cypher query.');
    // Give a run that should not happen every chance to start.
    await page.waitForTimeout(1000);
    await idle(page);
    expect(cypherRequests).toEqual([]);
    expect(await page.evaluate(() => window.__newsgraph.cy.getElementById('country:CHN').nonempty())).toBe(false);
    expect(await page.evaluate(() => window.__newsgraph.state().steps)).toEqual([]);
    // The address still holds the query: a reload or a copied link shows it again.
    expect(new URLSearchParams(new URL(page.url()).hash.slice(1)).get('steps')).toContain(query);

    await page.click('#run-cypher');
    await until(page, () => window.__newsgraph.cy.getElementById('country:CHN').nonempty());
    await idle(page);
    expect(cypherRequests.map((body) => JSON.parse(body).query)).toEqual([query]);
    expect(await page.evaluate(() => window.__newsgraph.state().steps)).toEqual([{ kind: 'cypher', query, params: {} }]);
    expect(await page.locator('.review-note').isHidden()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('still runs a saved query with its parameters straight from a link', async () => {
    const steps = [{ kind: 'query', name: 'officials-by-country', params: { country: 'China' } }];
    const { page, errors } = await open('#steps=' + encodeURIComponent(JSON.stringify(steps)));
    await until(page, () => window.__newsgraph.cy.nodes('[type = "Official"]').nonempty());
    expect(await page.locator('.review-note').isHidden()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('stays interactive with more than 2,000 elements', async () => {
    const { page, errors } = await open();
    // A synthetic result, served in place of the database's answer to one marked query.
    const nodes = Array.from({ length: 1000 }, (_, i) => ({
      id: `company:synthetic-${i}`,
      labels: ['Entity', i % 10 === 0 ? 'Country' : 'Company'],
      props: { name: `Synthetic ${i}`, ...(i % 10 === 0 ? { lat: (i % 160) - 80, lng: ((i * 7) % 340) - 170 } : { country: `company:synthetic-${i - (i % 10)}` }) },
    }));
    const edges = Array.from({ length: 1200 }, (_, i) => ({
      id: `fact:synthetic-${i}`,
      type: i % 2 ? 'OWNS_STAKE' : 'TRADES_WITH',
      source: `company:synthetic-${i % 1000}`,
      target: `company:synthetic-${(i * 37 + 11) % 1000}`,
      props: { storyCount: 1 + (i % 5), outletCount: 1 },
    }));
    await page.route('**/api/cypher', async (route) => {
      if (!route.request().postData()?.includes('synthetic-large-graph')) return route.continue();
      await route.fulfill({ json: { graph: { nodes, edges, truncated: false }, table: { columns: [], rows: [], truncated: false }, kind: 'graph', elapsedMs: 1 } });
    });
    const started = Date.now();
    await page.evaluate(() => {
      location.hash = '#steps=' + encodeURIComponent(JSON.stringify([{ kind: 'cypher', query: '// synthetic-large-graph', params: {} }]));
    });
    // Cypher from a link waits in the editor for Run.
    await textOf(page.locator('#cypher-editor .cm-content'), 'synthetic-large-graph');
    await page.click('#run-cypher');
    await until(page, () => window.__newsgraph.cy.elements().length >= 2000);
    await idle(page, 60_000);
    const loaded = Date.now() - started;
    expect(await page.evaluate(() => window.__newsgraph.cy.elements().length)).toBe(2200);
    await textOf(page.locator('#status'), 'fast rendering');
    expect(loaded).toBeLessThan(45_000);

    // Panning and zooming with the mouse answer quickly, and the geographic layout places 2,200 elements.
    const box = (await page.locator('#cy').boundingBox())!;
    const pan0 = await page.evaluate(() => ({ ...window.__newsgraph.cy.pan() }));
    const t0 = Date.now();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, -400);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 120, box.y + box.height / 2 + 60, { steps: 10 });
    await page.mouse.up();
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    expect(Date.now() - t0).toBeLessThan(8_000);
    expect(await page.evaluate(() => window.__newsgraph.cy.pan())).not.toEqual(pan0);
    await page.selectOption('#layout', 'geo');
    await idle(page, 30_000);
    const placed = await page.evaluate(() => window.__newsgraph.cy.getElementById('company:synthetic-10').position());
    expect(placed.x).toBeCloseTo(((10 * 7) % 340 - 170) * 14, 0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('takes the README screenshot: port ownership with the evidence open', async () => {
    const { page, errors } = await open();
    await runStartingPoint(page, 'port-ownership');
    // Select everything and expand it with the keyboard shortcut, then ask for the help overlay and close it.
    await page.evaluate(() => void window.__newsgraph.cy.nodes().select());
    await until(page, () => window.__newsgraph.state().selected.length > 0);
    await page.keyboard.press('e');
    await until(page, () => window.__newsgraph.state().steps.some((s) => s.kind === 'expand'));
    await idle(page);
    await page.keyboard.press('?');
    await textOf(page.locator('dialog#help'), 'Fit the graph to the window');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => window.__newsgraph.state().selected)).toEqual([]);
    await tapEdgeOfType(page, 'OWNS_STAKE');
    await page.locator('.evidence-list mark.quote').first().waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.resolve('docs/screenshot.png') });
    expect(errors).toEqual([]);
    await page.close();
  });
});
