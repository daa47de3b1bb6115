/**
 * The bundled development database: builds neo4j/ with Maven when its jar is missing or older than
 * its sources, starts it as a child JVM, waits until Bolt answers, restarts it (with backoff) when it
 * dies unexpectedly, and stops it with the app. Used only when NEO4J_URI is unset.
 *
 * The JVM gets a minimal environment and no secret on its command line: the password of the `neo4j`
 * user is the first line written to its stdin, and the pipe staying open is how it knows its parent
 * is alive (end of input: it shuts down cleanly).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureMavenBuilt, freePort, portIsFree, spawnJvm, stopJvm, type JvmChild } from './jvm-child.js';
import { forgetJvm, recordJvm, stopOrphanedJvm } from './neo4j-orphan.js';
import { readOrCreateBundledPassword } from './neo4j-password.js';

export { freePort, portIsFree };

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const launcherDir = path.join(projectRoot, 'neo4j');
export const launcherJar = path.join(launcherDir, 'target', 'newsgraph-neo4j.jar');

export class BundledNeo4jError extends Error {}

export interface BundledNeo4jOptions {
  /** Store folder; created when missing. */
  dataDir: string;
  boltPort: number;
  heap?: string;
  pageCache?: string;
  /** Server-side transaction timeout in seconds (a backstop; the API sets its own, shorter ones). */
  txTimeoutSeconds?: number;
  /** Give up waiting for Bolt after this long. */
  startTimeoutMs?: number;
  /** Password of the `neo4j` user; default: the one kept in `<dataDir>/neo4j-password` (created when missing). */
  password?: string;
  /** Delays between restarts after unexpected exits: doubling from the first, capped at the second. */
  restartBackoffMs?: [number, number];
  log?: (line: string) => void;
}

export interface BundledNeo4j {
  uri: string;
  user: string;
  password: string;
  /** The running JVM's pid; undefined while it is being restarted. */
  pid(): number | undefined;
  /** True from an unexpected exit until the restarted JVM answers on Bolt again. */
  restarting(): boolean;
  stop(): Promise<void>;
}

/** Builds the launcher jar with Maven if it is missing or older than pom.xml or the Java source. */
export function ensureLauncherBuilt(log: (line: string) => void = console.log): void {
  ensureMavenBuilt(
    {
      dir: launcherDir,
      jar: launcherJar,
      label: 'the bundled Neo4j',
      alternative: 'set NEO4J_URI to use your own Neo4j server',
      download: 'downloads about 120 MB',
      error: BundledNeo4jError,
    },
    log,
  );
}

type Launched = JvmChild;

/** The JVM's command line: settings only, never a secret (other local users can read it). */
export function launcherArgs(options: BundledNeo4jOptions): string[] {
  return [
    `-Xms${options.heap ?? '1g'}`,
    `-Xmx${options.heap ?? '1g'}`,
    '-XX:+UseG1GC',
    `-Dnewsgraph.dataDir=${path.resolve(options.dataDir)}`,
    `-Dnewsgraph.boltPort=${options.boltPort}`,
    `-Dnewsgraph.pageCache=${options.pageCache ?? '512m'}`,
    `-Dnewsgraph.txTimeout=${options.txTimeoutSeconds ?? 120}`,
    '-jar',
    launcherJar,
  ];
}

/** Spawns one JVM and resolves once it prints NEO4J_READY; rejects (JVM gone) on failure or timeout. */
async function launch(options: BundledNeo4jOptions, password: string): Promise<Launched> {
  const dataDir = path.resolve(options.dataDir);
  const timeoutMs = options.startTimeoutMs ?? 120_000;
  const { child, exited } = await spawnJvm({
    args: launcherArgs(options),
    label: 'the bundled Neo4j',
    readyLine: 'NEO4J_READY',
    failedLine: 'NEO4J_FAILED',
    startTimeoutMs: timeoutMs,
    stdinFirst: `${password}\n`,
    error: BundledNeo4jError,
    onSpawn: (c) => {
      if (c.pid !== undefined) recordJvm(dataDir, c.pid);
    },
    onExit: (c) => {
      if (c.pid !== undefined) forgetJvm(dataDir, c.pid);
    },
    explainFailure: (failure, output, code) =>
      failure?.includes('FileLockException')
        ? `Another Neo4j process is already using the store in ${options.dataDir}. Stop it (or the newsgraph app that started it) first, or set NEWSGRAPH_DATA_DIR to another folder.`
        : `The bundled Neo4j exited during start (code ${code}). ${failure ?? output.slice(-2000)}`,
  });
  return { child, exited };
}

export async function startBundledNeo4j(options: BundledNeo4jOptions): Promise<BundledNeo4j> {
  const log = options.log ?? console.log;
  ensureLauncherBuilt(log);
  mkdirSync(options.dataDir, { recursive: true });
  await stopOrphanedJvm(options.dataDir, log);
  if (!(await portIsFree(options.boltPort))) {
    throw new BundledNeo4jError(
      `Port ${options.boltPort} on 127.0.0.1 is already in use, so the bundled Neo4j cannot start. ` +
        'Stop whatever uses it, choose another port with NEO4J_BOLT_PORT, or point NEO4J_URI at that server.',
    );
  }
  const password = options.password || readOrCreateBundledPassword(options.dataDir);
  const [firstDelay, maxDelay] = options.restartBackoffMs ?? [1_000, 30_000];

  let current: Launched | undefined = await launch(options, password);
  let stopping = false;
  let restarting = false;
  let restartTimer: NodeJS.Timeout | undefined;
  let relaunch: Promise<void> | undefined;

  // An exit nobody asked for (killed, crashed, out of memory): start it again, waiting longer after
  // each failed attempt so a database that cannot start does not spin; the app's driver reconnects
  // by itself once Bolt answers again.
  const supervise = (launched: Launched) => {
    void launched.exited.then(() => {
      if (stopping || current !== launched) return;
      current = undefined;
      restarting = true;
      log(`The bundled Neo4j stopped unexpectedly (${launched.child.signalCode ?? `exit code ${launched.child.exitCode}`}); restarting it…`);
      scheduleRestart(firstDelay);
    });
  };
  const scheduleRestart = (delay: number) => {
    restartTimer = setTimeout(() => {
      restartTimer = undefined;
      relaunch = launch(options, password).then(
        (launched) => {
          relaunch = undefined;
          if (stopping) {
            launched.child.kill('SIGTERM');
            return launched.exited;
          }
          current = launched;
          restarting = false;
          log('The bundled Neo4j is running again.');
          supervise(launched);
        },
        (error: Error) => {
          relaunch = undefined;
          if (stopping) return;
          const next = Math.min(delay * 2, maxDelay);
          log(`The bundled Neo4j could not be restarted (${error.message.split('\n')[0]}); trying again in ${next / 1000} s.`);
          scheduleRestart(next);
        },
      );
    }, delay);
  };
  supervise(current);

  return {
    uri: `bolt://127.0.0.1:${options.boltPort}`,
    user: 'neo4j',
    password,
    pid: () => current?.child.pid,
    restarting: () => restarting,
    async stop() {
      stopping = true;
      if (restartTimer) clearTimeout(restartTimer);
      await relaunch?.catch(() => {});
      const launched = current;
      current = undefined;
      // A clean shutdown flushes the store; give it time, then make sure it is gone.
      if (launched) await stopJvm(launched, 30_000);
    },
  };
}
