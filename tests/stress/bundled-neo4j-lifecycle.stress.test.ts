/**
 * The bundled Neo4j's lifecycle: a JVM killed under a running app is restarted (health says so
 * meanwhile, with no driver text, and is 200 again afterwards with the data intact); a JVM whose
 * app is SIGKILLed exits by itself; and a JVM orphaned on a store is taken over (stopped and started
 * afresh) by the next app on that store instead of being shared and left running.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { isAlive, readyJvmPid, waitFor } from './child-process.js';
import { loadConfig } from '../../server/config.js';
import { freePort, launcherArgs, portIsFree } from '../../db/bundled-neo4j.js';
import { connectDatabase, createDriver } from '../../db/connect.js';
import { pidFile } from '../../db/neo4j-orphan.js';
import { readOrCreateBundledPassword } from '../../db/neo4j-password.js';
import { startApp } from '../../server/lifecycle.js';

const folders: string[] = [];
const children: ChildProcess[] = [];
function tempFolder(): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'newsgraph-lifecycle-'));
  folders.push(folder);
  return folder;
}
afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

describe('the bundled Neo4j lifecycle', () => {
  it('restarts a JVM killed under a running app; health says so, then answers 200 with the data intact', async () => {
    const saved = { ...process.env };
    const secret = `sentinel-${Math.random().toString(36).slice(2)}`;
    delete process.env.NEO4J_URI;
    delete process.env.NEO4J_PASSWORD;
    Object.assign(process.env, {
      NEWSGRAPH_DATA_DIR: tempFolder(),
      NEO4J_BOLT_PORT: String(await freePort()),
      NEO4J_HEAP: '512m',
      NEO4J_PAGECACHE: '128m',
      HOST: '127.0.0.1',
      PORT: '0',
      NEWSGRAPH_SEED_ON_START: '1',
      // the run's test CoreNLP: this test is about the Neo4j JVM, and must not start a second CoreNLP
      NEWSGRAPH_NLP_URI: inject('nlpUri'),
      NEWSGRAPH_API_TOKEN: secret,
      NEWSGRAPH_LIFECYCLE_SENTINEL: secret,
    });
    const app = await startApp({ log: () => {} }).finally(() => {
      process.env = saved;
    });
    try {
      const health = async () => {
        const res = await fetch(`${app.url}/api/health`);
        return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
      };
      const before = await health();
      expect(before.status).toBe(200);
      const nodes = JSON.parse(before.text).counts.nodes as number;
      expect(nodes).toBeGreaterThan(0);

      const first = app.db.bundled!.pid()!;
      // Nothing of the app's environment reached the JVM.
      const environ = readFileSync(`/proc/${first}/environ`, 'utf8');
      expect(environ).toContain('PATH=');
      expect(environ).not.toContain(secret);
      expect(environ).not.toContain('NEWSGRAPH_');

      process.kill(first, 'SIGKILL');
      const outages: { status: number; type: string; text: string }[] = [];
      let after = await health();
      const deadline = Date.now() + 120_000;
      while (after.status !== 200 && Date.now() < deadline) {
        outages.push(after);
        await new Promise((r) => setTimeout(r, 250));
        after = await health();
      }
      expect(after.status).toBe(200);
      expect(outages.length).toBeGreaterThan(0);
      for (const outage of outages) {
        expect(outage.status).toBe(503);
        expect(outage.type).toMatch(/json/);
        expect(JSON.parse(outage.text).error.code).toBe('database_unavailable');
        expect(outage.text).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|Neo4jError|bolt:/i);
      }
      const restarting = outages.map((o) => JSON.parse(o.text).error).find((e) => e.details?.restarting === true);
      expect(restarting?.message).toMatch(/restarting/);
      expect(JSON.parse(after.text).counts.nodes).toBe(nodes);
      expect(app.db.bundled!.pid()).not.toBe(first);
    } finally {
      const last = app.db.bundled?.pid();
      await app.stop();
      if (last) expect(isAlive(last)).toBe(false);
    }
  });

  it('a JVM whose app is SIGKILLed shuts down by itself within seconds', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/stress/bundled-neo4j-child.ts', tempFolder(), String(port)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    children.push(child);
    const jvm = await readyJvmPid(child);
    expect(isAlive(jvm)).toBe(true);
    child.kill('SIGKILL');
    expect(await waitFor(() => !isAlive(jvm), 20_000)).toBe(true);
    expect(await portIsFree(port)).toBe(true);
  });

  it('takes over a JVM orphaned on its store: stops it and starts its own, which it stops on close', async () => {
    const base = tempFolder();
    const dataDir = path.join(base, 'neo4j');
    const port = await freePort();
    const options = { dataDir, boltPort: port, heap: '512m', pageCache: '128m' };
    const password = readOrCreateBundledPassword(dataDir);
    // An orphan as a killed app leaves it: our JVM on this store, recorded with a parent that is gone.
    const orphan = spawn('java', launcherArgs(options), { stdio: ['pipe', 'pipe', 'inherit'] });
    children.push(orphan);
    const orphanExited = new Promise<void>((resolve) => orphan.once('exit', () => resolve()));
    orphan.stdin!.write(`${password}\n`);
    await new Promise<void>((resolve) => orphan.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('NEO4J_READY') && resolve()));
    const deadParent = spawnSync('true').pid;
    writeFileSync(pidFile(dataDir), JSON.stringify({ pid: orphan.pid, parentPid: deadParent }));
    const marker = `orphan-${Date.now()}`;
    const direct = createDriver(`bolt://127.0.0.1:${port}`, 'neo4j', password);
    await direct.executeQuery('CREATE (:LifecycleMarker {marker: $marker})', { marker });
    await direct.close();

    const db = await connectDatabase(
      loadConfig({ NEWSGRAPH_DATA_DIR: base, NEO4J_BOLT_PORT: String(port), NEO4J_HEAP: '512m', NEO4J_PAGECACHE: '128m' }),
      () => {},
    );
    try {
      // The orphan was stopped, not shared.
      const stopped = await Promise.race([orphanExited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 60_000))]);
      expect(stopped).toBe(true);
      // This app runs the database now (it is not sharing someone else's), on the same store.
      expect(db.bundled).toBeDefined();
      const jvm = db.bundled!.pid()!;
      expect(jvm).not.toBe(orphan.pid);
      const { records } = await db.driver.executeQuery('MATCH (n:LifecycleMarker {marker: $marker}) RETURN count(n) AS n', { marker });
      expect(Number(records[0]!.get('n'))).toBe(1);
      await db.close();
      expect(isAlive(jvm)).toBe(false);
      expect(await portIsFree(port)).toBe(true);
    } finally {
      await db.close().catch(() => {});
    }
  });
});
