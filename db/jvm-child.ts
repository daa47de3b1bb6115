/**
 * What every child JVM the app runs shares (the bundled Neo4j in neo4j/, Stanford CoreNLP in nlp/):
 * building its Maven module on demand, checking its port, starting it with the minimal environment and
 * a stdin pipe (end of input = the parent is gone, so it exits), waiting for its ready line, and
 * stopping the ones still running when the parent exits.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { jvmEnvironment } from './jvm-environment.js';

/** A child JVM that failed to build or start; its message is written for the person running the app. */
export class JvmChildError extends Error {}

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

export interface MavenModule {
  /** The module's folder (holds pom.xml and src/). */
  dir: string;
  /** The jar `mvn package` makes. */
  jar: string;
  /** What it is, in messages: "the bundled Neo4j". */
  label: string;
  /** What to do instead of installing Java and Maven: "set NEO4J_URI to use your own Neo4j server". */
  alternative: string;
  /** Shown while building: "downloads about 120 MB". */
  download: string;
  /** Error class thrown, so callers keep their own. */
  error?: new (message: string) => Error;
}

/** Builds the module's jar with Maven if it is missing or older than pom.xml or the sources. */
export function ensureMavenBuilt(module: MavenModule, log: (line: string) => void = console.log): void {
  const Failure = module.error ?? JvmChildError;
  const sourcesMtime = Math.max(statSync(path.join(module.dir, 'pom.xml')).mtimeMs, newestMtime(path.join(module.dir, 'src')));
  if (existsSync(module.jar) && statSync(module.jar).mtimeMs >= sourcesMtime) return;
  if (!commandExists('java', ['-version'])) {
    throw new Failure(`Java was not found. Install JDK 17+ for ${module.label}, or ${module.alternative}.`);
  }
  if (!commandExists('mvn', ['-v'])) {
    throw new Failure(`Maven (mvn) was not found. Install Maven to build ${module.label}, or ${module.alternative}.`);
  }
  log(`Building ${module.label} with Maven (first run only; ${module.download})…`);
  const build = spawnSync('mvn', ['-q', '-B', '-f', path.join(module.dir, 'pom.xml'), 'package'], { stdio: 'inherit' });
  if (build.status !== 0) throw new Failure(`Maven could not build ${path.basename(module.dir)}/ (exit code ${build.status}). See the output above.`);
}

/** A port on 127.0.0.1 that nothing listens on right now (for throwaway test and benchmark servers). */
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

export interface JvmChild {
  child: ChildProcess;
  /** Resolves when the process has exited (whatever the reason). */
  exited: Promise<void>;
}

export interface SpawnJvmOptions {
  args: string[];
  /** What it is, in messages. */
  label: string;
  /** The line (prefix) it prints once it serves, and the one it prints when it cannot start. */
  readyLine: string;
  failedLine: string;
  startTimeoutMs: number;
  /** Written to stdin first (the bundled Neo4j's password); the pipe then stays open. */
  stdinFirst?: string;
  /** Turns the output of a JVM that exited during start into a plain message. */
  explainFailure: (failure: string | undefined, output: string, code: number | null) => string;
  onSpawn?: (child: ChildProcess) => void;
  onExit?: (child: ChildProcess) => void;
  error?: new (message: string) => Error;
}

/**
 * Spawns one JVM (minimal environment, stdin pipe) and resolves once it prints `readyLine`, with the
 * rest of that line; rejects, the JVM gone, when it exits first or does not get ready in time.
 */
export async function spawnJvm(options: SpawnJvmOptions): Promise<JvmChild & { ready: string }> {
  const Failure = options.error ?? JvmChildError;
  const child = spawn('java', options.args, { stdio: ['pipe', 'pipe', 'pipe'], env: jvmEnvironment() });
  // A JVM that already exited makes a write fail with EPIPE; the exit handler below reports it.
  child.stdin!.on('error', () => {});
  if (options.stdinFirst !== undefined) child.stdin!.write(options.stdinFirst);
  running.add(child);
  installExitHook();
  options.onSpawn?.(child);
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      running.delete(child);
      options.onExit?.(child);
      resolve();
    }),
  );

  const output: string[] = [];
  const ready = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Failure(`${capitalise(options.label)} did not start within ${options.startTimeoutMs / 1000} s.\n${output.join('').slice(-2000)}`));
    }, options.startTimeoutMs);
    const onData = (chunk: Buffer) => {
      output.push(chunk.toString());
      if (output.length > 200) output.shift();
      const line = output.join('').match(new RegExp(`${options.readyLine}(.*)`))?.[1];
      if (line !== undefined) {
        clearTimeout(timer);
        child.removeListener('exit', onExit);
        child.stdout!.removeListener('data', onData);
        child.stderr!.removeListener('data', onData);
        // keep draining, so a chatty JVM never blocks on a full pipe
        child.stdout!.resume();
        child.stderr!.resume();
        resolve(line.trim());
      }
    };
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      const text = output.join('');
      const failure = text.match(new RegExp(`${options.failedLine} (.*)`))?.[1];
      reject(new Failure(options.explainFailure(failure, text, code)));
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new Failure(`Could not start Java for ${options.label}: ${error.message}`));
    });
    child.once('exit', onExit);
  });
  return { child, exited, ready };
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves once it is gone. */
export async function stopJvm(launched: JvmChild, graceMs: number): Promise<void> {
  const { child } = launched;
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const killer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await launched.exited;
  clearTimeout(killer);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
