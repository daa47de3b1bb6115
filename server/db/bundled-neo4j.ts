/**
 * The bundled development database: builds neo4j/ with Maven when its jar is missing or older than
 * its sources, starts it as a child JVM, waits until Bolt answers, and stops it with the app.
 * Used only when NEO4J_URI is unset.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
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
  log?: (line: string) => void;
}

export interface BundledNeo4j {
  uri: string;
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

/** Every JVM we started, so an exiting parent can kill the ones still running. */
const running = new Set<ChildProcess>();
let exitHookInstalled = false;
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // Last resort on abrupt exits (uncaught errors, process.exit): never leave an orphan JVM behind.
  process.on('exit', () => {
    for (const child of running) child.kill('SIGKILL');
  });
}

export async function startBundledNeo4j(options: BundledNeo4jOptions): Promise<BundledNeo4j> {
  const log = options.log ?? console.log;
  ensureLauncherBuilt(log);
  if (!(await portIsFree(options.boltPort))) {
    throw new BundledNeo4jError(
      `Port ${options.boltPort} on 127.0.0.1 is already in use, so the bundled Neo4j cannot start. ` +
        'Stop whatever uses it, choose another port with NEO4J_BOLT_PORT, or point NEO4J_URI at that server.',
    );
  }
  mkdirSync(options.dataDir, { recursive: true });
  const args = [
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
  const child = spawn('java', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  installExitHook();

  const output: string[] = [];
  const uri = `bolt://127.0.0.1:${options.boltPort}`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => { running.delete(child); resolve(); }));

  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new BundledNeo4jError(`The bundled Neo4j did not start within ${(options.startTimeoutMs ?? 120_000) / 1000} s.\n${output.join('')}`));
    }, options.startTimeoutMs ?? 120_000);
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      output.push(text);
      if (output.length > 200) output.shift();
      if (text.includes('NEO4J_READY')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new BundledNeo4jError(`Could not start Java for the bundled Neo4j: ${error.message}`));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      const failure = output.join('').match(/NEO4J_FAILED (.*)/)?.[1];
      if (failure?.includes('FileLockException')) {
        reject(new BundledNeo4jError(`Another Neo4j process is already using the store in ${options.dataDir}. Stop it (or the newsgraph app that started it) first, or set NEWSGRAPH_DATA_DIR to another folder.`));
        return;
      }
      reject(new BundledNeo4jError(`The bundled Neo4j exited during start (code ${code}). ${failure ?? output.join('').slice(-2000)}`));
    });
  });

  return {
    uri,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      // A clean shutdown flushes the store; give it time, then make sure it is gone.
      const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(killer);
    },
  };
}
