/**
 * What to do after a delivery attempt (pure, unit-tested):
 * - an SMTP answer 5xx is permanent → failed (the server will never take this mail);
 * - a 4xx answer, a refused or dropped connection, a timeout, a DNS failure are temporary →
 *   retried after `base · 2^(attempt-1)` (±10 % jitter, at most an hour) until 24 h after the mail
 *   was queued; then failed, keeping the last answer.
 */
export const GIVE_UP_AFTER_MS = 24 * 3_600_000;
const MAX_DELAY_MS = 3_600_000;

export interface SmtpFailure {
  permanent: boolean;
  /** one line for the outbox: the SMTP answer, or the connection error */
  response: string;
}

export function classifySmtpError(err: unknown): SmtpFailure {
  const e = (typeof err === 'object' && err !== null ? err : {}) as {
    responseCode?: unknown;
    response?: unknown;
    code?: unknown;
    message?: unknown;
  };
  const message = typeof e.response === 'string' ? e.response : typeof e.message === 'string' ? e.message : String(err);
  const code = typeof e.code === 'string' ? e.code : null;
  const response = (code && !message.includes(code) ? `${code}: ${message}` : message).replace(/\s+/g, ' ').slice(0, 500);
  if (typeof e.responseCode === 'number') return { permanent: e.responseCode >= 500, response };
  // No SMTP answer: the network or the server is away — or the message itself cannot be built.
  return { permanent: code === 'EMESSAGE' || code === 'EENVELOPE', response };
}

export function retryDelayMs(attempt: number, baseMs: number, random = Math.random()): number {
  const raw = Math.min(MAX_DELAY_MS, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(raw * (0.9 + 0.2 * random));
}

export type Outcome = { state: 'failed'; response: string } | { state: 'queued'; nextAttemptAt: Date; response: string };

export function afterFailure(
  failure: SmtpFailure,
  attempt: number,
  giveUpAt: Date,
  baseMs: number,
  now = new Date(),
  random = Math.random(),
): Outcome {
  if (failure.permanent) return { state: 'failed', response: failure.response };
  const next = new Date(now.getTime() + retryDelayMs(attempt, baseMs, random));
  if (next > giveUpAt) return { state: 'failed', response: `gave up after ${attempt} attempts over 24 h; last: ${failure.response}` };
  return { state: 'queued', nextAttemptAt: next, response: failure.response };
}
