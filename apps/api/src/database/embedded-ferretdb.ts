import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { join, resolve } from 'node:path';

export class EmbeddedDatabaseError extends Error {}

export interface EmbeddedFerretDbOptions {
  /** Directory for the SQLite files (kept across restarts). */
  dataDir: string;
  /** Explicit binary; otherwise the one tools/ferretdb builds into `<repo>/.tools/bin` (once). */
  binary?: string | null;
  log?: (line: string) => void;
}

/** The repository root, found from this file in source (apps/api/src/database) or in the bundle (dist/apps/api). */
export function repoRoot(): string {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'nest-cli.json'))) return dir;
    dir = resolve(dir, '..');
  }
  return process.cwd();
}

export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => ok(port));
    });
  });
}

export async function canConnect(port: number): Promise<boolean> {
  return new Promise((ok) => {
    const sock = new Socket();
    sock.setTimeout(500);
    sock.once('connect', () => {
      sock.destroy();
      ok(true);
    });
    sock.once('error', () => {
      sock.destroy();
      ok(false);
    });
    sock.once('timeout', () => {
      sock.destroy();
      ok(false);
    });
    sock.connect(port, '127.0.0.1');
  });
}

/** Exit code of tools/ferretdb/build.mjs when Go is not installed (its message names the ways out). */
const NO_GO = 3;

/**
 * The FerretDB binary: FERRETDB_BIN when given, else the one tools/ferretdb/build.mjs builds (our
 * patched FerretDB, kept in the git-ignored `.tools/bin` under a name keyed by a hash of that
 * folder). The script builds it when missing — the first start, or after the folder changed —
 * and prints its path; the build's progress goes to `log`.
 */
export async function ensureFerretDbBinary(
  explicit: string | null | undefined,
  log: (l: string) => void,
  binDir = join(repoRoot(), '.tools', 'bin'),
): Promise<string> {
  if (explicit) {
    if (!existsSync(explicit)) throw new EmbeddedDatabaseError(`FERRETDB_BIN=${explicit} does not exist.`);
    return explicit;
  }
  const script = join(repoRoot(), 'tools', 'ferretdb', 'build.mjs');
  if (!existsSync(script))
    throw new EmbeddedDatabaseError(`No database configured and ${script} is missing: set MONGODB_URI or FERRETDB_BIN.`);
  const child = spawn(process.execPath, [script], { env: { ...process.env, FERRETDB_BIN_DIR: binDir }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => {
    const text = chunk.toString();
    stderr = (stderr + text).slice(-8000);
    for (const line of text.split('\n')) if (line.startsWith('ferretdb: ')) log(line);
  });
  const code = await new Promise<number | null>((ok, fail) => {
    child.once('error', fail);
    child.once('close', ok);
  });
  if (code === NO_GO) throw new EmbeddedDatabaseError(stderr.trim());
  const bin = stdout.trim().split('\n').pop() ?? '';
  if (code !== 0 || !existsSync(bin))
    throw new EmbeddedDatabaseError(`Building the embedded FerretDB (tools/ferretdb) failed:\n${stderr.slice(-3000)}`);
  return bin;
}

/**
 * How the embedded FerretDB runs: SQLite files in `dataDir`, loopback only, no telemetry.
 *
 * `synchronous(normal)`: SQLite in WAL mode then syncs the log to disk at checkpoints rather than
 * at every commit. A commit survives the process being killed (the chaos tests kill it); only a
 * power loss or OS crash can lose the last moments — the same promise MongoDB makes by default,
 * which acknowledges a write before its journal is flushed (every 100 ms). Every write waiting for
 * its own fsync behind FerretDB's single writer had capped chat at about 150 sends/s on this
 * machine (p50 476 ms at 150/s; 24 ms without the per-commit sync).
 */
export function ferretDbArgs(dataDir: string, port: number, logLevel: 'warn' | 'error'): string[] {
  return [
    '--handler=sqlite',
    `--sqlite-url=file:${dataDir}/?_pragma=synchronous(normal)`,
    `--listen-addr=127.0.0.1:${port}`,
    '--telemetry=disable',
    '--debug-addr=-',
    `--state-dir=${dataDir}`,
    `--log-level=${logLevel}`,
  ];
}

/**
 * GOGC=400: reading documents allocates heavily; collecting 4× less often made a 5,000-card read
 * 25 % faster for a few more MB of heap. An operator's own GOGC wins.
 */
export function ferretDbEnv(): NodeJS.ProcessEnv {
  return { ...process.env, GOGC: process.env['GOGC'] ?? '400' };
}

/**
 * Runs `bin args…` under a small shell watchdog holding a pipe from this process: when this process
 * ends in any way (even SIGKILL) the pipe closes and the watchdog terminates the child.
 */
export function spawnUnderWatchdog(name: string, bin: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  // $1 = binary, rest = args. FD 3 duplicates the pipe on stdin for the watcher (background jobs
  // of a non-interactive shell otherwise get /dev/null as stdin).
  const watchdog = [
    'exec 3<&0',
    '"$@" </dev/null & c=$!',
    "trap 'kill -TERM $c 2>/dev/null' TERM INT HUP EXIT",
    '{ while read -r _ <&3; do :; done; kill -TERM $c 2>/dev/null; } &',
    'wait $c',
  ].join('\n');
  return spawn('sh', ['-c', watchdog, name, bin, ...args], { stdio: ['pipe', 'pipe', 'pipe'], env });
}

/**
 * A FerretDB (SQLite handler) child process on a free loopback port.
 *
 * The binary runs under a small shell watchdog that holds a pipe from this process: when this
 * process ends in any way (normal exit, Ctrl-C, crash, even SIGKILL) the pipe closes and the
 * watchdog terminates FerretDB, so no orphan is left behind.
 */
export class EmbeddedFerretDb {
  private child: ChildProcess | null = null;
  private stopping = false;
  port = 0;

  constructor(private readonly options: EmbeddedFerretDbOptions) {}

  get uri(): string {
    return `mongodb://127.0.0.1:${this.port}/`;
  }

  async start(): Promise<string> {
    const log = this.options.log ?? (() => undefined);
    const bin = await ensureFerretDbBinary(this.options.binary, log);
    const dataDir = resolve(this.options.dataDir);
    mkdirSync(dataDir, { recursive: true });
    this.port = await freePort();
    const args = ferretDbArgs(dataDir, this.port, 'warn');
    const child = spawnUnderWatchdog('ferretdb-watchdog', bin, args, ferretDbEnv());
    this.child = child;
    let output = '';
    const collect = (chunk: Buffer): void => {
      output = (output + chunk.toString()).slice(-4000);
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    const exited = new Promise<number | null>((ok) => child.once('exit', (code) => ok(code)));
    child.once('exit', (code) => {
      this.child = null;
      if (!this.stopping) log(`FerretDB exited unexpectedly (code ${code}): ${output.slice(-500)}`);
    });

    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      if (await canConnect(this.port)) return this.uri;
      const done = await Promise.race([exited, new Promise<'wait'>((ok) => setTimeout(() => ok('wait'), 150))]);
      if (done !== 'wait') throw new EmbeddedDatabaseError(`FerretDB failed to start (exit ${done}):\n${output}`);
    }
    await this.stop();
    throw new EmbeddedDatabaseError(`FerretDB did not listen on 127.0.0.1:${this.port} within 30 s:\n${output}`);
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.stopping = true;
    const exited = new Promise<void>((ok) => child.once('exit', () => ok()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  }
}
