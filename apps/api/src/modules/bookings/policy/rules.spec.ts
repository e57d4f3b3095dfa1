import type { BookingPolicy } from '@klasteris/contracts';
import { blackoutSpans, evaluateBooking, onGrid, openingSpans, quotaCharges, RuleResource } from './rules';
import { occurrences } from './recurrence';
import { claimSlots, minutesByMonth } from './time';

const t = (s: string): number => Date.parse(s);
const H = 3_600_000;

const policy = (p: Partial<BookingPolicy> = {}): BookingPolicy => ({
  openingHours: [],
  slotMinutes: 60,
  minDurationMinutes: 60,
  maxDurationMinutes: 480,
  minNoticeMinutes: 60,
  maxAdvanceDays: 90,
  maxUnitsPerBooking: 4,
  access: { mode: 'all', organisationIds: [] },
  approval: { required: false, approvers: 'coordinator' },
  quotaHoursPerMonth: null,
  blackouts: [],
  ...p,
});
const resource = (p: Partial<BookingPolicy> = {}, r: Partial<RuleResource> = {}): RuleResource => ({
  capacity: 4,
  timeZone: 'Europe/Vilnius',
  status: 'available',
  policy: policy(p),
  ...r,
});
const NOW = t('2026-03-02T06:00:00Z'); // Monday 08:00 in Vilnius
const weekdays = (open: string, close: string) => [1, 2, 3, 4, 5].map((weekday) => ({ weekday, open, close }));

describe('evaluateBooking', () => {
  it('accepts a booking that keeps every rule', () => {
    expect(evaluateBooking({ start: t('2026-03-03T08:00:00Z'), end: t('2026-03-03T10:00:00Z'), units: 2 }, resource(), NOW)).toBeNull();
  });

  it.each([
    ['maintenance', {}, { status: 'maintenance' as const }, { start: '2026-03-03T08:00:00Z', end: '2026-03-03T09:00:00Z', units: 1 }],
    ['units', {}, {}, { start: '2026-03-03T08:00:00Z', end: '2026-03-03T09:00:00Z', units: 5 }],
    ['units', { maxUnitsPerBooking: 2 }, {}, { start: '2026-03-03T08:00:00Z', end: '2026-03-03T09:00:00Z', units: 3 }],
    ['granularity', {}, {}, { start: '2026-03-03T08:30:00Z', end: '2026-03-03T09:30:00Z', units: 1 }],
    ['granularity', {}, {}, { start: '2026-03-03T09:00:00Z', end: '2026-03-03T09:00:00Z', units: 1 }],
    ['duration', {}, {}, { start: '2026-03-03T08:00:00Z', end: '2026-03-03T17:00:00Z', units: 1 }],
    ['duration', { minDurationMinutes: 120 }, {}, { start: '2026-03-03T08:00:00Z', end: '2026-03-03T09:00:00Z', units: 1 }],
    ['notice', {}, {}, { start: '2026-03-02T06:00:00Z', end: '2026-03-02T07:00:00Z', units: 1 }],
    ['window', {}, {}, { start: '2026-06-01T08:00:00Z', end: '2026-06-01T09:00:00Z', units: 1 }],
    [
      'opening_hours',
      { openingHours: weekdays('08:00', '18:00') },
      {},
      { start: '2026-03-03T05:00:00Z', end: '2026-03-03T07:00:00Z', units: 1 },
    ],
    [
      'opening_hours',
      { openingHours: weekdays('08:00', '18:00') },
      {},
      { start: '2026-03-07T08:00:00Z', end: '2026-03-07T09:00:00Z', units: 1 },
    ],
    [
      'blackout',
      { blackouts: [{ kind: 'once' as const, start: '2026-03-03T08:30:00Z', end: '2026-03-03T08:45:00Z', reason: 'UPS test' }] },
      {},
      { start: '2026-03-03T08:00:00Z', end: '2026-03-03T09:00:00Z', units: 1 },
    ],
    [
      'blackout',
      { blackouts: [{ kind: 'weekly' as const, weekday: 2, from: '10:00', to: '12:00' }] },
      {},
      { start: '2026-03-03T09:00:00Z', end: '2026-03-03T10:00:00Z', units: 1 },
    ],
    ['quota', { quotaHoursPerMonth: 4 }, {}, { start: '2026-03-03T08:00:00Z', end: '2026-03-03T11:00:00Z', units: 2 }],
  ])('breaks %s', (rule, p, r, ask) => {
    const v = evaluateBooking({ start: t(ask.start), end: t(ask.end), units: ask.units }, resource(p, r), NOW);
    expect(v?.rule).toBe(rule);
  });

  it('checks opening hours across several days as one span when they join at midnight', () => {
    const allWeek = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, open: '00:00', close: '24:00' }));
    const ask = { start: t('2026-03-03T20:00:00Z'), end: t('2026-03-04T02:00:00Z'), units: 1 };
    expect(evaluateBooking(ask, resource({ openingHours: allWeek }), NOW)).toBeNull();
    expect(evaluateBooking(ask, resource({ openingHours: allWeek.filter((o) => o.weekday !== 3) }), NOW)?.rule).toBe('opening_hours');
  });

  it('counts whole-day bookings in local days, even on a 23-hour DST day', () => {
    const p = { slotMinutes: 1440 as const, minDurationMinutes: 1440, maxDurationMinutes: 1440, maxAdvanceDays: 60 };
    // 29 March 2026: Vilnius springs forward; the local day is 23 hours long.
    const ask = { start: t('2026-03-28T22:00:00Z'), end: t('2026-03-29T21:00:00Z'), units: 1 };
    expect(ask.end - ask.start).toBe(23 * H);
    expect(evaluateBooking(ask, resource(p), NOW)).toBeNull();
    expect(evaluateBooking({ ...ask, end: ask.start + 24 * H }, resource(p), NOW)?.rule).toBe('granularity');
  });
});

