import { DateTime } from 'luxon';
import { Frequency, RRule } from 'rrule';
import type { EventRecurrence } from '@klasteris/contracts';

/** A series lasts at most this long: its last occurrence starts at most two years after the first. */
export const SERIES_MAX_YEARS = 2;
export const SERIES_MAX_OCCURRENCES = 120;

export interface PlannedOccurrence {
  index: number;
  start: number;
  end: number;
}

export type PlanResult = { ok: true; occurrences: PlannedOccurrence[] } | { ok: false; field: string; message: string };

/**
 * The occurrences of a weekly or monthly series, in the event's own zone: 10:00 in Vilnius stays
 * 10:00 across daylight-saving changes. rrule works on "floating" times (wall-clock components
 * carried in a UTC Date); each is read back as that wall-clock time in `zone`. A monthly series on
 * the 31st skips months without one (RFC 5545). Refused (field + message): a series longer than
 * SERIES_MAX_YEARS, more than SERIES_MAX_OCCURRENCES, or fewer than two occurrences.
 */
export function planSeries(start: number, end: number, zone: string, r: EventRecurrence): PlanResult {
  const local = DateTime.fromMillis(start, { zone });
  const floating = (d: DateTime): Date => new Date(Date.UTC(d.year, d.month - 1, d.day, d.hour, d.minute, d.second));
  const limit = local.plus({ years: SERIES_MAX_YEARS });
  let until: DateTime | null = null;
  if (r.until !== undefined) {
    until = DateTime.fromISO(r.until, { zone });
    if (!until.isValid) return { ok: false, field: 'recurrence.until', message: 'until must be a date' };
    // a plain date means "up to and including that day"
    if (/^\d{4}-\d{2}-\d{2}$/.test(r.until)) until = until.endOf('day');
    if (until.toMillis() < start) return { ok: false, field: 'recurrence.until', message: 'until must not be before the first occurrence' };
    if (until > limit.endOf('day'))
      return { ok: false, field: 'recurrence.until', message: `a series lasts at most ${SERIES_MAX_YEARS} years` };
  }
  const rule = new RRule({
    freq: r.freq === 'weekly' ? Frequency.WEEKLY : Frequency.MONTHLY,
    interval: r.interval ?? 1,
    dtstart: floating(local),
    ...(r.count !== undefined ? { count: Math.min(r.count, SERIES_MAX_OCCURRENCES + 1) } : {}),
    ...(until ? { until: floating(until) } : {}),
  });
  const floats = rule.all((_d, i) => i <= SERIES_MAX_OCCURRENCES);
  const duration = end - start;
  const occurrences = floats.map((f, index) => {
    const wall = DateTime.fromObject(
      {
        year: f.getUTCFullYear(),
        month: f.getUTCMonth() + 1,
        day: f.getUTCDate(),
        hour: f.getUTCHours(),
        minute: f.getUTCMinutes(),
        second: f.getUTCSeconds(),
      },
      { zone },
    );
    return { index, start: wall.toMillis(), end: wall.toMillis() + duration };
  });
  const field = r.count !== undefined ? 'recurrence.count' : 'recurrence.until';
  if (occurrences.length > SERIES_MAX_OCCURRENCES)
    return { ok: false, field, message: `a series has at most ${SERIES_MAX_OCCURRENCES} occurrences` };
  const last = occurrences[occurrences.length - 1];
  if (last && last.start > limit.toMillis()) return { ok: false, field, message: `a series lasts at most ${SERIES_MAX_YEARS} years` };
  if (occurrences.length < 2) return { ok: false, field, message: 'a series has at least two occurrences' };
  return { ok: true, occurrences };
}
