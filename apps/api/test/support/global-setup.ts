import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedFerretDb } from '../../src/database/embedded-ferretdb';

declare global {
  var __KLASTERIS_DB__: { db: EmbeddedFerretDb; dir: string } | undefined;
}

/** One database server for the whole run: MONGODB_URI if set, else an embedded FerretDB in a throw-away dir. */
export default async function globalSetup(): Promise<void> {
  if (process.env['MONGODB_URI']) return;
  const dir = mkdtempSync(join(tmpdir(), 'klasteris-test-db-'));
  const db = new EmbeddedFerretDb({ dataDir: dir, binary: process.env['FERRETDB_BIN'] ?? null, log: (l) => process.stdout.write(`${l}\n`) });
  process.env['MONGODB_URI'] = await db.start();
  globalThis.__KLASTERIS_DB__ = { db, dir };
}
