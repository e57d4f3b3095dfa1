// Shared machinery of the benchmarks: the database, the API under test (a child process running the
// built app), users, statistics, tables and result files. Nothing here asserts timings: it measures.
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { EmbeddedFerretDb } from '../apps/api/src/database/embedded-ferretdb';

export const ROOT = resolve(__dirname, '..');
export const RESULTS = join(ROOT, 'bench', 'results');
export const DEMO_PASSWORD = 'klasteris-demo';

export function envInt(name: string, fallback: number): number {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? Math.floor(v) : fallback;
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => ok(port));
    });
  });
}

/** Every child and temp dir the run started, stopped and removed at the end (also on Ctrl-C). */
const cleanups: (() => Promise<void> | void)[] = [];
export function onCleanup(f: () => Promise<void> | void): void {
  cleanups.unshift(f);
}
let cleaning: Promise<void> | null = null;
/** Runs the cleanups once; every caller (Ctrl-C, the end of main) waits for the same run to finish. */
export function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    for (const f of cleanups.splice(0)) await Promise.resolve(f()).catch(() => undefined);
  })();
  return cleaning;
}
process.once('SIGINT', () => void cleanup().then(() => process.exit(130)));

export async function startDatabase(): Promise<string> {
  if (process.env['MONGODB_URI']) return process.env['MONGODB_URI'];
  const dir = mkdtempSync(join(tmpdir(), 'klasteris-bench-db-'));
  const db = new EmbeddedFerretDb({
    dataDir: dir,
    binary: process.env['FERRETDB_BIN'] ?? null,
    log: (l) => process.stdout.write(`${l}\n`),
  });
  const uri = await db.start();
  onCleanup(async () => {
    await db.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  return uri;
}

export async function startRedis(): Promise<string> {
  const port = await freePort();
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: 'ignore',
  });
  onCleanup(() => void child.kill('SIGTERM'));
  await sleep(300);
  if (child.exitCode !== null) throw new Error('redis-server did not start (apt-get install redis-server)');
  return `redis://127.0.0.1:${port}`;
}

export interface Api {
  url: string;
  child: ChildProcess;
  /** The API's database command counts since boot and its RSS (DB_COMMAND_STATS over IPC). */
  dbStats(): Promise<DbStats>;
}

export interface DbStats {
  commands: Record<string, number>;
  total: number;
  rssBytes: number;
}

const DB_STATS = 'klasteris:db-command-stats';

function askDbStats(child: ChildProcess): Promise<DbStats> {
  return new Promise((ok, fail) => {
    const timer = setTimeout(() => {
      child.off('message', onMessage);
      fail(new Error('the API did not answer the db-command-stats request'));
    }, 10_000);
    const onMessage = (m: unknown): void => {
      const r = m as { type?: string } & DbStats;
      if (r?.type !== DB_STATS) return;
      clearTimeout(timer);
      child.off('message', onMessage);
      ok({ commands: r.commands, total: r.total, rssBytes: r.rssBytes });
    };
    child.on('message', onMessage);
    child.send({ type: DB_STATS });
  });
}

/** Commands between two snapshots, per name, less what the idle background (pollers, leases) sends at `idlePerMs` over `ms`. */
export function commandsBetween(a: DbStats, b: DbStats, idle?: { perMs: Record<string, number>; ms: number }): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, n] of Object.entries(b.commands)) {
    const d = n - (a.commands[name] ?? 0) - (idle ? (idle.perMs[name] ?? 0) * idle.ms : 0);
    if (d > 0.05) out[name] = d;
  }
  return out;
}

