import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureFerretDbBinary, ferretDbArgs, ferretDbEnv } from '../../src/database/embedded-ferretdb';
import { freePort, listening, sleep } from './chaos-client';

/**
 * A FerretDB of its own for a chaos case, on a fixed port and data directory so that it can be
 * killed and started again under running API processes (the shared test database must stay up).
 * Same binary and flags as the embedded database (apps/api/src/database/embedded-ferretdb.ts).
 */
export class FerretDbProcess {
  private child: ChildProcess | null = null;
  private readonly dataDir = mkdtempSync(join(tmpdir(), 'klasteris-chaos-db-'));
  private port = 0;

  get uri(): string {
    return `mongodb://127.0.0.1:${this.port}/`;
  }

  async start(): Promise<void> {
    const bin = await ensureFerretDbBinary(process.env['FERRETDB_BIN'] ?? null, (l) => process.stdout.write(`${l}\n`));
    this.port ||= await freePort();
    const child = spawn(bin, ferretDbArgs(this.dataDir, this.port, 'error'), { stdio: 'ignore', env: ferretDbEnv() });
    this.child = child;
    const deadline = Date.now() + 30_000;
    while (!(await listening(this.port))) {
      if (child.exitCode !== null) throw new Error(`FerretDB exited with ${child.exitCode}`);
      if (Date.now() > deadline) throw new Error(`FerretDB did not listen on ${this.port} within 30 s`);
      await sleep(100);
    }
  }

  /** kill -9: open connections drop, nothing is flushed beyond what SQLite already committed. */
  async crash(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((ok) => child.once('exit', ok));
    child.kill('SIGKILL');
    await exited;
    this.child = null;
  }

  async dispose(): Promise<void> {
    await this.crash();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
