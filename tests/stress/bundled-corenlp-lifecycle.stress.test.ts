/**
 * The bundled CoreNLP's lifecycle, on real JVMs: an app (a child process) that is SIGKILLed takes
 * its CoreNLP with it (the JVM sees end of input on its stdin and exits, freeing the port); the JVM
 * gets no secret of the app's environment; and a second start on a port in use fails with a plain
 * message instead of a second JVM.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { isAlive, readyJvmPid, waitFor } from './child-process.js';
import { freePort, portIsFree } from '../../db/jvm-child.js';
import { startBundledCoreNlp } from '../../nlp/bundled-corenlp.js';

const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
});

describe('the bundled CoreNLP lifecycle', () => {
  it('exits within seconds when the app that started it is SIGKILLed, and never sees its secrets', async () => {
    const port = await freePort();
    const secret = `sentinel-${Math.random().toString(36).slice(2)}`;
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/stress/bundled-corenlp-child.ts', String(port)], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, NEWSGRAPH_API_TOKEN: secret, NEWSGRAPH_LIFECYCLE_SENTINEL: secret },
    });
    children.push(child);
    const jvm = await readyJvmPid(child);
    expect(isAlive(jvm)).toBe(true);
    expect(readFileSync(`/proc/${jvm}/environ`, 'utf8')).not.toContain(secret);
    expect(await portIsFree(port)).toBe(false);
    child.kill('SIGKILL');
    expect(await waitFor(() => !isAlive(jvm), 20_000)).toBe(true);
    expect(await portIsFree(port)).toBe(true);
  });

  it('refuses to start on a port in use, with a message naming the port and the way out', async () => {
    const port = await freePort();
    const net = await import('node:net');
    const squatter = net.createServer().listen(port, '127.0.0.1');
    await new Promise((r) => squatter.once('listening', r));
    try {
      await expect(startBundledCoreNlp({ port, log: () => {} })).rejects.toThrow(
        new RegExp(`Port ${port} on 127\\.0\\.0\\.1 is already in use.*NEWSGRAPH_NLP_PORT.*NEWSGRAPH_NLP_URI`),
      );
    } finally {
      squatter.close();
    }
  });
});
