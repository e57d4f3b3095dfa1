/**
 * The one test for "a unique index refused this write", for every database the app runs on:
 *
 * - MongoDB: code 11000 (`DuplicateKey`; 11001 and 12582 from older servers and mongos), on the error
 *   itself or, for bulk writes (`insertMany`), on its `writeErrors` — an array, or one error;
 * - FerretDB 1.24: E11000 on inserts, but an update that breaks a unique index fails with code 1
 *   and the SQLite text "UNIQUE constraint failed";
 * - either, wrapped by another error (`cause`).
 *
 * Callers use it to turn a lost race into its answer (the twin that won, `false`, a 409), so a miss
 * here is a 500 and an over-eager match hides a real failure: the unit test pins both sides.
 */
const DUPLICATE_KEY_CODES: ReadonlySet<unknown> = new Set([11000, 11001, 12582]);

interface ErrorLike {
  code?: unknown;
  codeName?: unknown;
  message?: unknown;
  errmsg?: unknown;
  writeErrors?: unknown;
  cause?: unknown;
}

function says(text: unknown): boolean {
  return typeof text === 'string' && (text.includes('E11000') || text.includes('UNIQUE constraint failed'));
}

function isOne(e: ErrorLike): boolean {
  return DUPLICATE_KEY_CODES.has(e.code) || e.codeName === 'DuplicateKey' || says(e.message) || says(e.errmsg);
}

export function isDuplicateKeyError(err: unknown, depth = 0): boolean {
  if (typeof err !== 'object' || err === null || depth > 3) return false;
  const e = err as ErrorLike;
  if (isOne(e)) return true;
  const writeErrors: unknown[] = Array.isArray(e.writeErrors) ? e.writeErrors : e.writeErrors ? [e.writeErrors] : [];
  if (writeErrors.some((w) => typeof w === 'object' && w !== null && isOne(w as ErrorLike))) return true;
  return e.cause !== undefined && isDuplicateKeyError(e.cause, depth + 1);
}
