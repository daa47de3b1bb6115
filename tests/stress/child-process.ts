/**
 * What the lifecycle stress tests share about the processes they start: whether a pid is alive,
 * waiting for a condition, and the JVM pid a child (bundled-*-child.ts) prints as "READY <pid>".
 */
import type { ChildProcess } from 'node:child_process';

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs: number, stepMs = 250): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return true;
    await new Promise((r) => setTimeout(r, stepMs));
  }
  return condition();
}

/** The JVM pid the child prints once its bundled server is ready; rejects if the child exits first. */
export function readyJvmPid(child: ChildProcess): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = out.match(/READY (\d+)/);
      if (match) resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`the child exited early (code ${code}): ${out}`)));
  });
}
