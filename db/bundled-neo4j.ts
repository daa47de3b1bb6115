/**
 * The bundled development database: builds neo4j/ with Maven when its jar is missing or older than
 * its sources, starts it as a child JVM, waits until Bolt answers, restarts it (with backoff) when it
 * dies unexpectedly, and stops it with the app. Used only when NEO4J_URI is unset.
 *
 * The JVM gets a minimal environment and no secret on its command line: the password of the `neo4j`
 * user is the first line written to its stdin, and the pipe staying open is how it knows its parent
 * is alive (end of input: it shuts down cleanly).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { jvmEnvironment } from './jvm-environment.js';
import { forgetJvm, recordJvm, stopOrphanedJvm } from './neo4j-orphan.js';
import { readOrCreateBundledPassword } from './neo4j-password.js';

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

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function commandExists(command: string, args: string[]): boolean {
  const result = spawnSync(command, args, { stdio: 'ignore' });
  return result.error === undefined && result.status === 0;
}

/** Builds the launcher jar with Maven if it is missing or older than pom.xml or the Java source. */
export function ensureLauncherBuilt(log: (line: string) => void = console.log): void {
  const sourcesMtime = Math.max(statSync(path.join(launcherDir, 'pom.xml')).mtimeMs, newestMtime(path.join(launcherDir, 'src')));
  if (existsSync(launcherJar) && statSync(launcherJar).mtimeMs >= sourcesMtime) return;
  if (!commandExists('java', ['-version'])) {
    throw new BundledNeo4jError('Java was not found. Install JDK 17+ for the bundled Neo4j, or set NEO4J_URI to use your own Neo4j server.');
  }
  if (!commandExists('mvn', ['-v'])) {
    throw new BundledNeo4jError('Maven (mvn) was not found. Install Maven to build the bundled Neo4j, or set NEO4J_URI to use your own Neo4j server.');
  }
  log('Building the bundled Neo4j with Maven (first run only; downloads about 120 MB)…');
  const build = spawnSync('mvn', ['-q', '-B', '-f', path.join(launcherDir, 'pom.xml'), 'package'], { stdio: 'inherit' });
  if (build.status !== 0) throw new BundledNeo4jError(`Maven could not build neo4j/ (exit code ${build.status}). See the output above.`);
}

/** A port on 127.0.0.1 that nothing listens on right now (for throwaway test and benchmark databases). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.once('listening', () => probe.close(() => resolve(true)));
    probe.listen(port, '127.0.0.1');
  });
}

/** Every JVM we started, so an exiting parent can stop the ones still running. */
const running = new Set<ChildProcess>();
let exitHookInstalled = false;
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // On abrupt exits (uncaught errors, process.exit) the stdin pipe closes too, which already makes
  // the JVM shut down; SIGTERM says the same thing sooner and runs the same clean shutdown.
  process.on('exit', () => {
    for (const child of running) child.kill('SIGTERM');
  });
}

interface Launched {
  child: ChildProcess;
  exited: Promise<void>;
}

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
  const child = spawn('java', launcherArgs(options), { stdio: ['pipe', 'pipe', 'pipe'], env: jvmEnvironment() });
  // A JVM that already exited makes the write fail with EPIPE; the exit handler below reports it.
  child.stdin!.on('error', () => {});
  child.stdin!.write(`${password}\n`);
  running.add(child);
  installExitHook();
  if (child.pid !== undefined) recordJvm(dataDir, child.pid);
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      running.delete(child);
      if (child.pid !== undefined) forgetJvm(dataDir, child.pid);
      resolve();
    }),
  );

  const output: string[] = [];
  const timeoutMs = options.startTimeoutMs ?? 120_000;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new BundledNeo4jError(`The bundled Neo4j did not start within ${timeoutMs / 1000} s.\n${output.join('')}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      output.push(text);
      if (output.length > 200) output.shift();
      if (text.includes('NEO4J_READY')) {
        clearTimeout(timer);
        child.removeListener('exit', onExit);
        resolve();
      }
    };
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      const failure = output.join('').match(/NEO4J_FAILED (.*)/)?.[1];
      if (failure?.includes('FileLockException')) {
        reject(new BundledNeo4jError(`Another Neo4j process is already using the store in ${options.dataDir}. Stop it (or the newsgraph app that started it) first, or set NEWSGRAPH_DATA_DIR to another folder.`));
        return;
      }
      reject(new BundledNeo4jError(`The bundled Neo4j exited during start (code ${code}). ${failure ?? output.join('').slice(-2000)}`));
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new BundledNeo4jError(`Could not start Java for the bundled Neo4j: ${error.message}`));
    });
    child.once('exit', onExit);
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
      if (!launched || launched.child.exitCode !== null || launched.child.signalCode !== null) return;
      launched.child.kill('SIGTERM');
      // A clean shutdown flushes the store; give it time, then make sure it is gone.
      const killer = setTimeout(() => launched.child.kill('SIGKILL'), 30_000);
      await launched.exited;
      clearTimeout(killer);
    },
  };
}
