import type { Blackout } from '@klasteris/contracts';
import { DateTime } from 'luxon';

/** A one-off window from local "yyyy-MM-ddTHH:mm" values in `zone`; null when invalid or not start < end. */
export function onceBlackout(start: string, end: string, zone: string, reason: string): Blackout | null {
  const s = DateTime.fromISO(start, { zone });
  const e = DateTime.fromISO(end, { zone });
  if (!s.isValid || !e.isValid || s >= e) return null;
  return { kind: 'once', start: s.toUTC().toISO()!, end: e.toUTC().toISO()!, reason: reason.trim() || null };
}

/** A weekly window (ISO weekday, local "HH:mm", to "24:00" = midnight); null unless from < to. */
export function weeklyBlackout(weekday: number, from: string, to: string, reason: string): Blackout | null {
  if (!/^\d\d:\d\d$/.test(from) || !/^\d\d:\d\d$/.test(to) || from >= to) return null;
  return { kind: 'weekly', weekday, from, to, reason: reason.trim() || null };
}
