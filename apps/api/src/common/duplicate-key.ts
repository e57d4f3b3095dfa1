/**
 * A unique-index violation. MongoDB answers E11000 (also inside bulk `writeErrors`); FerretDB 1.24
 * answers E11000 on inserts but code 1 "UNIQUE constraint failed" when an update breaks the index.
 */
export function isDuplicateKeyError(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const e = err as { code?: unknown; message?: unknown; writeErrors?: { code?: unknown }[] };
  if (e.code === 11000) return true;
  if (Array.isArray(e.writeErrors) && e.writeErrors.some((w) => w.code === 11000)) return true;
  return typeof e.message === 'string' && (e.message.includes('E11000') || e.message.includes('UNIQUE constraint failed'));
}
