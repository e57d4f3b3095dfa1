import { rmSync } from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  globalThis.__KLASTERIS_REDIS__?.kill('SIGTERM');
  const state = globalThis.__KLASTERIS_DB__;
  if (!state) return;
  await state.db.stop();
  rmSync(state.dir, { recursive: true, force: true });
}
