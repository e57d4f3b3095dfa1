import { ChildProcess, execFile, execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer, Socket } from 'node:net';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { applyKlasterisPatches } from './ferretdb-patches';

export const FERRETDB_VERSION = 'v1.24.2';
/** Bump when the build patch changes, so cached binaries are rebuilt. */
const BUILD_TAG = 'atomic-writes-pushdown-decode-8';
const FERRETDB_MODULE = `github.com/FerretDB/FerretDB@${FERRETDB_VERSION}`;

export class EmbeddedDatabaseError extends Error {}

export interface EmbeddedFerretDbOptions {
  /** Directory for the SQLite files (kept across restarts). */
  dataDir: string;
  /** Explicit binary; otherwise `<repo>/.tools/bin/ferretdb`, built once from the Go module proxy. */
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
    sock.once('connect', () => { sock.destroy(); ok(true); });
    sock.once('error', () => { sock.destroy(); ok(false); });
    sock.once('timeout', () => { sock.destroy(); ok(false); });
    sock.connect(port, '127.0.0.1');
  });
}

/** Installs the FerretDB binary into the git-ignored tool cache (once; later runs reuse it). */
export async function ensureFerretDbBinary(explicit: string | null | undefined, log: (l: string) => void, binDir = join(repoRoot(), '.tools', 'bin')): Promise<string> {
  if (explicit) {
    if (!existsSync(explicit)) throw new EmbeddedDatabaseError(`FERRETDB_BIN=${explicit} does not exist.`);
    return explicit;
  }
  const bin = join(binDir, `ferretdb-${FERRETDB_VERSION}-${BUILD_TAG}`);
  if (existsSync(bin)) return bin;
  const go = await promisify(execFile)('go', ['version'], { env: { ...process.env } }).catch(() => null);
  if (!go) {
    throw new EmbeddedDatabaseError(
      [
        'No database configured and Go is not installed, so the embedded FerretDB cannot be provisioned.',
        'Choose one:',
        '  1. install Go (https://go.dev/dl/ or `apt-get install golang`) and run again: FerretDB is built once into .tools/bin;',
        '  2. set MONGODB_URI to a MongoDB (or FerretDB) you run, e.g. MONGODB_URI=mongodb://localhost:27017;',
        '  3. run the production-like stack: `docker compose up`.',
      ].join('\n'),
    );
  }
  mkdirSync(binDir, { recursive: true });
  log(`Building FerretDB ${FERRETDB_VERSION} into ${binDir} (first run only, a few minutes)...`);
  // A plain `go install` of v1.24.2 builds a binary that panics at start (its build/version/version.txt
  // is generated in FerretDB's own release pipeline and absent from the module). So: fetch the module
  // through the Go module proxy, write the version file into a scratch copy, and build from there.
  const run = promisify(execFile);
  const scratch = mkdtempSync(join(tmpdir(), 'ferretdb-src-'));
  try {
    const { stdout } = await run('go', ['mod', 'download', '-json', FERRETDB_MODULE], { env: { ...process.env }, maxBuffer: 16 * 1024 * 1024 });
    const sourceDir = (JSON.parse(stdout) as { Dir: string }).Dir;
    cpSync(sourceDir, scratch, { recursive: true });
    execFileSync('chmod', ['-R', 'u+w', scratch]);
    writeFileSync(join(scratch, 'build', 'version', 'version.txt'), `${FERRETDB_VERSION}\n`);
    applyKlasterisPatches(scratch);
    await run('go', ['build', '-o', bin, './cmd/ferretdb'], {
      cwd: scratch,
      env: { ...process.env, CGO_ENABLED: '0' },
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (err) {
    const stderr = (err as { stderr?: string }).stderr ?? String(err);
    throw new EmbeddedDatabaseError(`Building FerretDB ${FERRETDB_VERSION} failed:\n${stderr.slice(-2000)}`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
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
