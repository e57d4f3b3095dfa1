import { DateTime } from 'luxon';
import type { QuietHours } from '@klasteris/contracts';

const minutesOf = (hm: string): number => Number(hm.slice(0, 2)) * 60 + Number(hm.slice(3, 5));

/**
 * When `now` falls inside the person's quiet hours (in their time zone), the moment they end;
 * otherwise null. `end` before `start` spans midnight (22:00–07:00). Wall-clock times that a DST
 * change skips are taken as luxon resolves them (moved forward), so the answer is always a real instant.
 */
export function quietUntil(now: Date, quiet: QuietHours | null, timeZone: string): Date | null {
  if (!quiet || quiet.start === quiet.end) return null;
  const local = DateTime.fromJSDate(now, { zone: timeZone });
  if (!local.isValid) return null;
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  const at = local.hour * 60 + local.minute;
  const inside = start < end ? at >= start && at < end : at >= start || at < end;
  if (!inside) return null;
  // the end is today, or tomorrow when the period spans midnight and we are before it
  const day = start < end || at < end ? local.startOf('day') : local.startOf('day').plus({ days: 1 });
  return day.set({ hour: Math.floor(end / 60), minute: end % 60 }).toJSDate();
}
