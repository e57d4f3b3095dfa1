import { Types } from 'mongoose';
import { bookingHelpers, H, iso, mondayUtc, nextEuChange } from './support/bookings';
import { bearer, createTestApp, login, TestApp } from './support/test-app';

describe('bookings: rules, quotas, time zones', () => {
  let t: TestApp;
  let coordinator: string;
  let member: string; // Etronika
  let orgadmin: string; // Etronika
  let member2: string; // Data House
  let infobaltId: string;
  let h: ReturnType<typeof bookingHelpers>;

  beforeAll(async () => {
    t = await createTestApp();
    coordinator = (await login(t, 'coordinator@klasteris.demo')).accessToken;
    member = (await login(t, 'member@klasteris.demo')).accessToken;
    orgadmin = (await login(t, 'orgadmin@klasteris.demo')).accessToken;
    member2 = (await login(t, 'member2@klasteris.demo')).accessToken;
    infobaltId = (await t.http.get('/api/organisations?q=infobalt')).body.items[0].id;
    h = bookingHelpers(t, () => ({ token: coordinator, organisationId: infobaltId }));
  });
  afterAll(() => t.close());

  describe('each rule answers 422 BOOKING_RULE_VIOLATED with its name', () => {
    const mon = mondayUtc(2); // Monday; Vilnius is UTC+2 in winter, +3 in summer
    let id: string;
    let local8: number; // Monday 08:00 Vilnius
    beforeAll(async () => {
      const r = await h.createResource({
        name: 'Rules room',
        capacity: 2,
        policy: {
          openingHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, open: '08:00', close: '18:00' })),
          slotMinutes: 60,
          minDurationMinutes: 60,
          maxDurationMinutes: 240,
          minNoticeMinutes: 120,
          maxAdvanceDays: 60,
          maxUnitsPerBooking: 1,
          blackouts: [{ kind: 'weekly', weekday: 3, from: '12:00', to: '14:00', reason: 'Cleaning' }],
          quotaHoursPerMonth: 100,
        },
      });
      id = r.id;
      const offset = (
        await t.http
          .get(`/api/resources/${id}/availability`)
          .query({ from: iso(mon), to: iso(mon + 24 * H) })
          .set(bearer(member))
      ).body.openingHours[0].start;
      local8 = Date.parse(offset);
    });

    it.each([
      ['granularity', (s: number) => ({ start: iso(s + 30 * 60_000), end: iso(s + 90 * 60_000) })],
      ['duration', (s: number) => ({ start: iso(s), end: iso(s + 5 * H) })],
      ['notice', () => ({ start: iso(Math.ceil(Date.now() / H) * H), end: iso(Math.ceil(Date.now() / H) * H + H) })],
      ['window', (s: number) => ({ start: iso(s + 70 * 24 * H), end: iso(s + 70 * 24 * H + H) })],
      ['opening_hours', (s: number) => ({ start: iso(s - H), end: iso(s + H) })],
      ['opening_hours', (s: number) => ({ start: iso(s + 5 * 24 * H), end: iso(s + 5 * 24 * H + H) })], // Saturday
      ['blackout', (s: number) => ({ start: iso(s + 2 * 24 * H + 4 * H), end: iso(s + 2 * 24 * H + 5 * H) })], // Wednesday 12:00
      ['units', (s: number) => ({ start: iso(s), end: iso(s + H), units: 2 })],
    ])('%s', async (rule, times) => {
      const res = await h.book(member, { resourceId: id, ...times(local8) });
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ code: 'BOOKING_RULE_VIOLATED', details: { rule } });
    });

    it('maintenance', async () => {
      const r = await h.createResource({ name: 'Broken room', status: 'maintenance' });
      const res = await h.book(member, { resourceId: r.id, start: iso(local8), end: iso(local8 + H) });
      expect(res.status).toBe(422);
      expect(res.body.details.rule).toBe('maintenance');
    });

    it('one-off blackouts', async () => {
      const r = await h.createResource({
        name: 'UPS room',
        policy: { blackouts: [{ kind: 'once', start: iso(local8 + H), end: iso(local8 + 2 * H), reason: 'UPS test' }] },
      });
      const res = await h.book(member, { resourceId: r.id, start: iso(local8), end: iso(local8 + 3 * H) });
      expect(res.status).toBe(422);
      expect(res.body.details).toMatchObject({ rule: 'blackout', limit: { start: iso(local8 + H), end: iso(local8 + 2 * H) } });
    });

    it('and bad input is 400, never 500', async () => {
      for (const body of [
        { resourceId: id, start: '2026-13-01T10:00:00Z', end: iso(local8) },
        { resourceId: id, start: '2026-12-01T10:00:00', end: '2026-12-01T11:00:00' },
        { resourceId: 'nope', start: iso(local8), end: iso(local8 + H) },
        { resourceId: id, start: iso(local8), end: iso(local8 + H), units: 0 },
      ]) {
        const res = await h.book(member, body);
        expect(res.status).toBe(400);
        expect(res.body.code).toBe('VALIDATION_FAILED');
      }
      expect(
        (await h.book(member, { resourceId: new Types.ObjectId().toHexString(), start: iso(local8), end: iso(local8 + H) })).status,
      ).toBe(404);
    });
  });

  describe('fair-share quota per organisation and month', () => {
    it('counts per organisation, per local month, under concurrency, and refunds on cancel', async () => {
      const r = await h.createResource({ name: 'Quota server', type: 'server', policy: { quotaHoursPerMonth: 3, maxAdvanceDays: 120 } });
      // Three weeks ahead, mid-week: well inside one month or the next; pick a month start to be exact.
      const monthStart = Date.parse(new Date(new Date(mondayUtc(5)).setUTCDate(1)).toISOString().slice(0, 10) + 'T00:00:00Z') + 32 * 24 * H; // into the next month
      const m0 = Date.parse(new Date(monthStart).toISOString().slice(0, 8) + '05T08:00:00Z');
      const slots = Array.from({ length: 8 }, (_, i) => m0 + i * 2 * H);
      // Etronika (two people) fires 8 one-hour requests at once: exactly 3 fit the quota.
      const results = await Promise.all(
        slots.map((s, i) => h.book(i % 2 ? orgadmin : member, { resourceId: r.id, start: iso(s), end: iso(s + H) })),
      );
      expect(results.filter((x) => x.status === 201)).toHaveLength(3);
      const refused = results.filter((x) => x.status === 422);
      expect(refused).toHaveLength(5);
      expect(refused[0]!.body.details).toMatchObject({ rule: 'quota', limit: { quotaHoursPerMonth: 3 } });
      // Another organisation has its own share.
      expect((await h.book(member2, { resourceId: r.id, start: iso(m0 + 20 * H), end: iso(m0 + 23 * H) })).status).toBe(201);
      // The next month is a new month.
      expect((await h.book(member, { resourceId: r.id, start: iso(m0 + 31 * 24 * H), end: iso(m0 + 31 * 24 * H + 3 * H) })).status).toBe(
        201,
      );
      // Cancelling gives the hour back.
      const won = results.find((x) => x.status === 201)!.body.booking;
      const token = won.userId === (await t.http.get('/api/auth/me').set(bearer(member))).body.user.id ? member : orgadmin;
      expect((await t.http.post(`/api/bookings/${won.id}/cancel`).set(bearer(token)).send({})).status).toBe(200);
      expect((await h.book(member, { resourceId: r.id, start: iso(m0 + 40 * H), end: iso(m0 + 41 * H) })).status).toBe(201);
      expect((await h.book(member, { resourceId: r.id, start: iso(m0 + 42 * H), end: iso(m0 + 43 * H) })).body.details.rule).toBe('quota');
    });
  });

  describe('DST: Europe/Vilnius changes its clock, Asia/Muscat does not', () => {
    const spring = nextEuChange(3); // 01:00 UTC on the last Sunday of March
    const autumn = nextEuChange(10);

    it('opening hours follow the local clock on the spring-forward day', async () => {
      const r = await h.createResource({
        name: 'Vilnius lab',
        type: 'lab',
        policy: { maxAdvanceDays: 730, openingHours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, open: '08:00', close: '18:00' })) },
      });
      const day = spring - H; // 00:00 UTC of the change day
      // 08:00 local is 06:00Z the day before (EET, +2) but 05:00Z on the day (EEST, +3).
      expect(
        (await h.book(member, { resourceId: r.id, start: iso(day - 24 * H + 5 * H), end: iso(day - 24 * H + 6 * H) })).body.details?.rule,
      ).toBe('opening_hours');
      expect((await h.book(member, { resourceId: r.id, start: iso(day - 24 * H + 6 * H), end: iso(day - 24 * H + 7 * H) })).status).toBe(
        201,
      );
      expect((await h.book(member, { resourceId: r.id, start: iso(day + 5 * H), end: iso(day + 6 * H) })).status).toBe(201);
      // 18:00 local closes at 15:00Z on the day.
      expect((await h.book(member, { resourceId: r.id, start: iso(day + 15 * H), end: iso(day + 16 * H) })).body.details?.rule).toBe(
        'opening_hours',
      );
    });

    it('the repeated hour of the autumn change is two bookable hours, and a local day lasts 25 hours', async () => {
      const r = await h.createResource({ name: 'Vilnius rack', type: 'rack', policy: { maxAdvanceDays: 730, maxDurationMinutes: 600 } });
      // Local 03:00–04:00 EEST (00:00Z) and 03:00–04:00 EET (01:00Z).
      const first = await h.book(member, { resourceId: r.id, start: iso(autumn - H), end: iso(autumn) });
      const second = await h.book(member2, { resourceId: r.id, start: iso(autumn), end: iso(autumn + H) });
      expect([first.status, second.status]).toEqual([201, 201]);
      expect((await h.book(member2, { resourceId: r.id, start: iso(autumn - H), end: iso(autumn + H) })).status).toBe(409);

      const daily = await h.createResource({
        name: 'Vilnius hall',
        type: 'event_hall',
        policy: { maxAdvanceDays: 730, slotMinutes: 1440, minDurationMinutes: 1440, maxDurationMinutes: 1440 },
      });
      const localMidnight = autumn - 4 * H; // 00:00 EEST = 21:00Z the day before
      const nextMidnight = autumn + 21 * H; // 00:00 EET = 22:00Z on the day
      expect(nextMidnight - localMidnight).toBe(25 * H);
      const whole = await h.book(member, { resourceId: daily.id, start: iso(localMidnight), end: iso(nextMidnight) });
      expect(whole.status).toBe(201);
      expect(
        await t.connection.collection('booking_claims').countDocuments({ bookingId: new Types.ObjectId(whole.body.booking.id as string) }),
      ).toBe(100);
      expect((await h.book(member2, { resourceId: daily.id, start: iso(nextMidnight), end: iso(nextMidnight + 24 * H) })).status).toBe(201);
      expect(
        (await h.book(member2, { resourceId: daily.id, start: iso(localMidnight), end: iso(localMidnight + 24 * H) })).body.details?.rule,
      ).toBe('granularity');
    });

    it('Asia/Muscat keeps +04:00 all year', async () => {
      const r = await h.createResource({
        name: 'Muscat meeting room',
        timeZone: 'Asia/Muscat',
        policy: { maxAdvanceDays: 730, openingHours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, open: '08:00', close: '17:00' })) },
      });
      for (const change of [spring, autumn]) {
        const day = change - H;
        expect((await h.book(member, { resourceId: r.id, start: iso(day + 4 * H), end: iso(day + 5 * H) })).status).toBe(201);
        expect((await h.book(member, { resourceId: r.id, start: iso(day + 3 * H), end: iso(day + 4 * H) })).body.details?.rule).toBe(
          'opening_hours',
        );
      }
      const av = await t.http
        .get(`/api/resources/${r.id}/availability`)
        .query({ from: iso(spring - H), to: iso(spring + 23 * H) })
        .set(bearer(member));
      expect(av.body.openingHours).toEqual([{ start: iso(spring + 3 * H), end: iso(spring + 12 * H) }]);
    });
  });
});
