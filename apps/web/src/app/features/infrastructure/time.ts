import { DateTime } from 'luxon';
import type { OpeningHours } from '@klasteris/contracts';

/** Browser's own zone, to show the viewer's local time next to the resource's when they differ. */
export const viewerZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

export const inZone = (iso: string, zone: string): DateTime => DateTime.fromISO(iso, { zone });

/** "HH:mm" in a zone. */
export const hm = (iso: string, zone: string): string => inZone(iso, zone).toFormat('HH:mm');

/** A readable range in the resource's zone, e.g. "Tue 3 Mar, 10:00–12:00". */
export function rangeLabel(startIso: string, endIso: string, zone: string, locale: string): string {
  const s = inZone(startIso, zone).setLocale(locale);
  const e = inZone(endIso, zone).setLocale(locale);
  if (s.hasSame(e.minus({ milliseconds: 1 }), 'day') && !(s.hour === 0 && s.minute === 0 && e.hour === 0 && e.minute === 0)) {
    return `${s.toFormat('ccc d LLL yyyy, HH:mm')}–${e.toFormat('HH:mm')}`;
  }
  if (s.hour === 0 && s.minute === 0 && e.hour === 0 && e.minute === 0) {
    const last = e.minus({ days: 1 });
    return s.hasSame(last, 'day') ? s.toFormat('ccc d LLL yyyy') : `${s.toFormat('d LLL')} – ${last.toFormat('d LLL yyyy')}`;
  }
  return `${s.toFormat('ccc d LLL, HH:mm')} – ${e.toFormat('ccc d LLL yyyy, HH:mm')}`;
}

/** The zone's UTC offset label at an instant, e.g. "UTC+03:00". */
export const offsetLabel = (iso: string, zone: string): string => `UTC${inZone(iso, zone).toFormat('ZZ')}`;

/** Monday 00:00 of the week containing `at`, in `zone`. */
export const weekStart = (at: DateTime): DateTime => at.startOf('week');

/** Opening hours of a weekday as "08:00–18:00, …", or null when closed (empty list = always open). */
export function openingFor(hours: OpeningHours[], weekday: number): string | null {
  if (hours.length === 0) return '00:00–24:00';
  const day = hours.filter((h) => h.weekday === weekday);
  return day.length ? day.map((h) => `${h.open}–${h.close}`).join(', ') : null;
}

/** Minutes as "1 h 30 min" / "2 d". */
export function durationLabel(minutes: number, t: (key: string, p?: Record<string, unknown>) => string): string {
  if (minutes >= 1440 && minutes % 1440 === 0) return t('infrastructure.units.days', { n: minutes / 1440 });
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return [h ? t('infrastructure.units.hours', { n: h }) : '', m ? t('infrastructure.units.minutes', { n: m }) : '']
    .filter(Boolean)
    .join(' ');
}