describe('time zones and DST', () => {
  it('opening hours follow the local clock across the Vilnius spring-forward change', () => {
    const p = policy({ openingHours: [6, 7].map((weekday) => ({ weekday, open: '08:00', close: '18:00' })) });
    // Saturday 28 March: EET (+2); Sunday 29 March: EEST (+3).
    expect(openingSpans(p, 'Europe/Vilnius', t('2026-03-28T00:00:00Z'), t('2026-03-30T00:00:00Z'))).toEqual([
      { start: t('2026-03-28T06:00:00Z'), end: t('2026-03-28T16:00:00Z') },
      { start: t('2026-03-29T05:00:00Z'), end: t('2026-03-29T15:00:00Z') },
    ]);
  });

  it('Asia/Muscat has no DST: the same local hours every day of the year', () => {
    const p = policy({ openingHours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, open: '08:00', close: '17:00' })) });
    expect(openingSpans(p, 'Asia/Muscat', t('2026-03-29T00:00:00Z'), t('2026-03-29T23:00:00Z'))).toEqual([
      { start: t('2026-03-29T04:00:00Z'), end: t('2026-03-29T13:00:00Z') },
    ]);
    expect(openingSpans(p, 'Asia/Muscat', t('2026-10-25T00:00:00Z'), t('2026-10-25T23:00:00Z'))).toEqual([
      { start: t('2026-10-25T04:00:00Z'), end: t('2026-10-25T13:00:00Z') },
    ]);
  });

  it('weekly blackouts keep their local time after the autumn change', () => {
    const b = [{ kind: 'weekly' as const, weekday: 1, from: '02:00', to: '04:00', reason: 'Patching' }];
    expect(blackoutSpans(b, 'Europe/Vilnius', t('2026-10-19T00:00:00Z'), t('2026-10-27T00:00:00Z')).map((s) => [s.start, s.end])).toEqual([
      [t('2026-10-18T23:00:00Z'), t('2026-10-19T01:00:00Z')], // EEST
      [t('2026-10-26T00:00:00Z'), t('2026-10-26T02:00:00Z')], // EET
    ]);
  });

  it('the repeated local hour of the autumn change is two different slots', () => {
    const p = policy();
    // 25 October 2026, 04:00 EEST → 03:00 EET: local 03:00–04:00 happens twice.
    expect(onGrid(t('2026-10-25T00:00:00Z'), p, 'Europe/Vilnius')).toBe(true);
    expect(onGrid(t('2026-10-25T01:00:00Z'), p, 'Europe/Vilnius')).toBe(true);
    expect(claimSlots(t('2026-10-25T00:00:00Z'), t('2026-10-25T01:00:00Z'))).not.toContain(t('2026-10-25T01:00:00Z'));
  });

  it('splits quota minutes at local month boundaries', () => {
    // 31 March 23:00 → 1 April 02:00 in Vilnius (EEST).
    expect(Object.fromEntries(minutesByMonth(t('2026-03-31T20:00:00Z'), t('2026-03-31T23:00:00Z'), 'Europe/Vilnius'))).toEqual({
      '2026-03': 60,
      '2026-04': 120,
    });
    expect(quotaCharges({ start: t('2026-03-31T20:00:00Z'), end: t('2026-03-31T23:00:00Z'), units: 3 }, 'Asia/Muscat')).toEqual([
      { month: '2026-04', minutes: 540 },
    ]);
  });

  it('aligns to the local grid, not to UTC, in zones with half-hour offsets', () => {
    const p = policy({ slotMinutes: 60 });
    expect(onGrid(t('2026-03-03T04:30:00Z'), p, 'Asia/Kolkata')).toBe(true); // 10:00 IST
    expect(onGrid(t('2026-03-03T04:00:00Z'), p, 'Asia/Kolkata')).toBe(false); // 09:30 IST
  });
});

describe('occurrences', () => {
  it('weekly occurrences keep the local time across the Vilnius spring change', () => {
    const first = { start: t('2026-03-24T08:00:00Z'), end: t('2026-03-24T10:00:00Z') }; // Tue 10:00–12:00 EET
    expect(occurrences(first, 'Europe/Vilnius', { frequency: 'weekly', count: 3 })).toEqual([
      first,
      { start: t('2026-03-31T07:00:00Z'), end: t('2026-03-31T09:00:00Z') }, // 10:00–12:00 EEST
      { start: t('2026-04-07T07:00:00Z'), end: t('2026-04-07T09:00:00Z') },
    ]);
  });
  it('stops at until, and never passes the maximum', () => {
    const first = { start: t('2026-03-02T08:00:00Z'), end: t('2026-03-02T09:00:00Z') };
    expect(occurrences(first, 'Asia/Muscat', { frequency: 'daily', interval: 2, until: '2026-03-06T08:00:00Z' })).toHaveLength(3);
    expect(occurrences(first, 'Asia/Muscat', { frequency: 'daily' })).toHaveLength(52);
  });
});