/** The built API (dist/apps/api/main.js) on a free port, demo mode, with its own database name. */
export async function startApi(mongoUri: string, dbName: string, extraEnv: Record<string, string> = {}): Promise<Api> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'klasteris-bench-api-'));
  const child = spawn(process.execPath, [join(ROOT, 'dist/apps/api/main.js')], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      MONGODB_URI: mongoUri,
      MONGODB_DB: dbName,
      DATA_DIR: dataDir,
      KLASTERIS_MODE: 'demo',
      JWT_SECRET: randomBytes(32).toString('hex'),
      PUBLIC_WRITE_RATE_PER_MINUTE: '100000',
      LOGIN_MAX_FAILURES: '1000',
      LOG_LEVEL: 'error',
      DB_COMMAND_STATS: 'true',
      WEB_DIST_DIR: '/nonexistent',
      // mails stay in the outbox unless a scenario passes SMTP_URL (the outbox scenario does)
      ...(extraEnv['SMTP_URL'] ? {} : { MAIL_DISABLED: 'true' }),
      ...extraEnv,
    },
  });
  // Its errors are kept (the last lines are shown if it dies), not printed over the progress output.
  const stderr: string[] = [];
  child.stderr!.on('data', (d: Buffer) => {
    stderr.push(...d.toString().split('\n'));
    stderr.splice(0, Math.max(0, stderr.length - 40));
  });
  onCleanup(async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await Promise.race([new Promise((r) => child.once('exit', r)), sleep(10_000)]);
    }
    rmSync(dataDir, { recursive: true, force: true });
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the API exited with ${child.exitCode}:\n${stderr.join('\n')}`);
    const ok = await fetch(`${url}/api/health`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) throw new Error('the API did not become healthy within 120 s');
    await sleep(250);
  }
  // Demo data is seeded at start; wait until the demo accounts can sign in.
  for (;;) {
    const res = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@klasteris.demo', password: DEMO_PASSWORD }),
    });
    if (res.status === 200) break;
    if (Date.now() > deadline) throw new Error(`demo accounts not ready: ${res.status}`);
    await sleep(500);
  }
  return { url, child, dbStats: () => askDbStats(child) };
}

export async function api<T>(
  base: string,
  method: string,
  path: string,
  token?: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}

export async function login(base: string, email: string, password = DEMO_PASSWORD): Promise<{ token: string; userId: string }> {
  const res = await api<{ accessToken: string; user: { id: string } }>(base, 'POST', '/api/auth/login', undefined, { email, password });
  if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${JSON.stringify(res.body)}`);
  return { token: res.body.accessToken, userId: res.body.user.id };
}

/** Registers `n` members (demo mode: active at once) and signs them in, a few at a time. */
export async function registerUsers(base: string, n: number, tag: string): Promise<{ token: string; userId: string }[]> {
  const out = new Array<{ token: string; userId: string }>(n);
  let next = 0;
  const worker = async (): Promise<void> => {
    for (;;) {
      const i = next++;
      if (i >= n) return;
      const email = `bench-${tag}-${i}@bench.example`;
      const password = 'bench password 123';
      const reg = await api(base, 'POST', '/api/auth/register', undefined, { email, password, displayName: `Bench ${tag} ${i}` });
      if (reg.status !== 201) throw new Error(`register ${email}: ${reg.status} ${JSON.stringify(reg.body)}`);
      out[i] = await login(base, email, password);
      if (i % 50 === 49) progress(`  users ${i + 1}/${n}`);
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  progress('');
  return out;
}

export function progress(line: string): void {
  if (process.stdout.isTTY) process.stdout.write(`\r${line.padEnd(70)}${line ? '' : '\r'}`);
  else if (line) process.stdout.write(`${line}\n`);
}

export interface Stats {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}
export function stats(xs: number[]): Stats {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number): number => (s.length ? s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]! : NaN);
  const r = (v: number): number => Math.round(v * 10) / 10;
  return {
    n: s.length,
    p50: r(q(0.5)),
    p95: r(q(0.95)),
    p99: r(q(0.99)),
    max: r(s[s.length - 1] ?? NaN),
    mean: r(s.reduce((a, b) => a + b, 0) / (s.length || 1)),
  };
}

export function table(title: string, rows: Record<string, string | number>[]): void {
  if (!rows.length) return;
  const cols = Object.keys(rows[0]!);
  const width = cols.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c] ?? '').length)));
  const line = (vals: string[]): string => vals.map((v, i) => v.padStart(width[i]!)).join('  ');
  process.stdout.write(
    `\n${title}\n${line(cols)}\n${line(width.map((w) => '-'.repeat(w)))}\n${rows.map((r) => line(cols.map((c) => String(r[c] ?? '')))).join('\n')}\n`,
  );
}

export function machine(): Record<string, unknown> {
  return {
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model,
    memGb: Math.round(totalmem() / 2 ** 30),
    loadavg: loadavg().map((l) => Math.round(l * 10) / 10),
  };
}

export function writeResult(name: string, data: unknown): string {
  mkdirSync(RESULTS, { recursive: true });
  const file = join(RESULTS, `${name}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(
    file,
    `${JSON.stringify({ scenario: name, at: new Date().toISOString(), machine: machine(), ...(data as object) }, null, 2)}\n`,
  );
  return file;
}

export const FERRETDB_CAVEAT =
  "Caveat: the embedded FerretDB 1.24 (SQLite) is a development database: our build answers filters on indexed fields from SQLite indexes, but FerretDB still decodes, sorts and limits in Go behind one serialised writer — absolute figures are not MongoDB's; the ratios against the baseline in the same run are what to read.";
