import type { Booking, ClusterEvent, Resource } from '@klasteris/contracts';
import { bookingHelpers, H, iso, mondayUtc } from './support/bookings';
import { eventHelpers } from './support/events';
import { bearer, createTestApp, login, TestApp } from './support/test-app';

describe('events: the venue is booked through the booking engine in the same step', () => {
  let t: TestApp;
  let ev: ReturnType<typeof eventHelpers>;
  let bk: ReturnType<typeof bookingHelpers>;
  let coordinator: string;
  let admin: string;
  let member2: string;
  let orgadmin: string; // Etronika
  let infobaltId: string;
  let etronikaId: string;

  const booking = async (id: string): Promise<Booking> =>
    (await t.http.get(`/api/bookings/${id}`).set(bearer(admin))).body.booking as Booking;
  const busy = async (resourceId: string, from: number): Promise<{ start: string; end: string }[]> =>
    (
      (
        await t.http
          .get(`/api/resources/${resourceId}/availability`)
          .query({ from: iso(from), to: iso(from + 48 * H) })
          .set(bearer(coordinator))
      ).body.busy as { start: string; end: string }[]
    ).map(({ start, end }) => ({ start, end }));
  const eventsNamed = async (title: string): Promise<number> => t.connection.collection('events').countDocuments({ title });
  const bookingsOf = async (resourceId: string): Promise<number> =>
    t.connection
      .collection('bookings')
      .countDocuments({ resourceId: new (await import('mongoose')).Types.ObjectId(resourceId), status: { $in: ['pending', 'confirmed'] } });

  beforeAll(async () => {
    t = await createTestApp();
    ev = eventHelpers(t);
    coordinator = (await login(t, 'coordinator@klasteris.demo')).accessToken;
    admin = (await login(t, 'admin@klasteris.demo')).accessToken;
    member2 = (await login(t, 'member2@klasteris.demo')).accessToken;
    const oa = await login(t, 'orgadmin@klasteris.demo');
    orgadmin = oa.accessToken;
    etronikaId = oa.user.organisationId!;
    infobaltId = (await t.http.get('/api/organisations?q=infobalt')).body.items[0].id;
    bk = bookingHelpers(t, () => ({ token: coordinator, organisationId: infobaltId }));
  });
  afterAll(() => t.close());

  it('publishing books the room (confirmed); a clash answers 409 with the conflict and creates no event and no booking', async () => {
    const room: Resource = await bk.createResource({ name: 'Seminar room 1' });
    const start = mondayUtc(2) + 8 * H;
    const e = await ev.created(coordinator, {
      title: 'Cloud day 1',
      start: iso(start),
      end: iso(start + 3 * H),
      venue: { resourceId: room.id },
    });
    expect(e.venue).toMatchObject({ kind: 'resource', resourceId: room.id, resourceName: 'Seminar room 1', bookingStatus: 'confirmed' });
    const bookingId = (e.venue as { bookingId: string }).bookingId;
    expect(await booking(bookingId)).toMatchObject({
      status: 'confirmed',
      start: iso(start),
      end: iso(start + 3 * H),
      purpose: 'Event: Cloud day 1',
    });
    expect(await busy(room.id, start - 8 * H)).toEqual([{ start: iso(start), end: iso(start + 3 * H) }]);

    const clash = await ev.create(coordinator, {
      title: 'Cloud day clash',
      start: iso(start + H),
      end: iso(start + 4 * H),
      venue: { resourceId: room.id },
    });
    expect(clash.status).toBe(409);
    expect(clash.body.code).toBe('BOOKING_CONFLICT');
    expect(clash.body.details.conflicts).toEqual([{ start: iso(start + H), end: iso(start + 3 * H) }]);
    expect(await eventsNamed('Cloud day clash')).toBe(0);
    expect(await bookingsOf(room.id)).toBe(1);
    expect(await busy(room.id, start - 8 * H)).toEqual([{ start: iso(start), end: iso(start + 3 * H) }]);
  });

  it('a draft books nothing; publishing it books the room', async () => {
    const room = await bk.createResource({ name: 'Seminar room 2' });
    const start = mondayUtc(2) + 9 * H;
    const d = await ev.created(coordinator, {
      title: 'Draft with room',
      start: iso(start),
      end: iso(start + H),
      venue: { resourceId: room.id },
      publish: false,
    });
    expect(d.venue).toMatchObject({ bookingId: null, bookingStatus: null });
    expect(await bookingsOf(room.id)).toBe(0);
    const p = await t.http.patch(`/api/events/${d.id}`).set(bearer(coordinator)).send({ publish: true });
    expect(p.status).toBe(200);
    expect(p.body.event).toMatchObject({ state: 'published', venue: { bookingStatus: 'confirmed' } });
    expect(await bookingsOf(room.id)).toBe(1);
  });

  it('moving moves the booking; a taken new slot answers 409 and keeps the event and its old booking', async () => {
    const room = await bk.createResource({ name: 'Seminar room 3' });
    const start = mondayUtc(3) + 8 * H;
    const e = await ev.created(coordinator, {
      title: 'Movable',
      start: iso(start),
      end: iso(start + 2 * H),
      venue: { resourceId: room.id },
    });
    const first = (e.venue as { bookingId: string }).bookingId;

    // to a free slot later that day: new booking, old one cancelled
    const moved = await t.http
      .patch(`/api/events/${e.id}`)
      .set(bearer(coordinator))
      .send({ start: iso(start + 4 * H), end: iso(start + 6 * H) });
    expect(moved.status).toBe(200);
    const second = (moved.body.event as ClusterEvent).venue as { bookingId: string; bookingStatus: string };
    expect(second.bookingId).not.toBe(first);
    expect(second.bookingStatus).toBe('confirmed');
    expect((await booking(first)).status).toBe('cancelled');
    expect(await booking(second.bookingId)).toMatchObject({ status: 'confirmed', start: iso(start + 4 * H), end: iso(start + 6 * H) });
    expect(await busy(room.id, start - 8 * H)).toEqual([{ start: iso(start + 4 * H), end: iso(start + 6 * H) }]);

    // someone else books the morning; moving there is refused and nothing changes
    expect((await bk.book(member2, { resourceId: room.id, start: iso(start), end: iso(start + 2 * H) })).status).toBe(201);
    const refused = await t.http
      .patch(`/api/events/${e.id}`)
      .set(bearer(coordinator))
      .send({ start: iso(start + H), end: iso(start + 3 * H), title: 'Should not stick' });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('BOOKING_CONFLICT');
    const after = (await t.http.get(`/api/events/${e.id}`).set(bearer(coordinator))).body.event as ClusterEvent;
    expect(after).toMatchObject({ title: 'Movable', start: iso(start + 4 * H), end: iso(start + 6 * H) });
    expect((after.venue as { bookingId: string }).bookingId).toBe(second.bookingId);
    expect((await booking(second.bookingId)).status).toBe('confirmed');

    // a move that overlaps its own booking (one hour later) works
    const shift = await t.http
      .patch(`/api/events/${e.id}`)
      .set(bearer(coordinator))
      .send({ start: iso(start + 5 * H), end: iso(start + 7 * H) });
    expect(shift.status).toBe(200);
    expect(await busy(room.id, start - 8 * H)).toEqual([
      { start: iso(start), end: iso(start + 2 * H) },
      { start: iso(start + 5 * H), end: iso(start + 7 * H) },
    ]);
    expect(await bookingsOf(room.id)).toBe(2);
  });

  it('cancelling the event releases its booking', async () => {
    const room = await bk.createResource({ name: 'Seminar room 4' });
    const start = mondayUtc(3) + 9 * H;
    const e = await ev.created(coordinator, { title: 'To cancel', start: iso(start), end: iso(start + H), venue: { resourceId: room.id } });
    const c = await t.http.post(`/api/events/${e.id}/cancel`).set(bearer(coordinator)).send({ reason: 'Postponed' });
    expect(c.status).toBe(200);
    expect((await booking((e.venue as { bookingId: string }).bookingId)).status).toBe('cancelled');
    expect(await busy(room.id, start - 8 * H)).toEqual([]);
    expect((await t.http.get(`/api/events/${e.id}`).set(bearer(coordinator))).body.event.venue.bookingStatus).toBe('cancelled');
  });

  it('the INFOBALT event hall: booked by whole local days, "venue pending" until a coordinator approves', async () => {
    const hall = ((await t.http.get('/api/resources').set(bearer(coordinator))).body.items as Resource[]).find(
      (r) => r.name === 'INFOBALT event hall',
    )!;
    const day = mondayUtc(4) - 2 * H; // Monday 00:00 in Vilnius (winter, UTC+2) or 01:00 (summer): the widening takes care of it
    const start = day + 10 * H;
    const e = await ev.created(orgadmin, {
      organisationId: etronikaId,
      title: 'Etronika partner day',
      start: iso(start),
      end: iso(start + 5 * H),
      venue: { resourceId: hall.id },
    });
    expect(e.venue).toMatchObject({ kind: 'resource', bookingStatus: 'pending' });
    const b = await booking((e.venue as { bookingId: string }).bookingId);
    expect(Date.parse(b.start)).toBeLessThanOrEqual(start);
    expect(Date.parse(b.end)).toBeGreaterThanOrEqual(start + 5 * H);
    expect(Date.parse(b.end) - Date.parse(b.start)).toBeGreaterThanOrEqual(23 * H);
    const approved = await t.http.post(`/api/bookings/${b.id}/approve`).set(bearer(coordinator)).send({});
    expect(approved.status).toBe(200);
    await new Promise((r) => setTimeout(r, 100));
    expect((await t.http.get(`/api/events/${e.id}`).set(bearer(orgadmin))).body.event.venue.bookingStatus).toBe('confirmed');
  });

  it('a venue the organiser may not book: 400 with the field, nothing written', async () => {
    const closed = await bk.createResource({
      name: 'Infobalt-only room',
      policy: { access: { mode: 'organisations', organisationIds: [] } },
    });
    const start = mondayUtc(5) + 8 * H;
    const res = await ev.create(orgadmin, {
      organisationId: etronikaId,
      title: 'Not here',
      start: iso(start),
      end: iso(start + H),
      venue: { resourceId: closed.id },
    });
    expect(res.status).toBe(400);
    expect(res.body.details.fields).toEqual([{ field: 'venue.resourceId', message: 'you may not book this venue' }]);
    expect(await eventsNamed('Not here')).toBe(0);
    expect(await bookingsOf(closed.id)).toBe(0);
  });
});
