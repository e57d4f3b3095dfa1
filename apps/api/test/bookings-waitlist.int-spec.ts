import { Types } from 'mongoose';
import type { WaitlistEntry } from '@klasteris/contracts';
import { WaitlistService } from '../src/modules/bookings/waitlist.service';
import { bookingHelpers, H, iso, mondayUtc } from './support/bookings';
import { bearer, createTestApp, login, TestApp } from './support/test-app';

describe('bookings: waitlist', () => {
  let t: TestApp;
  let coordinator: string;
  let member: string;
  let orgadmin: string;
  let member2: string;
  let infobaltId: string;
  let h: ReturnType<typeof bookingHelpers>;
  const start = mondayUtc(2) + 9 * H;

  const mine = async (token: string): Promise<WaitlistEntry[]> => (await t.http.get('/api/waitlist/mine').set(bearer(token))).body.items;
  const until = async <T>(f: () => Promise<T>, ok: (v: T) => boolean): Promise<T> => {
    for (let i = 0; i < 50; i++) {
      const v = await f();
      if (ok(v)) return v;
      await new Promise((r) => setTimeout(r, 50));
    }
    return f();
  };

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

  it('offers a freed slot to the first in line with a hold, then to the next when the hold expires', async () => {
    const r = await h.createResource({ name: 'Popular room' });
    const taken = await h.book(member2, { resourceId: r.id, start: iso(start), end: iso(start + H) });
    const slot = { resourceId: r.id, start: iso(start), end: iso(start + H), purpose: 'Waiting for the room' };
    const first = await t.http.post('/api/waitlist').set(bearer(member)).send(slot);
    expect(first.status).toBe(201);
    expect(first.body.entry.status).toBe('waiting');
    await new Promise((r) => setTimeout(r, 5));
    const second = await t.http.post('/api/waitlist').set(bearer(orgadmin)).send(slot);
    expect(second.body.entry.status).toBe('waiting');

    expect((await t.http.post(`/api/bookings/${taken.body.booking.id}/cancel`).set(bearer(member2)).send({})).status).toBe(200);
    const offered = (
      await until(
        () => mine(member),
        (l) => l[0]?.status === 'offered',
      )
    )[0]!;
    expect(offered).toMatchObject({ status: 'offered', offerBookingId: expect.any(String) });
    expect(Date.parse(offered.offerExpiresAt!) - Date.now()).toBeGreaterThan(25 * 60_000);
    expect((await mine(orgadmin))[0]!.status).toBe('waiting');
    // The hold holds the time: nobody else can take it meanwhile.
    expect((await h.book(member2, { resourceId: r.id, start: iso(start), end: iso(start + H) })).status).toBe(409);
    expect((await t.http.get('/api/notifications').set(bearer(member))).body.items[0]).toMatchObject({ kind: 'booking.waitlist_offer' });

    // The hold runs out: the next in line is offered the time.
    await t.connection
      .collection('bookings')
      .updateOne({ _id: new Types.ObjectId(offered.offerBookingId!) }, { $set: { holdExpiresAt: new Date(Date.now() - 1000) } });
    expect(await t.app.get(WaitlistService).sweep()).toBe(1);
    const next = (
      await until(
        () => mine(orgadmin),
        (l) => l[0]?.status === 'offered',
      )
    )[0]!;
    expect(next.status).toBe('offered');
    expect(await mine(member)).toEqual([]);
    expect((await t.http.post(`/api/waitlist/${next.id}/accept`).set(bearer(member)).send()).status).toBe(404);
    const accepted = await t.http.post(`/api/waitlist/${next.id}/accept`).set(bearer(orgadmin)).send();
    expect(accepted.status).toBe(200);
    expect(accepted.body.booking).toMatchObject({ status: 'confirmed', start: iso(start), purpose: 'Waiting for the room' });
    expect((await t.http.post(`/api/waitlist/${next.id}/accept`).set(bearer(orgadmin)).send()).body.code).toBe('BOOKING_STATE_CONFLICT');
  });

  it('a free time is offered at once; leaving the waitlist frees the hold', async () => {
    const r = await h.createResource({ name: 'Quiet room' });
    const joined = await t.http
      .post('/api/waitlist')
      .set(bearer(member))
      .send({ resourceId: r.id, start: iso(start), end: iso(start + H), purpose: 'Just in case' });
    expect(joined.body.entry.status).toBe('offered');
    expect((await h.book(member2, { resourceId: r.id, start: iso(start), end: iso(start + H) })).status).toBe(409);
    expect((await t.http.delete(`/api/waitlist/${joined.body.entry.id}`).set(bearer(member))).status).toBe(204);
    expect((await h.book(member2, { resourceId: r.id, start: iso(start), end: iso(start + H) })).status).toBe(201);
  });

  it('the waitlist keeps the booking rules and permissions', async () => {
    const r = await h.createResource({ name: 'Members-only room', policy: { access: { mode: 'organisations', organisationIds: [] } } });
    expect(
      (
        await t.http
          .post('/api/waitlist')
          .set(bearer(member))
          .send({ resourceId: r.id, start: iso(start), end: iso(start + H), purpose: 'Nope' })
      ).status,
    ).toBe(403);
    const open = await h.createResource({ name: 'Short room', policy: { maxDurationMinutes: 60 } });
    const res = await t.http
      .post('/api/waitlist')
      .set(bearer(member))
      .send({ resourceId: open.id, start: iso(start), end: iso(start + 2 * H), purpose: 'Too long' });
    expect(res.status).toBe(422);
    expect(res.body.details.rule).toBe('duration');
  });
});

