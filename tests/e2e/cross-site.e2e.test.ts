/**
 * The cross-site write attacks, in a real browser: a page on another origin (the attacker's) posts
 * a story to the app with `fetch(…, {mode: 'no-cors'})` and with `<form enctype="text/plain">` and
 * a plain form. Chromium sends them as it would for any site; the app must store nothing.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Request } from 'playwright-core';
import { startHarness, type Harness } from './harness.js';

const TITLE = 'Cross-site e2e story';
let h: Harness;
let attacker: Server;
let attackerUrl: string;

/** The attacker's page: one attack per load, chosen by `?attack=`. Forms post as a top-level navigation. */
const attackPage = (target: string, attack: string) => `<!doctype html><html><body>
<form id="plain" method="POST" action="${target}/api/stories" enctype="text/plain">
  <input name="${TITLE} form&#10;&#10;Chile and Peru signed a trade pact in Lima" value=" on Monday, officials said.">
</form>
<form id="urlencoded" method="POST" action="${target}/api/stories">
  <input name="title" value="${TITLE} urlencoded"><input name="body" value="Chile and Peru signed a trade pact.">
</form>
<script>
  const attack = ${JSON.stringify(attack)};
  if (attack === 'fetch')
    fetch(${JSON.stringify(target)} + '/api/stories', {
      method: 'POST', mode: 'no-cors', headers: { 'Content-Type': 'text/plain' },
      body: ${JSON.stringify(`${TITLE} no-cors\n\nChile and Peru signed a trade pact in Lima on Monday, officials said.\n`)},
    });
  else document.getElementById(attack).submit();
</script>
</body></html>`;

const removeStored = () =>
  h.db.driver.executeQuery('MATCH (s:Story) WHERE s.title STARTS WITH $t OPTIONAL MATCH (ev:Evidence)-[:IN_STORY]->(s) DETACH DELETE s, ev', { t: TITLE }, { database: h.db.name });

const stored = async () => {
  const { records } = await h.db.driver.executeQuery('MATCH (s:Story) WHERE s.title STARTS WITH $t RETURN count(s) AS n', { t: TITLE }, { database: h.db.name });
  return Number(records[0]!.get('n'));
};

beforeAll(async () => {
  h = await startHarness(async () => undefined);
  attacker = await new Promise<Server>((resolve) => {
    const s = createServer((req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(attackPage(h.base, new URL(req.url ?? '/', 'http://x').searchParams.get('attack') ?? 'fetch'));
    }).listen(0, '127.0.0.1', () => resolve(s));
  });
  // `localhost` is another site than the app's `127.0.0.1`, as evil.example would be.
  attackerUrl = `http://localhost:${(attacker.address() as AddressInfo).port}/`;
}, 300_000);

afterAll(async () => {
  if (h) await removeStored();
  await new Promise<void>((resolve) => (attacker ? attacker.close(() => resolve()) : resolve()));
  await h?.close();
});

describe('a page on another site', () => {
  beforeEach(() => removeStored());
  it.each(['fetch', 'plain', 'urlencoded'])('cannot store a story (attack: %s)', async (attack) => {
    expect(await stored()).toBe(0);
    const page = await h.context.newPage();
    const isPost = (r: Request) => r.url() === `${h.base}/api/stories` && r.method() === 'POST';
    const outcome = new Promise<{ status?: number; failure?: string }>((resolve) => {
      page.on('requestfinished', (r) => void (isPost(r) && r.response().then((res) => resolve({ status: res?.status() }))));
      page.on('requestfailed', (r) => void (isPost(r) && resolve({ failure: r.failure()?.errorText })));
    });
    await page.goto(`${attackerUrl}?attack=${attack}`);
    const { status, failure } = await outcome;
    // The request reached the app and was refused there (the no-cors answer is then also hidden
    // from the page by Cross-Origin-Resource-Policy, so the browser reports it as blocked).
    if (attack === 'fetch' && failure !== undefined) expect(failure).toMatch(/ERR_BLOCKED_BY_RESPONSE/);
    else expect(status).toBe(403);
    expect(await stored()).toBe(0);
    await page.close();
  });
});
