import ICAL from 'ical.js';
import { Types } from 'mongoose';
import type { ClusterEvent, EventSeriesResponse } from '@klasteris/contracts';
import { bookingHelpers, H, iso, mondayUtc } from './support/bookings';
import { eventBody } from './support/events';
import { bearer, createTestApp, login, TestApp } from './support/test-app';

const WEEK = 7 * 24 * H;

describe('events: weekly and monthly series, occurrences moved or cancelled one by one', () => {
  let t: TestApp;
  let coordinator: string;
  let member: string;
  let member2: string;
  let salim: string;
  let groupId: string;
  let bk: ReturnType<typeof bookingHelpers>;

  const create = (token: string, over: Record<string, unknown>) =>
    t.http.post('/api/event-series').set(bearer(token)).send(eventBody(over));
  const count = (c: string, filter: Record<string, unknown> = {}) => t.connection.collection(c).countDocuments(filter);

  beforeAll(async () => {
    t = await createTestApp();
    coordinator = (await login(t, 'coordinator@klasteris.demo')).accessToken;
    member = (await login(t, 'member@klasteris.demo')).accessToken;
    member2 = (await login(t, 'member2@klasteris.demo')).accessToken;
    salim = (await login(t, 'salim@klasteris.demo')).accessToken;
    const groups = await t.http.get('/api/groups').query({ q: 'Middle East' }).set(bearer(coordinator));
    groupId = (groups.body.items as { id: string; name: string }[]).find((g) => g.name === 'Middle East market entry')!.id;
    const infobaltId = (await t.http.get('/api/organisations?q=infobalt')).body.items[0].id as string;
    bk = bookingHelpers(t, () => ({ token: coordinator, organisationId: infobaltId }));
  });
  afterAll(() => t.close());

  it('a weekly series: occurrences are events; one moved and one cancelled; the series ICS parses with ical.js (RRULE, EXDATE, RECURRENCE-ID)', async () => {
    const start = mondayUtc(3) + 8 * H;
    const res = await create(coordinator, {
      title: 'Cloud cooperation weekly',
      start: iso(start),
      end: iso(start + 2 * H),
      capacity: 20,
      recurrence: { freq: 'weekly', count: 4 },
    });
    expect(res.status).toBe(201);
    const body = res.body as EventSeriesResponse;
    expect(body.series).toMatchObject({
      recurrence: { freq: 'weekly', interval: 1, count: 4 },
      timeZone: 'Europe/Vilnius',
      occurrences: 4,
    });
    expect(body.events.map((e) => e.start)).toEqual([0, 1, 2, 3].map((i) => iso(start + i * WEEK)));
    expect(body.events.map((e) => e.series)).toEqual(
      [0, 1, 2, 3].map((i) => ({ id: body.series.id, index: i, originalStart: iso(start + i * WEEK), moved: false })),
    );
    const [o0, o1, o2] = body.events as [ClusterEvent, ClusterEvent, ClusterEvent, ClusterEvent];

    // each occurrence is an event: members see it, RSVP to it
    expect((await t.http.post(`/api/events/${o0.id}/rsvp`).set(bearer(member)).send({ status: 'going' })).body.rsvp).toEqual({
      status: 'going',
    });
    // move the second by a day and an hour, cancel the third
    const moved = await t.http
      .patch(`/api/events/${o1.id}`)
      .set(bearer(coordinator))
      .send({ start: iso(start + WEEK + 25 * H), end: iso(start + WEEK + 27 * H) });
    expect(moved.status).toBe(200);
    expect(moved.body.event.series).toMatchObject({ index: 1, moved: true, originalStart: iso(start + WEEK) });
    expect((await t.http.post(`/api/events/${o2.id}/cancel`).set(bearer(coordinator)).send({ reason: 'Public holiday' })).status).toBe(200);

    const got = await t.http.get(`/api/event-series/${body.series.id}`).set(bearer(member));
    expect(got.status).toBe(200);
    expect((got.body as EventSeriesResponse).events.map((e) => [e.state, e.series?.moved, e.myRsvp?.status ?? null])).toEqual([
      ['published', false, 'going'],
      ['published', true, null],
      ['cancelled', false, null],
      ['published', false, null],
    ]);

    const ics = await t.http.get(`/api/event-series/${body.series.id}/calendar.ics`).set(bearer(member));
    expect(ics.status).toBe(200);
    expect(ics.headers['content-type']).toContain('text/calendar');
    const cal = new ICAL.Component(ICAL.parse(ics.text));
    expect(cal.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe('Europe/Vilnius');
    const vevents = cal.getAllSubcomponents('vevent');
    const master = new ICAL.Event(vevents.find((v) => !v.hasProperty('recurrence-id'))!);
    for (const v of vevents.filter((x) => x.hasProperty('recurrence-id'))) master.relateException(v);
    expect(master.isRecurring()).toBe(true);
    const it = master.iterator();
    const seen: { start: number; end: number }[] = [];
    for (let next = it.next(); next; next = it.next()) {
      const d = master.getOccurrenceDetails(next);
      seen.push({ start: d.startDate.toJSDate().getTime(), end: d.endDate.toJSDate().getTime() });
    }
    expect(seen).toEqual([
      { start, end: start + 2 * H },
      { start: start + WEEK + 25 * H, end: start + WEEK + 27 * H },
      { start: start + 3 * WEEK, end: start + 3 * WEEK + 2 * H },
    ]);
  });

  it('bad input: longer than two years, count or until missing or both, a bad interval — 400 with the field, nothing written', async () => {
    const before = [await count('events'), await count('event_series')];
    const cases: [Record<string, unknown>, string][] = [
      [{ freq: 'monthly', count: 30 }, 'recurrence.count'],
      [{ freq: 'weekly', until: iso(Date.now() + 3 * 365 * 24 * H) }, 'recurrence.until'],
      [{ freq: 'weekly' }, 'recurrence.freq'],
      [{ freq: 'weekly', count: 3, until: '2030-01-01' }, 'recurrence.freq'],
      [{ freq: 'daily', count: 3 }, 'recurrence.freq'],
      [{ freq: 'weekly', count: 3, interval: 0 }, 'recurrence.interval'],
      [{ freq: 'weekly', count: 1 }, 'recurrence.count'],
      [{ freq: 'weekly', until: 'soon' }, 'recurrence.until'],
    ];
    for (const [recurrence, field] of cases) {
      const res = await create(coordinator, { title: 'Too long', recurrence });
      expect(`${JSON.stringify(recurrence)} → ${res.status}`).toBe(`${JSON.stringify(recurrence)} → 400`);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect((res.body.details.fields as { field: string }[]).map((f) => f.field)).toContain(field);
    }
    expect((await create(coordinator, { title: 'No rule' })).body.details.fields.map((f: { field: string }) => f.field)).toContain(
      'recurrence',
    );
    expect([await count('events'), await count('event_series')]).toEqual(before);
  });

  it('a resource venue is booked per occurrence; any conflict answers 409 listing it, and nothing is created or booked', async () => {
    const room = await bk.createResource({ name: 'Series room' });
    const start = mondayUtc(5) + 9 * H;
    const taken = await bk.book(coordinator, { resourceId: room.id, start: iso(start + 2 * WEEK), end: iso(start + 2 * WEEK + H) });
    expect(taken.status).toBe(201);
    const roomId = new Types.ObjectId(room.id);
    const before = [await count('events'), await count('event_series'), await count('bookings', { resourceId: roomId })];
    const clash = await create(coordinator, {
      title: 'Room series',
      start: iso(start),
      end: iso(start + 2 * H),
      venue: { resourceId: room.id },
      recurrence: { freq: 'weekly', count: 4 },
    });
    expect(clash.status).toBe(409);
    expect(clash.body.code).toBe('BOOKING_CONFLICT');
    expect(clash.body.details.occurrences).toEqual([
      {
        index: 2,
        start: iso(start + 2 * WEEK),
        end: iso(start + 2 * WEEK + 2 * H),
        conflicts: [{ start: iso(start + 2 * WEEK), end: iso(start + 2 * WEEK + H) }],
      },
    ]);
    expect(clash.body.details.conflicts).toEqual([{ start: iso(start + 2 * WEEK), end: iso(start + 2 * WEEK + H) }]);
    expect(await count('events')).toBe(before[0]);
    expect(await count('event_series')).toBe(before[1]);
    expect(await count('bookings', { resourceId: roomId, status: { $in: ['pending', 'confirmed'] } })).toBe(1);

    const ok = await create(coordinator, {
      title: 'Room series',
      start: iso(start + 3 * H),
      end: iso(start + 5 * H),
      venue: { resourceId: room.id },
      recurrence: { freq: 'weekly', count: 3 },
    });
    expect(ok.status).toBe(201);
    const ids = (ok.body as EventSeriesResponse).events.map((e) => e.venue as { bookingId: string; bookingStatus: string });
    expect(ids.every((v) => v.bookingStatus === 'confirmed')).toBe(true);
    expect(new Set(ids.map((v) => v.bookingId)).size).toBe(3);
    // cancelling the series releases every booking
    const cancelled = await t.http
      .post(`/api/event-series/${ok.body.series.id}/cancel`)
      .set(bearer(coordinator))
      .send({ reason: 'Budget' });
    expect(cancelled.status).toBe(200);
    expect((cancelled.body as EventSeriesResponse).events.every((e) => e.state === 'cancelled')).toBe(true);
    expect(await count('bookings', { resourceId: roomId, status: { $in: ['pending', 'confirmed'] } })).toBe(1);
  });

  it('denials: members cannot create cluster series (403) or cancel one (403); a group series is 404 to non-members; no token is 401', async () => {
    expect((await create(member, { title: 'Member series', recurrence: { freq: 'weekly', count: 2 } })).status).toBe(403);
    const grp = await create(salim, { title: 'Gulf weekly', groupId, visibility: 'group', recurrence: { freq: 'monthly', count: 3 } });
    expect(grp.status).toBe(201);
    const id = grp.body.series.id as string;
    expect((await t.http.get(`/api/event-series/${id}`).set(bearer(member2))).status).toBe(404);
    expect((await t.http.get(`/api/event-series/${id}/calendar.ics`).set(bearer(member2))).status).toBe(404);
    expect((await t.http.post(`/api/event-series/${id}/cancel`).set(bearer(member2)).send({})).status).toBe(404);
    expect((await t.http.get(`/api/event-series/${id}`).set(bearer(member))).status).toBe(200);
    const denied = await t.http.post(`/api/event-series/${id}/cancel`).set(bearer(member)).send({});
    expect(denied.status).toBe(403);
    expect(denied.body.code).toBe('FORBIDDEN');
    expect((await t.http.get(`/api/event-series/${new Types.ObjectId().toHexString()}`).set(bearer(coordinator))).status).toBe(404);
    expect((await t.http.get('/api/event-series/nope').set(bearer(coordinator))).status).toBe(400);
    expect((await t.http.get(`/api/event-series/${id}`)).status).toBe(401);
    expect((await t.http.post('/api/event-series').send(eventBody({ recurrence: { freq: 'weekly', count: 2 } }))).status).toBe(401);
  });
});
