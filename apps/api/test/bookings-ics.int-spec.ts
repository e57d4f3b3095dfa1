import ICAL from 'ical.js';
import { bookingHelpers, H, iso, nextEuChange } from './support/bookings';
import { bearer, createTestApp, login, TestApp } from './support/test-app';

interface ParsedEvent {
  uid: string;
  summary: string;
  status: string | null;
  tzid: string | null;
  localStart: string;
  start: number;
  end: number;
}

/** Parses a feed with ical.js, registering its VTIMEZONEs so TZID times resolve to real instants. */
function parse(text: string): { zones: string[]; events: ParsedEvent[] } {
  const cal = new ICAL.Component(ICAL.parse(text));
  const zones = cal.getAllSubcomponents('vtimezone').map((z) => {
    ICAL.TimezoneService.register(z);
    return String(z.getFirstPropertyValue('tzid'));
  });
  const events = cal.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    const dtstart = v.getFirstProperty('dtstart')!;
    return {
      uid: e.uid,
      summary: e.summary,
      status: (v.getFirstPropertyValue('status') as string | null) ?? null,
      tzid: (dtstart.getParameter('tzid') as string | undefined) ?? null,
      localStart: e.startDate.toString(),
      start: e.startDate.toJSDate().getTime(),
      end: e.endDate.toJSDate().getTime(),
    };
  });
  return { zones, events };
}

describe('bookings: calendar feeds', () => {
  let t: TestApp;
  let coordinator: string;
  let member: string;
  let member2: string;
  let infobaltId: string;
  let h: ReturnType<typeof bookingHelpers>;
  const spring = nextEuChange(3);
  const day = spring - H; // 00:00Z of the Vilnius spring-forward day

  beforeAll(async () => {
    t = await createTestApp();
    coordinator = (await login(t, 'coordinator@klasteris.demo')).accessToken;
    member = (await login(t, 'member@klasteris.demo')).accessToken;
    member2 = (await login(t, 'member2@klasteris.demo')).accessToken;
    infobaltId = (await t.http.get('/api/organisations?q=infobalt')).body.items[0].id;
    h = bookingHelpers(t, () => ({ token: coordinator, organisationId: infobaltId }));
  });
  afterAll(() => t.close());

  it('a resource feed is text/calendar with VTIMEZONE, local times across DST, and no other organisation purposes', async () => {
    const r = await h.createResource({
      name: 'Conference room ICS',
      location: 'Vilnius, Antakalnio g. 17',
      policy: { maxAdvanceDays: 730 },
    });
    const before = await h.book(member, {
      resourceId: r.id,
      start: iso(day - 24 * H + 6 * H),
      end: iso(day - 24 * H + 7 * H),
      purpose: 'Etronika sprint review',
    }); // 08:00 EET
    const after = await h.book(member2, { resourceId: r.id, start: iso(day + 5 * H), end: iso(day + 6 * H), purpose: 'Data House board' }); // 08:00 EEST
    expect([before.status, after.status]).toEqual([201, 201]);

    const res = await t.http.get(`/api/resources/${r.id}/calendar.ics`).set(bearer(member));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/calendar/);
    const { zones, events } = parse(res.text);
    expect(zones).toContain('Europe/Vilnius');
    expect(res.text).toMatch(/BEGIN:DAYLIGHT[\s\S]*TZOFFSETTO:\+0300/);
    const mine = events.find((e) => e.uid.startsWith(before.body.booking.id))!;
    const theirs = events.find((e) => e.uid.startsWith(after.body.booking.id))!;
    expect(mine).toMatchObject({
      tzid: 'Europe/Vilnius',
      summary: 'Etronika sprint review (Etronika)',
      status: 'CONFIRMED',
      start: day - 18 * H,
      end: day - 17 * H,
    });
    expect(mine.localStart).toMatch(/T08:00:00$/);
    expect(theirs).toMatchObject({ tzid: 'Europe/Vilnius', summary: 'Booked (Data House)', start: day + 5 * H, end: day + 6 * H });
    expect(theirs.localStart).toMatch(/T08:00:00$/);
    expect(res.text).not.toContain('Data House board');

    expect((await t.http.get(`/api/resources/${r.id}/calendar.ics`)).status).toBe(401);
  });

  it('Asia/Muscat events carry their own zone; pending requests are tentative', async () => {
    const r = await h.createResource({
      name: 'Muscat hall ICS',
      type: 'event_hall',
      timeZone: 'Asia/Muscat',
      policy: { maxAdvanceDays: 730, approval: { required: true, approvers: 'coordinator' } },
    });
    const b = await h.book(member, { resourceId: r.id, start: iso(day + 6 * H), end: iso(day + 8 * H), purpose: 'Gulf partners meetup' });
    expect(b.body.booking.status).toBe('pending');
    const { zones, events } = parse((await t.http.get(`/api/resources/${r.id}/calendar.ics`).set(bearer(coordinator))).text);
    expect(zones).toEqual(['Asia/Muscat']);
    expect(events[0]).toMatchObject({
      tzid: 'Asia/Muscat',
      status: 'TENTATIVE',
      start: day + 6 * H,
      end: day + 8 * H,
      summary: 'Gulf partners meetup (Etronika)',
    });
    expect(events[0]!.localStart).toMatch(/T10:00:00$/);
  });

  it('the personal feed works without a login through its secret URL, and is revocable', async () => {
    const created = await t.http.post('/api/bookings/feed').set(bearer(member));
    expect(created.status).toBe(201);
    const url = new URL(created.body.url as string);
    expect(url.pathname).toMatch(/^\/api\/calendar\/[A-Za-z0-9_-]{40,}\.ics$/);
    const feed = await t.http.get(url.pathname);
    expect(feed.status).toBe(200);
    const { events } = parse(feed.text);
    expect(events.map((e) => e.summary)).toEqual(
      expect.arrayContaining(['Conference room ICS: Etronika sprint review', 'Muscat hall ICS: Gulf partners meetup']),
    );
    expect(events.some((e) => e.summary.includes('Data House board'))).toBe(false);

    // The same token opens resource feeds in calendar apps, with the user's own visibility.
    const token = url.pathname.split('/').pop()!.replace('.ics', '');
    const resources = (await t.http.get('/api/resources').query({ q: 'Conference room ICS' }).set(bearer(member))).body.items;
    expect((await t.http.get(`/api/resources/${resources[0].id}/calendar.ics`).query({ token })).status).toBe(200);

    const rotated = await t.http.post('/api/bookings/feed').set(bearer(member));
    const old = await t.http.get(url.pathname);
    expect(old.status).toBe(404);
    expect(old.body.code).toBe('FEED_TOKEN_INVALID');
    expect((await t.http.get(new URL(rotated.body.url as string).pathname)).status).toBe(200);
    expect((await t.http.delete('/api/bookings/feed').set(bearer(member))).status).toBe(204);
    expect((await t.http.get(new URL(rotated.body.url as string).pathname)).status).toBe(404);
    expect((await t.http.get('/api/calendar/short.ics')).status).toBe(404);
  });
});
