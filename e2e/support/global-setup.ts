import { readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Whether the process that ran an earlier e2e run still exists (then its server may be using the data). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes `<dir>/<prefix><time>-<pid>` entries of earlier runs whose Playwright process has ended. */
function pruneEndedRuns(dir: string, prefix: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  const current = `${prefix}${process.env['E2E_RUN']}`;
  for (const name of names) {
    const match = name.startsWith(prefix) ? /^\d+-(\d+)$/.exec(name.slice(prefix.length)) : null;
    if (!match || name === current || alive(Number(match[1]))) continue;
    rmSync(join(dir, name), { recursive: true, force: true });
  }
}

/**
 * Cleans up after earlier runs: their database files (tmp/e2e-data-<run>, which outlive a run
 * because its server stops only after the teardown) and their results (tmp/e2e-results/<run>).
 */
export default function globalSetup(): void {
  const tmp = resolve(__dirname, '..', '..', 'tmp');
  pruneEndedRuns(tmp, 'e2e-data-');
  pruneEndedRuns(join(tmp, 'e2e-results'), '');
}
