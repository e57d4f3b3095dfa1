/** Errors of the MongoDB driver and Mongoose that mean "the database cannot be reached right now". */
const UNREACHABLE = new Set([
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoServerSelectionError',
  'MongooseServerSelectionError',
  'MongoPoolClearedError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
]);

/**
 * The database is down, restarting or unreachable — a transient condition the client may retry
 * (a 503), not a bug (a 500). Covers the driver's network and server-selection errors and
 * Mongoose's "buffering timed out" (an operation queued while disconnected). Reads `cause` too.
 */
export function isDatabaseUnavailableError(err: unknown, depth = 0): boolean {
  if (typeof err !== 'object' || err === null || depth > 3) return false;
  const e = err as { name?: unknown; message?: unknown; cause?: unknown };
  if (typeof e.name === 'string' && UNREACHABLE.has(e.name)) return true;
  if (e.name === 'MongooseError' && typeof e.message === 'string' && e.message.includes('buffering timed out')) return true;
  return isDatabaseUnavailableError(e.cause, depth + 1);
}
