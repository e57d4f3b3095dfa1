import { ChildProcess, execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { canConnect, freePort, repoRoot, spawnUnderWatchdog } from '../../database/embedded-ferretdb';

export const MAILPIT_VERSION = 'v1.33.1';
const MAILPIT_MODULE = `github.com/axllent/mailpit@${MAILPIT_VERSION}`;

export class MailpitError extends Error {}

/** Builds Mailpit once from the Go module proxy into the git-ignored tool cache; later runs reuse it. */
export async function ensureMailpitBinary(
  explicit: string | null,
  log: (l: string) => void,
  binDir = join(repoRoot(), '.tools', 'bin'),
): Promise<string> {
  if (explicit) {
    if (!existsSync(explicit)) throw new MailpitError(`MAILPIT_BIN=${explicit} does not exist.`);
    return explicit;
  }
  const bin = join(binDir, `mailpit-${MAILPIT_VERSION}`);
  if (existsSync(bin)) return bin;
  const run = promisify(execFile);
  if (!(await run('go', ['version']).catch(() => null))) {
    throw new MailpitError(
      'Go is not installed, so the demo mail catcher (Mailpit) cannot be built. Install Go, or set SMTP_URL, or MAIL_DISABLED=true.',
    );
  }
  mkdirSync(binDir, { recursive: true });
  log(`Building Mailpit ${MAILPIT_VERSION} (the demo mail catcher) into ${binDir} (first run only, about a minute)...`);
  const scratch = mkdtempSync(join(tmpdir(), 'mailpit-bin-'));
  try {
    await run('go', ['install', MAILPIT_MODULE], {
      env: { ...process.env, GOBIN: scratch, CGO_ENABLED: '0' },
      maxBuffer: 16 * 1024 * 1024,
    });
    // rename: a concurrent start never sees a half-written binary
    renameSync(join(scratch, 'mailpit'), bin);
  } catch (err) {
    const stderr = (err as { stderr?: string }).stderr ?? String(err);
    throw new MailpitError(`Building Mailpit ${MAILPIT_VERSION} failed:\n${stderr.slice(-2000)}`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return bin;
}

/**
 * Mailpit on loopback ports — SMTP on a free port, its web UI and API on `uiPort` (or a free one) —
 * keeping its mails in `dataDir/mailpit.db`, under the same watchdog as the embedded database, so
 * it stops with the app however the app ends.
 */
export class Mailpit {
  private child: ChildProcess | null = null;
  smtpPort = 0;
  uiPort = 0;

  constructor(private readonly options: { dataDir: string; binary: string | null; uiPort: number | null; log: (l: string) => void }) {}

  get webUrl(): string {
    return `http://127.0.0.1:${this.uiPort}`;
  }

  get running(): boolean {
    return this.child !== null;
  }

  async start(): Promise<void> {
    const bin = await ensureMailpitBinary(this.options.binary, this.options.log);
    const dataDir = resolve(this.options.dataDir);
    mkdirSync(dataDir, { recursive: true });
    this.smtpPort = await freePort();
    this.uiPort = this.options.uiPort ?? (await freePort());
    const args = [
      '--listen',
      `127.0.0.1:${this.uiPort}`,
      '--smtp',
      `127.0.0.1:${this.smtpPort}`,
      '--database',
      join(dataDir, 'mailpit.db'),
      '--smtp-auth-accept-any',
      '--smtp-auth-allow-insecure',
      '--smtp-disable-rdns',
      '--disable-version-check',
      '--quiet',
    ];
    const child = spawnUnderWatchdog('mailpit-watchdog', bin, args, { ...process.env });
    this.child = child;
    let output = '';
    const collect = (chunk: Buffer): void => {
      output = (output + chunk.toString()).slice(-2000);
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    const exited = new Promise<number | null>((ok) => child.once('exit', (code) => ok(code)));
    child.once('exit', () => (this.child = null));
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      if ((await canConnect(this.smtpPort)) && (await canConnect(this.uiPort))) return;
      const done = await Promise.race([exited, new Promise<'wait'>((ok) => setTimeout(() => ok('wait'), 150))]);
      if (done !== 'wait') throw new MailpitError(`Mailpit failed to start (exit ${done}):\n${output}`);
    }
    await this.stop();
    throw new MailpitError(`Mailpit did not listen within 20 s:\n${output}`);
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    const exited = new Promise<void>((ok) => child.once('exit', () => ok()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  }
}
