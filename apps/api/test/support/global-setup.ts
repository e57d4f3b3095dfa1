import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedFerretDb } from '../../src/database/embedded-ferretdb';
import { writeResponseSchemas } from '../../src/openapi/response-schemas.generator';

declare global {
  var __KLASTERIS_DB__: { db: EmbeddedFerretDb; dir: string } | undefined;
  var __KLASTERIS_REDIS__: ChildProcess | undefined;
}

async function freePort(): Promise<number> {
  return new Promise((ok) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => ok(port));
    });
  });
}

/** A throw-away redis-server for the multi-node tests (Debian's redis-server; .ci/run installs it). */
async function startRedis(): Promise<void> {
  if (process.env['REDIS_TEST_URL']) return;
  const port = await freePort();
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: 'ignore',
  });
  const started = await new Promise<boolean>((ok) => {
    child.once('error', () => ok(false));
    setTimeout(() => ok(child.exitCode === null), 300);
  });
  if (!started) return; // the multi-node test reports the missing redis-server itself
  globalThis.__KLASTERIS_REDIS__ = child;
  process.env['REDIS_TEST_URL'] = `redis://127.0.0.1:${port}`;
}

/** One database server for the whole run: MONGODB_URI if set, else an embedded FerretDB in a throw-away dir. */
export default async function globalSetup(): Promise<void> {
  // the success schemas of /api/docs-json, derived from the handlers' types (not committed)
  writeResponseSchemas();
  await startRedis();
  if (process.env['MONGODB_URI']) return;
  const dir = mkdtempSync(join(tmpdir(), 'klasteris-test-db-'));
  const db = new EmbeddedFerretDb({
    dataDir: dir,
    binary: process.env['FERRETDB_BIN'] ?? null,
    log: (l) => process.stdout.write(`${l}\n`),
  });
  process.env['MONGODB_URI'] = await db.start();
  process.env['KLASTERIS_TEST_DB'] = 'embedded'; // database-conformance.int-spec.ts: MONGODB_URI is ours, not a MongoDB
  globalThis.__KLASTERIS_DB__ = { db, dir };
}
