import type { Recurrence } from '@klasteris/contracts';
import { localTime, Span } from './time';

export const MAX_OCCURRENCES = 52;

/**
 * Occurrences of a repeating booking in the resource's local time: "every Tuesday 10:00–12:00" stays
 * 10:00–12:00 local across DST changes, so the absolute times shift by an hour. The first occurrence is
 * the request itself; `until` is inclusive of occurrences starting before it.
 */
export function occurrences(first: Span, zone: string, r: Recurrence): Span[] {
  const step = Math.max(1, r.interval ?? 1) * (r.frequency === 'weekly' ? 7 : 1);
  const count = Math.min(r.count ?? MAX_OCCURRENCES, MAX_OCCURRENCES);
  const until = r.until ? Date.parse(r.until) : Number.POSITIVE_INFINITY;
  const s0 = localTime(first.start, zone);
  const e0 = localTime(first.end, zone);
  const out: Span[] = [];
  for (let i = 0; out.length < count; i++) {
    const start = s0.plus({ days: i * step }).toMillis();
    if (start > until) break;
    out.push({ start, end: e0.plus({ days: i * step }).toMillis() });
  }
  return out;
}