describe('bookings: utilisation', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('reports booked against open unit-hours per organisation and month, as JSON and CSV, to coordinators', async () => {
    const coordinator = (await login(t, 'coordinator@klasteris.demo')).accessToken;
    const member = (await login(t, 'member@klasteris.demo')).accessToken;
    const member2 = (await login(t, 'member2@klasteris.demo')).accessToken;
    const orgadmin2 = (await login(t, 'orgadmin2@klasteris.demo')).accessToken;
    const infobaltId = (await t.http.get('/api/organisations?q=infobalt')).body.items[0].id;
    const h = bookingHelpers(t, () => ({ token: coordinator, organisationId: infobaltId }));
    const r = await h.createResource({
      name: 'Measured lab',
      capacity: 2,
      policy: {
        openingHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, open: '08:00', close: '18:00' })),
        approval: { required: true, approvers: 'coordinator' },
      },
    });
    const monday = mondayUtc(2) + 7 * H; // 09:00 Vilnius in winter
    const a = await h.book(member, { resourceId: r.id, start: iso(monday), end: iso(monday + 2 * H), units: 2 });
    await h.book(member2, { resourceId: r.id, start: iso(monday + 2 * H), end: iso(monday + 3 * H) });
    await t.http.post(`/api/bookings/${a.body.booking.id}/approve`).set(bearer(coordinator)).send({});
    const month = new Date(monday).toISOString().slice(0, 7);

    const res = await t.http.get('/api/bookings/utilisation').query({ month, resourceId: r.id }).set(bearer(coordinator));
    expect(res.status).toBe(200);
    const { DateTime } = await import('luxon');
    const first = DateTime.fromISO(`${month}-01`, { zone: 'Europe/Vilnius' });
    let weekdays = 0;
    for (let d = first; d.month === first.month; d = d.plus({ days: 1 })) if (d.weekday <= 5) weekdays++;
    const byOrg = Object.fromEntries(res.body.rows.map((row: { organisationName: string }) => [row.organisationName, row]));
    expect(byOrg['Etronika']).toMatchObject({
      bookedHours: 4,
      availableHours: weekdays * 10 * 2,
      bookings: 1,
      meanApprovalHours: expect.any(Number),
    });
    expect(byOrg['Data House']).toMatchObject({ bookedHours: 1, bookings: 1, meanApprovalHours: null });

    const csv = await t.http.get('/api/bookings/utilisation.csv').query({ month, resourceId: r.id }).set(bearer(coordinator));
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.text.split('\r\n')[0]).toBe(
      'month,resource,organisation,booked_hours,available_hours,share_percent,bookings,mean_approval_hours,no_shows',
    );
    expect(csv.text).toContain(`${month},Measured lab,Etronika,4,${weekdays * 20},`);

    expect((await t.http.get('/api/bookings/utilisation').query({ month }).set(bearer(member))).status).toBe(403);
    const own = await t.http.get('/api/bookings/utilisation').query({ month }).set(bearer(orgadmin2));
    expect(own.status).toBe(200);
    expect(own.body.rows.every((row: { resourceName: string }) => row.resourceName.startsWith('Data House'))).toBe(true);
    expect((await t.http.get('/api/bookings/utilisation').query({ month: '2026-13' }).set(bearer(coordinator))).status).toBe(400);
  });

  it('check-in: the requester checks in during the booking; ended bookings without check-in count as no-shows', async () => {
    const coordinator = (await login(t, 'coordinator@klasteris.demo')).accessToken;
    const member = (await login(t, 'member@klasteris.demo')).accessToken;
    const member2 = (await login(t, 'member2@klasteris.demo')).accessToken;
    const infobaltId = (await t.http.get('/api/organisations?q=infobalt')).body.items[0].id;
    const h = bookingHelpers(t, () => ({ token: coordinator, organisationId: infobaltId }));
    const r = await h.createResource({ name: 'Check-in lab', policy: { slotMinutes: 15, minDurationMinutes: 15, checkIn: true } });
    const Q = 15 * 60_000;
    const soon = Math.ceil((Date.now() + 1000) / Q) * Q;
    const now = await h.book(member, { resourceId: r.id, start: iso(soon), end: iso(soon + H) });
    expect(now.status).toBe(201);
    const later = await h.book(member, { resourceId: r.id, start: iso(soon + 24 * H), end: iso(soon + 25 * H) });
    expect((await t.http.post(`/api/bookings/${now.body.booking.id}/check-in`).set(bearer(member2))).status).toBe(404);
    const checked = await t.http.post(`/api/bookings/${now.body.booking.id}/check-in`).set(bearer(member));
    expect(checked.status).toBe(200);
    expect(checked.body.booking.checkedInAt).toEqual(expect.any(String));
    expect((await t.http.post(`/api/bookings/${now.body.booking.id}/check-in`).set(bearer(member))).body.booking.checkedInAt).toBe(
      checked.body.booking.checkedInAt,
    );
    expect((await t.http.post(`/api/bookings/${later.body.booking.id}/check-in`).set(bearer(member))).body.code).toBe(
      'BOOKING_STATE_CONFLICT',
    );

    // An ended booking nobody checked in to (written directly: the API cannot book the past).
    const past = new Date(Date.now() - 3 * H);
    const doc = await t.connection.collection('bookings').findOne({ _id: new Types.ObjectId(now.body.booking.id as string) });
    await t.connection.collection('bookings').insertOne({
      ...doc,
      _id: new Types.ObjectId(),
      start: past,
      end: new Date(past.getTime() + H),
      checkedInAt: null,
      status: 'completed',
    });
    const report = await t.http
      .get('/api/bookings/utilisation')
      .query({ month: past.toISOString().slice(0, 7), resourceId: r.id })
      .set(bearer(coordinator));
    expect(report.body.rows[0]).toMatchObject({ organisationName: 'Etronika', noShows: 1 });
  });
});
