import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../../..');
/** The built API; CHAOS_API_MAIN points at another build (e.g. a copy no concurrent build replaces). */
const MAIN = process.env['CHAOS_API_MAIN'] ?? join(ROOT, 'dist/apps/api/main.js');

export interface ApiProcess {
  url: string;
  child: ChildProcess;
  /** kill -9: no shutdown hooks, sockets drop, in-flight writes are cut */
  crash(): Promise<void>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => ok(port));
    });
  });
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** One built API process (dist/apps/api/main.js) on a free port; resolves when demo accounts can sign in. */
export async function startApiProcess(env: Record<string, string>): Promise<ApiProcess> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run \`npx nest build api\` (npm run test:chaos does)`);
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'klasteris-chaos-'));
  const stderr: string[] = [];
  const child = spawn(process.execPath, [MAIN], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      KLASTERIS_MODE: 'demo',
      LOG_LEVEL: 'error',
      WEB_DIST_DIR: '/nonexistent',
      PUBLIC_WRITE_RATE_PER_MINUTE: '10000',
      ...(env['SMTP_URL'] ? {} : { MAIL_DISABLED: 'true' }),
      ...env,
    },
  });
  child.stderr!.on('data', (d: Buffer) => {
    stderr.push(d.toString());
    stderr.splice(0, Math.max(0, stderr.length - 20));
  });
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((ok) => child.once('exit', () => ok()));
  const cleanDir = (): void => rmSync(dataDir, { recursive: true, force: true });
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`API exited with ${child.exitCode}: ${stderr.join('')}`);
    const res = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@klasteris.demo', password: 'klasteris-demo' }),
    }).catch(() => null);
    if (res?.status === 200) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`API not ready within 90 s: ${stderr.join('')}`);
    }
    await sleep(300);
  }
  return {
    url,
    child,
    async crash() {
      child.kill('SIGKILL');
      await exited;
      cleanDir();
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await Promise.race([exited, sleep(10_000)]);
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      }
      cleanDir();
    },
  };
}
