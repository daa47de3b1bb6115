/**
 * Orphaned bundled JVMs. Each start records `{pid, parentPid}` in `newsgraph-neo4j.pid` in the store
 * folder. A JVM left running after its app was killed (an old launcher, or one too busy to notice
 * its stdin closing) still holds the port and the store lock. The next start in the same folder
 * finds it through that file and stops it cleanly (SIGTERM, which flushes the store), then starts a
 * fresh one: adopting it instead would leave a JVM with no parent pipe (so nothing stops it when this
 * app dies too), perhaps an older jar or another password, and no way to restart it when it fails.
 * A JVM whose recorded parent is alive and still its parent belongs to a running app and is left
 * alone (connectDatabase then shares it).
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const PID_FILE = 'newsgraph-neo4j.pid';
const PidRecord = z.object({ pid: z.number().int().positive(), parentPid: z.number().int().positive() });

export function pidFile(dataDir: string): string {
  return path.join(dataDir, PID_FILE);
}

export function recordJvm(dataDir: string, pid: number): void {
  writeFileSync(pidFile(dataDir), JSON.stringify({ pid, parentPid: process.pid }), { mode: 0o600 });
}

/** Removes the record if it still names `pid` (a newer start may have replaced it). */
export function forgetJvm(dataDir: string, pid: number): void {
  if (readRecord(dataDir)?.pid === pid) rmSync(pidFile(dataDir), { force: true });
}

function readRecord(dataDir: string): z.infer<typeof PidRecord> | undefined {
  try {
    const parsed = PidRecord.safeParse(JSON.parse(readFileSync(pidFile(dataDir), 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The parent pid from /proc/<pid>/stat (the command name in parentheses may contain spaces). */
function parentOf(pid: number): number | undefined {
  try {
    return Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]);
  } catch {
    return undefined;
  }
}

/** True when `pid` is our launcher's JVM serving this very store folder. */
function isOurJvm(pid: number, dataDir: string): boolean {
  try {
    const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    return args.includes(`-Dnewsgraph.dataDir=${path.resolve(dataDir)}`) && args.some((a) => a.endsWith('newsgraph-neo4j.jar'));
  } catch {
    return false;
  }
}

/** The pid of an orphaned JVM of ours on this store, if there is one. */
export function findOrphanedJvm(dataDir: string): number | undefined {
  const record = readRecord(dataDir);
  if (!record || !isAlive(record.pid) || !isOurJvm(record.pid, dataDir)) return undefined;
  const parentStillThere = isAlive(record.parentPid) && parentOf(record.pid) === record.parentPid;
  return parentStillThere ? undefined : record.pid;
}

/** Stops an orphaned JVM of ours on this store (clean SIGTERM, SIGKILL after `graceMs`). */
export async function stopOrphanedJvm(dataDir: string, log: (line: string) => void, graceMs = 30_000): Promise<number | undefined> {
  const pid = findOrphanedJvm(dataDir);
  if (pid === undefined) return undefined;
  log(`Stopping the bundled Neo4j (pid ${pid}) left running by an app that did not shut down cleanly…`);
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (isAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  while (isAlive(pid)) await new Promise((r) => setTimeout(r, 50));
  forgetJvm(dataDir, pid);
  return pid;
}
