import { DateTime, IANAZone } from 'luxon';

/** A half-open interval [start, end) in epoch milliseconds. */
export interface Span {
  start: number;
  end: number;
}

export const MINUTE = 60_000;
/** The claim grid: every booking's time is cut into 15-minute steps of absolute time (UTC). */
export const CLAIM_STEP_MINUTES = 15;
export const CLAIM_STEP_MS = CLAIM_STEP_MINUTES * MINUTE;

export const isValidTimeZone = (zone: string): boolean => IANAZone.isValidZone(zone);

/** "HH:mm" (00:00–24:00) → minutes after local midnight, or null when malformed. */
export function parseHm(hm: string): number | null {
  const m = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(hm);
  if (!m) return null;
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  return minutes <= 1440 ? minutes : null;
}

export const localTime = (ms: number, zone: string): DateTime => DateTime.fromMillis(ms, { zone });

/** The instant of a local wall-clock time on a local date (minutes after midnight; 1440 = next midnight). */
export function atLocal(day: DateTime, minutes: number): number {
  const base = day.startOf('day');
  if (minutes >= 1440) return base.plus({ days: 1 }).startOf('day').toMillis();
  return base.set({ hour: Math.floor(minutes / 60), minute: minutes % 60, second: 0, millisecond: 0 }).toMillis();
}

/**
 * Absolute intervals produced by a per-weekday rule (opening hours, weekly blackouts) for every local
 * day touching [from, to). Local days are walked in the zone, so DST days are 23 or 25 hours long.
 */
export function localDailySpans(from: number, to: number, zone: string, rule: (weekday: number) => { from: number; to: number }[]): Span[] {
  const out: Span[] = [];
  let day = localTime(from, zone).startOf('day');
  const last = localTime(to, zone).startOf('day');
  while (day <= last) {
    for (const r of rule(day.weekday)) {
      const s = atLocal(day, r.from);
      const e = atLocal(day, r.to);
      if (e > s && e > from && s < to) out.push({ start: s, end: e });
    }
    day = day.plus({ days: 1 }).startOf('day');
  }
  return mergeSpans(out);
}

/** Sorted union of intervals; touching intervals join. */
export function mergeSpans(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

/** True when [start, end) lies entirely inside the union of `spans` (merged, sorted). */
export function covered(start: number, end: number, spans: Span[]): boolean {
  let at = start;
  for (const s of spans) {
    if (s.start > at) break;
    if (s.end > at) at = s.end;
    if (at >= end) return true;
  }
  return at >= end;
}

export const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;

/** Start instants of the claim steps covering [start, end); both must lie on the grid. */
export function claimSlots(start: number, end: number): number[] {
  const out: number[] = [];
  for (let t = start; t < end; t += CLAIM_STEP_MS) out.push(t);
  return out;
}

/** Local calendar month "YYYY-MM" of an instant in a zone. */
export const monthOf = (ms: number, zone: string): string => localTime(ms, zone).toFormat('yyyy-MM');

/** Splits [start, end) at local month boundaries: minutes per "YYYY-MM" in the zone. */
export function minutesByMonth(start: number, end: number, zone: string): Map<string, number> {
  const out = new Map<string, number>();
  let at = start;
  while (at < end) {
    const nextMonth = localTime(at, zone).startOf('month').plus({ months: 1 }).toMillis();
    const stop = Math.min(end, nextMonth);
    const key = monthOf(at, zone);
    out.set(key, (out.get(key) ?? 0) + Math.round((stop - at) / MINUTE));
    at = stop;
  }
  return out;
}

/** The absolute span of a local calendar month "YYYY-MM" in a zone. */
export function monthSpan(month: string, zone: string): Span {
  const start = DateTime.fromFormat(month, 'yyyy-MM', { zone }).startOf('month');
  return { start: start.toMillis(), end: start.plus({ months: 1 }).toMillis() };
}

export const iso = (ms: number): string => new Date(ms).toISOString();
