/** How long before the socket's token expires it is renewed, at most (a fifth of a short lifetime). */
export const RENEW_LEAD_MS = 60_000;

/**
 * Milliseconds from `now` until the open socket should renew its access token (`auth:refresh`),
 * given when the server stops serving it (`expiresAt`, ISO); null when that is not a time.
 * Never sooner than a second, so a clock skew cannot make it spin.
 */
export function renewalDelay(expiresAt: string, now: number): number | null {
  const left = new Date(expiresAt).getTime() - now;
  if (!Number.isFinite(left)) return null;
  return Math.max(1000, left - Math.min(RENEW_LEAD_MS, left / 5));
}
