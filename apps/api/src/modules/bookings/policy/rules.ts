import type { Blackout, BookingPolicy, BookingRule, ResourceStatus } from '@klasteris/contracts';
import { CLAIM_STEP_MS, covered, localDailySpans, localTime, MINUTE, minutesByMonth, overlaps, parseHm, Span } from './time';

/** What the booking rules need to know about a resource. */
export interface RuleResource {
  capacity: number;
  timeZone: string;
  status: ResourceStatus;
  policy: BookingPolicy;
}

export interface RuleViolation {
  rule: BookingRule;
  message: string;
  limit?: Record<string, unknown>;
}

export interface BookingAsk {
  start: number;
  end: number;
  units: number;
}

const violation = (rule: BookingRule, message: string, limit?: Record<string, unknown>): RuleViolation => ({
  rule,
  message,
  ...(limit ? { limit } : {}),
});

/** Absolute opening intervals touching [from, to); around the clock when the policy lists none. */
export function openingSpans(policy: BookingPolicy, zone: string, from: number, to: number): Span[] {
  if (policy.openingHours.length === 0) return [{ start: from, end: to }];
  return localDailySpans(from, to, zone, (weekday) =>
    policy.openingHours.filter((o) => o.weekday === weekday).map((o) => ({ from: parseHm(o.open) ?? 0, to: parseHm(o.close) ?? 0 })),
  );
}

/** Absolute blackout intervals touching [from, to): one-off windows and weekly ones in local time. */
export function blackoutSpans(blackouts: Blackout[], zone: string, from: number, to: number): (Span & { reason: string | null })[] {
  const out: (Span & { reason: string | null })[] = [];
  for (const b of blackouts) {
    if (b.kind === 'once' && b.start && b.end) {
      const s = { start: Date.parse(b.start), end: Date.parse(b.end) };
      if (overlaps(s, { start: from, end: to })) out.push({ ...s, reason: b.reason ?? null });
    } else if (b.kind === 'weekly' && b.weekday && b.from && b.to) {
      const f = parseHm(b.from) ?? 0;
      const t = parseHm(b.to) ?? 0;
      for (const s of localDailySpans(from, to, zone, (wd) => (wd === b.weekday ? [{ from: f, to: t }] : [])))
        out.push({ ...s, reason: b.reason ?? null });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** On the resource's slot grid: whole slots of local wall-clock time (whole local days for 1440). */
export function onGrid(ms: number, policy: BookingPolicy, zone: string): boolean {
  if (ms % CLAIM_STEP_MS !== 0) return false;
  const local = localTime(ms, zone);
  if (policy.slotMinutes >= 1440) return local.hour === 0 && local.minute === 0;
  return (local.hour * 60 + local.minute) % policy.slotMinutes === 0;
}

/** Length counted as the policy counts it: minutes of absolute time, or whole local days × 1440. */
export function policyDuration(ask: BookingAsk, policy: BookingPolicy, zone: string): number {
  if (policy.slotMinutes >= 1440) {
    return Math.round(localTime(ask.end, zone).diff(localTime(ask.start, zone), 'days').days) * 1440;
  }
  return (ask.end - ask.start) / MINUTE;
}

/**
 * Every rule a single booking must satisfy, in a fixed order; the first one broken is returned.
 * Pure: the caller supplies `now`. Capacity and quota usage are enforced by the database, not here.
 */
export function evaluateBooking(ask: BookingAsk, r: RuleResource, now: number): RuleViolation | null {
  const p = r.policy;
  if (r.status === 'maintenance') return violation('maintenance', 'The resource is under maintenance');
  if (!Number.isInteger(ask.units) || ask.units < 1 || ask.units > Math.min(r.capacity, p.maxUnitsPerBooking)) {
    return violation('units', `Book between 1 and ${Math.min(r.capacity, p.maxUnitsPerBooking)} units`, {
      maxUnits: Math.min(r.capacity, p.maxUnitsPerBooking),
    });
  }
  if (!(ask.end > ask.start) || !onGrid(ask.start, p, r.timeZone) || !onGrid(ask.end, p, r.timeZone)) {
    return violation('granularity', p.slotMinutes >= 1440 ? 'Book whole days' : `Start and end on ${p.slotMinutes}-minute slots`, {
      slotMinutes: p.slotMinutes,
    });
  }
  const minutes = policyDuration(ask, p, r.timeZone);
  if (minutes < p.minDurationMinutes || minutes > p.maxDurationMinutes) {
    return violation('duration', `A booking lasts between ${p.minDurationMinutes} and ${p.maxDurationMinutes} minutes`, {
      minDurationMinutes: p.minDurationMinutes,
      maxDurationMinutes: p.maxDurationMinutes,
    });
  }
  if (ask.start < now + p.minNoticeMinutes * MINUTE) {
    return violation('notice', `Book at least ${p.minNoticeMinutes} minutes ahead`, { minNoticeMinutes: p.minNoticeMinutes });
  }
  if (ask.end > now + p.maxAdvanceDays * 1440 * MINUTE) {
    return violation('window', `Book at most ${p.maxAdvanceDays} days ahead`, { maxAdvanceDays: p.maxAdvanceDays });
  }
  if (!covered(ask.start, ask.end, openingSpans(p, r.timeZone, ask.start, ask.end))) {
    return violation('opening_hours', 'The booking falls outside opening hours', { openingHours: p.openingHours });
  }
  const blackout = blackoutSpans(p.blackouts, r.timeZone, ask.start, ask.end).find((b) => overlaps(b, ask));
  if (blackout) {
    return violation('blackout', `The resource is unavailable then${blackout.reason ? `: ${blackout.reason}` : ''}`, {
      start: new Date(blackout.start).toISOString(),
      end: new Date(blackout.end).toISOString(),
    });
  }
  if (p.quotaHoursPerMonth !== null) {
    const limit = p.quotaHoursPerMonth * 60;
    for (const [month, m] of minutesByMonth(ask.start, ask.end, r.timeZone)) {
      if (m * ask.units > limit) return quotaViolation(p.quotaHoursPerMonth, month);
    }
  }
  return null;
}

export const quotaViolation = (hoursPerMonth: number, month: string): RuleViolation =>
  violation('quota', `Your organisation's share of ${hoursPerMonth} unit-hours in ${month} would be exceeded`, {
    quotaHoursPerMonth: hoursPerMonth,
    month,
  });

/** Unit-minutes a booking charges to its organisation's quota, per local month. */
export function quotaCharges(ask: BookingAsk, zone: string): { month: string; minutes: number }[] {
  return [...minutesByMonth(ask.start, ask.end, zone)].map(([month, m]) => ({ month, minutes: m * ask.units }));
}
