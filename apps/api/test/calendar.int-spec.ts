import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import type { CalendarItem, CalendarResponse, ErrorBody } from '@klasteris/contracts';
import { bookingHelpers, H, iso } from './support/bookings';
import { DAY, eventHelpers } from './support/events';
import { bearer, createTestApp, login, newMember, TestApp } from './support/test-app';

/** My calendar (issue 12): my events, bookings and cards' due dates; and the personal feed carrying all three. */
describe('calendar: my events, bookings and due dates', () => {
  let t: TestApp;
  let ev: ReturnType<typeof eventHelpers>;
  let h: ReturnType<typeof bookingHelpers>;
  let coordinator: string;
  let ana: Awaited<ReturnType<typeof newMember>>;
  let bob: Awaited<ReturnType<typeof newMember>>;
  const day = DateTime.utc().startOf('day').plus({ days: 10 }).toMillis();
  const from = iso(day - 2 * DAY);
  const to = iso(day + 20 * DAY);
  const ids: Record<string, string> = {};

  const calendar = (token: string, q: Record<string, string> = { from, to }) => t.http.get('/api/calendar').query(q).set(bearer(token));
  const items = async (token: string): Promise<CalendarItem[]> => {
    const res = await calendar(token);
    expect(res.status).toBe(200);
    return (res.body as CalendarResponse).items;
  };

  async function cardFor(
    token: string,
    userId: string,
    title: string,
    dueDate: string | null,
    assign = true,
  ): Promise<{ id: string; projectId: string }> {
    const project = (
      await t.http
        .post('/api/projects')
        .set(bearer(token))
        .send({ name: `${title} project` })
    ).body.project as { id: string };
    const board = (await t.http.get(`/api/projects/${project.id}/board`).set(bearer(token))).body as { columns: { id: string }[] };
    const res = await t.http
      .post('/api/cards')
      .set(bearer(token))
      .send({ projectId: project.id, columnId: board.columns[0]!.id, title, dueDate, assigneeIds: assign ? [userId] : [] });
    expect(res.status).toBe(201);
    return { id: res.body.card.id as string, projectId: project.id };
  }

  beforeAll(async () => {
    t = await createTestApp();
    ev = eventHelpers(t);
    coordinator = (await login(t, 'coordinator@klasteris.demo')).accessToken;
    const infobaltId = (await t.http.get('/api/organisations?q=infobalt')).body.items[0].id as string;
    h = bookingHelpers(t, () => ({ token: coordinator, organisationId: infobaltId }));
    ana = await newMember(t, { displayName: 'Ana Calendar' });
    bob = await newMember(t, { displayName: 'Bob Calendar' });

    const at = (d: number, hours: number) => ({ start: iso(day + d * DAY + 7 * H), end: iso(day + d * DAY + (7 + hours) * H) });
    const going = await ev.created(coordinator, { title: 'Cloud day (going)', ...at(0, 3) });
    const maybe = await ev.created(coordinator, {
      title: 'Webinar (maybe)',
      kind: 'webinar',
      venue: { url: 'https://meet.example/webinar' },
      ...at(2, 1),
    });
    const declined = await ev.created(coordinator, { title: 'Declined meetup', ...at(3, 1) });
    const bobs = await ev.created(coordinator, { title: "Bob's presentation", kind: 'presentation', timeZone: 'Asia/Muscat', ...at(4, 2) });
    const unanswered = await ev.created(coordinator, { title: 'Nobody answered', ...at(5, 1) });
    const later = await ev.created(coordinator, { title: 'Far away', ...at(60, 1) });
    const cancelled = await ev.created(coordinator, { title: 'Called off', ...at(6, 1) });
    expect((await ev.rsvp(ana.accessToken, going.id, 'going')).status).toBe(200);
    expect((await ev.rsvp(ana.accessToken, maybe.id, 'maybe')).status).toBe(200);
    expect((await ev.rsvp(ana.accessToken, declined.id, 'declined')).status).toBe(200);
    expect((await ev.rsvp(ana.accessToken, later.id, 'going')).status).toBe(200);
    expect((await ev.rsvp(ana.accessToken, cancelled.id, 'going')).status).toBe(200);
    expect((await ev.rsvp(bob.accessToken, bobs.id, 'going')).status).toBe(200);
    expect((await t.http.post(`/api/events/${cancelled.id}/cancel`).set(bearer(coordinator)).send({})).status).toBe(200);
    Object.assign(ids, {
      going: going.id,
      maybe: maybe.id,
      declined: declined.id,
      bobs: bobs.id,
      unanswered: unanswered.id,
      later: later.id,
      cancelled: cancelled.id,
    });

    const room = await h.createResource({ name: 'Calendar room', policy: { maxAdvanceDays: 730 } });
    const mine = await h.book(ana.accessToken, { resourceId: room.id, purpose: 'Ana planning', ...at(1, 1) });
    const theirs = await h.book(bob.accessToken, {
      resourceId: room.id,
      purpose: 'Bob planning',
      start: iso(day + DAY + 10 * H),
      end: iso(day + DAY + 11 * H),
    });
    expect([mine.status, theirs.status]).toEqual([201, 201]);
    ids['booking'] = mine.body.booking.id as string;
    ids['bobBooking'] = theirs.body.booking.id as string;

    const dueDay = DateTime.fromMillis(day + 3 * DAY, { zone: 'UTC' }).toISODate()!;
    const card = await cardFor(ana.accessToken, ana.user.id, 'Write the cloud offer', dueDay);
    ids['card'] = card.id;
    ids['cardProject'] = card.projectId;
    ids['unassigned'] = (await cardFor(ana.accessToken, ana.user.id, 'Nobody owns this', dueDay, false)).id;
    ids['undated'] = (await cardFor(ana.accessToken, ana.user.id, 'No due date', null)).id;
    ids['bobCard'] = (await cardFor(bob.accessToken, bob.user.id, "Bob's card", dueDay)).id;
  });
  afterAll(() => t.close());

  it('lists only my events (going, maybe; cancelled marked), my bookings and my cards, by start', async () => {
    const list = await items(ana.accessToken);
    expect(list.map((i) => [i.kind, i.title, i.status])).toEqual([
      ['event', 'Cloud day (going)', 'going'],
      ['booking', 'Ana planning', 'confirmed'],
      ['event', 'Webinar (maybe)', 'maybe'],
      ['card', 'Write the cloud offer', 'open'],
      ['event', 'Called off', 'cancelled'],
    ]);
    const [event, booking, webinar, card] = list;
    expect(event).toMatchObject({
      id: ids['going'],
      timeZone: 'Europe/Vilnius',
      allDay: false,
      date: null,
      detail: 'Gedimino pr. 1, Vilnius, LT',
      path: `/events/${ids['going']}`,
      start: iso(day + 7 * H),
    });
    expect(webinar).toMatchObject({ detail: 'Online' });
    expect(booking).toMatchObject({
      id: ids['booking'],
      detail: 'Calendar room',
      path: `/infrastructure/bookings/${ids['booking']}`,
      timeZone: 'Europe/Vilnius',
    });
    expect(card).toMatchObject({
      id: ids['card'],
      allDay: true,
      start: null,
      date: DateTime.fromMillis(day + 3 * DAY, { zone: 'UTC' }).toISODate(),
      detail: 'Write the cloud offer project',
      path: `/projects/${ids['cardProject']}/board?card=${ids['card']}`,
    });
    const seen = new Set(list.map((i) => i.id));
    for (const other of ['declined', 'bobs', 'unanswered', 'later', 'bobBooking', 'unassigned', 'undated', 'bobCard'])
      expect(seen.has(ids[other]!)).toBe(false);
  });

  it('an organiser sees the events they created without answering them', async () => {
    const list = await items(coordinator);
    const mine = list.filter((i) => i.kind === 'event').map((i) => [i.title, i.status]);
    expect(mine).toEqual(
      expect.arrayContaining([
        ['Nobody answered', 'organiser'],
        ["Bob's presentation", 'organiser'],
        ['Called off', 'cancelled'],
      ]),
    );
    expect(mine.some(([title]) => title === 'Far away')).toBe(false);
    expect((await items(bob.accessToken)).map((i) => i.title)).toEqual(['Bob planning', "Bob's card", "Bob's presentation"]);
  });

  it('a group event leaves my calendar when I may no longer see it', async () => {
    const group = await t.http
      .post('/api/groups')
      .set(bearer(coordinator))
      .send({ name: 'Calendar working group', description: 'For the calendar test', visibility: 'open' });
    expect(group.status).toBe(201);
    const groupId = group.body.group.id as string;
    expect((await t.http.post(`/api/groups/${groupId}/join`).set(bearer(ana.accessToken)).send({})).status).toBeLessThan(300);
    const e = await ev.created(coordinator, {
      title: 'Group only',
      visibility: 'group',
      groupId,
      kind: 'working_group',
      start: iso(day + 8 * DAY),
      end: iso(day + 8 * DAY + H),
    });
    expect((await ev.rsvp(ana.accessToken, e.id, 'going')).status).toBe(200);
    expect((await items(ana.accessToken)).some((i) => i.id === e.id)).toBe(true);
    expect((await t.http.post(`/api/groups/${groupId}/leave`).set(bearer(ana.accessToken)).send({})).status).toBeLessThan(300);
    expect((await items(ana.accessToken)).some((i) => i.id === e.id)).toBe(false);
  });

  it.each([
    ['no range', {}, ['from', 'to']],
    ['a bare date', { from: '2026-03-01', to }, ['from']],
    ['not a date', { from, to: 'soon' }, ['to']],
    ['to before from', { from: to, to: from }, ['to']],
    ['more than 100 days', { from, to: iso(Date.parse(from) + 101 * DAY) }, ['to']],
  ])('refuses %s with 400 VALIDATION_FAILED and field errors', async (_name, q, fields) => {
    const res = await calendar(ana.accessToken, q as Record<string, string>);
    expect(res.status).toBe(400);
    const body = res.body as ErrorBody;
    expect(body.code).toBe('VALIDATION_FAILED');
    expect([...new Set((body.details?.fields ?? []).map((f) => f.field))].sort()).toEqual(fields);
  });

  it('accepts exactly 100 days', async () => {
    expect((await calendar(ana.accessToken, { from, to: iso(Date.parse(from) + 100 * DAY) })).status).toBe(200);
  });

  it('needs a session: 401 UNAUTHENTICATED without one', async () => {
    const res = await t.http.get('/api/calendar').query({ from, to });
    expect([res.status, (res.body as ErrorBody).code]).toEqual([401, 'UNAUTHENTICATED']);
  });

  it('the personal feed (same URL and token) carries my bookings, events in their zones and cards as all-day entries', async () => {
    const created = await t.http.post('/api/bookings/feed').set(bearer(ana.accessToken));
    expect(created.status).toBe(201);
    const path = new URL(created.body.url as string).pathname;
    expect(path).toMatch(/^\/api\/calendar\/[A-Za-z0-9_-]{40,}\.ics$/);
    const feed = await t.http.get(path);
    expect(feed.status).toBe(200);
    expect(feed.headers['content-type']).toMatch(/^text\/calendar/);
    const cal = new ICAL.Component(ICAL.parse(feed.text));
    for (const z of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(z);
    const vevents = cal.getAllSubcomponents('vevent').map((v) => ({ v, e: new ICAL.Event(v) }));
    const uid = (u: string) => vevents.find(({ e }) => e.uid === u);
    const going = uid(`event-${ids['going']}@klasteris`)!;
    expect(going.e.summary).toBe('Cloud day (going)');
    expect(going.v.getFirstProperty('dtstart')!.getParameter('tzid')).toBe('Europe/Vilnius');
    expect(going.e.startDate.toJSDate().getTime()).toBe(day + 7 * H);
    expect(uid(`event-${ids['later']}@klasteris`)).toBeDefined(); // the feed reaches a year ahead
    expect(uid(`event-${ids['cancelled']}@klasteris`)!.v.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(uid(`${ids['booking']}@klasteris`)!.e.summary).toBe('Calendar room: Ana planning');
    const card = uid(`card-${ids['card']}@klasteris`)!;
    expect(card.e.summary).toBe('Due: Write the cloud offer');
    expect(card.e.startDate.isDate).toBe(true);
    expect(card.e.startDate.toString()).toBe(DateTime.fromMillis(day + 3 * DAY, { zone: 'UTC' }).toISODate());
    for (const other of ['declined', 'bobs', 'unanswered']) expect(uid(`event-${ids[other]}@klasteris`)).toBeUndefined();
    expect(feed.text).not.toContain('Bob planning');
    expect(feed.text).not.toContain("Bob's card");

    expect((await t.http.get('/api/calendar/not-a-token.ics')).status).toBe(404);
    expect((await t.http.delete('/api/bookings/feed').set(bearer(ana.accessToken))).status).toBe(204);
    const revoked = await t.http.get(path);
    expect([revoked.status, (revoked.body as ErrorBody).code]).toEqual([404, 'FEED_TOKEN_INVALID']);
  });
});
