import { DateTime } from 'luxon';

/**
 * When a person's morning mails go (pure, unit-tested): from 08:00 local time, for two hours — so
 * a job that runs every few minutes finds each person once in the window even after a missed run,
 * and a node that starts at noon does not send the morning mail in the afternoon.
 */
export const MORNING_HOUR = 8;
export const MORNING_WINDOW_HOURS = 2;

export interface Morning {
  /** the person's local date (YYYY-MM-DD), the mails' idempotency date */
  today: string;
  /** cards due on this date are "due tomorrow" */
  tomorrow: string;
  /** cards due on this date became overdue this morning */
  yesterday: string;
}

/** The person's morning at `now` in `zone`, or null outside the window. */
export function morningAt(now: Date, zone: string): Morning | null {
  const local = DateTime.fromJSDate(now, { zone });
  if (!local.isValid || local.hour < MORNING_HOUR || local.hour >= MORNING_HOUR + MORNING_WINDOW_HOURS) return null;
  return { today: local.toISODate()!, tomorrow: local.plus({ days: 1 }).toISODate()!, yesterday: local.minus({ days: 1 }).toISODate()! };
}

/** Every date some zone on Earth can call yesterday, today or tomorrow at `now` (UTC −12 … +14). */
export function candidateDueDates(now: Date): string[] {
  const utc = DateTime.fromJSDate(now, { zone: 'utc' });
  return [-2, -1, 0, 1, 2].map((d) => utc.plus({ days: d }).toISODate()!);
}
