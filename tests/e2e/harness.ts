/**
 * Browser-test harness: builds the client when client/dist is missing or older than its sources,
 * seeds the test Neo4j, serves the real app on a free port and drives Debian's chromium headless.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { createApp } from '../../server/app.js';
import type { Database } from '../../db/connect.js';
import { applySchema } from '../../db/schema.js';
import { testConfig, testDatabase } from '../int/helpers.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function newest(p: string): number {
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return readdirSync(p).reduce((m, name) => Math.max(m, newest(path.join(p, name))), st.mtimeMs);
}

/** Runs `vite build` unless client/dist is newer than everything it is built from. */
export async function buildClientIfStale(): Promise<void> {
  const dist = path.join(root, 'client/dist/index.html');
  const sources = [path.join(root, 'client/src'), path.join(root, 'client/index.html'), path.join(root, 'model'), path.join(root, 'vite.config.ts')];
  if (existsSync(dist) && statSync(dist).mtimeMs > Math.max(...sources.map(newest))) return;
  const vite = await import('vite');
  await vite.build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
}

export interface Harness {
  db: Database;
  base: string;
  context: BrowserContext;
  downloads: string;
  close(): Promise<void>;
}

export async function startHarness(seed: (db: Database) => Promise<unknown>): Promise<Harness> {
  await buildClientIfStale();
  const db = testDatabase();
  await applySchema(db);
  await seed(db);
  const app = createApp({ db, config: testConfig({ NEWSGRAPH_SEED_ON_START: '0' }), log: () => {} });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const profile = mkdtempSync(path.join(os.tmpdir(), 'newsgraph-chromium-'));
  const downloads = mkdtempSync(path.join(os.tmpdir(), 'newsgraph-downloads-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 800 },
    acceptDownloads: true,
    downloadsPath: downloads,
  });
  return {
    db,
    base,
    context,
    downloads,
    async close() {
      await context.close().catch(() => undefined);
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.close();
      rmSync(profile, { recursive: true, force: true });
      rmSync(downloads, { recursive: true, force: true });
    },
  };
}

/** Collects page errors so a test can assert none happened. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) errors.push(m.text());
  });
  return errors;
}

/** Waits until the explorer has loaded everything and no layout runs. */
export async function idle(page: Page, timeout = 20_000): Promise<void> {
  await page.waitForFunction(() => (window as unknown as { __newsgraph?: { idle: boolean } }).__newsgraph?.idle === true, null, { timeout, polling: 50 });
}
