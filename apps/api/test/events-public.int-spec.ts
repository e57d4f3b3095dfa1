import ICAL from 'ical.js';
import type { AttendeesResponse, PublicEvent } from '@klasteris/contracts';
import { eventHelpers } from './support/events';
import { startTestSmtp, type TestSmtp } from './support/smtp';
import { bearer, createTestApp, login, TestApp } from './support/test-app';

describe('events: the visitor site — public pages, prospects register, confirmation mail with ICS', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let ev: ReturnType<typeof eventHelpers>;
  let coordinator: string;
  let member: string;

  const register = (id: string, over: Record<string, unknown> = {}) =>
    t.http
      .post(`/api/public/events/${id}/registrations`)
      .send({ name: 'Aigerim Nurlanova', email: 'aigerim@almatycloud.example', organisation: 'Almaty Cloud', country: 'KZ', ...over });

  beforeAll(async () => {
    smtp = await startTestSmtp();
    t = await createTestApp({ SMTP_URL: smtp.url, PUBLIC_WRITE_RATE_PER_MINUTE: '25' });
    ev = eventHelpers(t);
    coordinator = (await login(t, 'coordinator@klasteris.demo')).accessToken;
    member = (await login(t, 'member@klasteris.demo')).accessToken;
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  it('lists and shows published public events without sign-in; members-only, drafts and unknown ids are 404', async () => {
    const pub = await ev.created(coordinator, {
      title: 'Cluster presentation in Almaty',
      kind: 'presentation',
      visibility: 'public',
      capacity: 2,
      timeZone: 'Asia/Almaty',
      venue: { address: 'Al-Farabi Ave 77', city: 'Almaty', country: 'KZ' },
    });
    const members = await ev.created(coordinator, { title: 'Members only' });
    const draft = await ev.created(coordinator, { title: 'Public draft', visibility: 'public', publish: false });
    const list = await t.http.get('/api/public/events');
    expect(list.status).toBe(200);
    const ids = (list.body.items as PublicEvent[]).map((e) => e.id);
    expect(ids).toContain(pub.id);
    expect(ids).not.toContain(members.id);
    expect(ids).not.toContain(draft.id);
    const one = await t.http.get(`/api/public/events/${pub.id}`);
    expect(one.status).toBe(200);
    expect(one.body.event).toEqual({
      id: pub.id,
      title: 'Cluster presentation in Almaty',
      description: pub.description,
      kind: 'presentation',
      start: pub.start,
      end: pub.end,
      timeZone: 'Asia/Almaty',
      venue: { kind: 'address', address: 'Al-Farabi Ave 77', city: 'Almaty', country: 'KZ' },
      placesLeft: 2,
    });
    for (const id of [members.id, draft.id, '0123456789abcdef01234567'])
      expect((await t.http.get(`/api/public/events/${id}`)).status).toBe(404);
    expect((await register(members.id)).status).toBe(404);
    // prospects never see attendees: there is no public route for them, and the member route needs a token
    expect((await t.http.get(`/api/public/events/${pub.id}/attendees`)).status).toBe(404);
    expect((await t.http.get(`/api/events/${pub.id}/attendees`)).status).toBe(401);
  });

  it('a prospect registers: 201, a place held, a confirmation mail with a parseable ICS and a cancel link; a duplicate is 409', async () => {
    const e = await ev.created(coordinator, {
      title: 'Presentation in Baku',
      kind: 'presentation',
      visibility: 'public',
      capacity: 2,
      timeZone: 'Asia/Baku',
      venue: { address: 'Nizami St 10', city: 'Baku', country: 'AZ' },
    });
    const res = await register(e.id, {
      email: 'Elvin@BakuSmart.example',
      name: 'Elvin Mammadov',
      organisation: 'Baku Smart',
      country: 'az',
      language: 'lt',
    });
    expect(res.status).toBe(201);
    expect(res.body.registration).toMatchObject({ eventId: e.id, status: 'going' });
    const again = await register(e.id, {
      email: 'elvin@bakusmart.example ',
      name: 'Elvin again',
      organisation: 'Baku Smart',
      country: 'AZ',
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('ALREADY_REGISTERED');

    const mail = await smtp.waitFor((m) => m.to.includes('elvin@bakusmart.example'));
    expect(mail.subject).toBe('Registracija: Presentation in Baku');
    expect(mail.text).toContain('Jūsų vieta rezervuota');
    const ics = mail.parsed.attachments.find((a) => a.filename === 'event.ics' || a.contentType.startsWith('text/calendar'));
    expect(ics).toBeDefined();
    const cal = new ICAL.Component(ICAL.parse(ics!.content.toString('utf8')));
    for (const z of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(z);
    const vevent = new ICAL.Event(cal.getFirstSubcomponent('vevent')!);
    expect(vevent.summary).toBe('Presentation in Baku');
    expect(vevent.location).toBe('Nizami St 10, Baku, AZ');
    expect(vevent.startDate.toJSDate().toISOString()).toBe(e.start);
    expect(vevent.endDate.toJSDate().toISOString()).toBe(e.end);
    expect(cal.getFirstSubcomponent('vevent')!.getFirstProperty('dtstart')!.getParameter('tzid')).toBe('Asia/Baku');

    // the organiser sees the prospect among the attendees, with organisation and country
    const list = (await t.http.get(`/api/events/${e.id}/attendees`).set(bearer(coordinator))).body as AttendeesResponse;
    expect(list.items).toEqual([
      expect.objectContaining({
        kind: 'prospect',
        userId: null,
        name: 'Elvin Mammadov',
        organisationName: 'Baku Smart',
        country: 'AZ',
        status: 'going',
      }),
    ]);
    expect(JSON.stringify(list)).not.toContain('bakusmart.example'); // not even the e-mail leaks into the list
    expect((await t.http.get(`/api/events/${e.id}/attendees`).set(bearer(member))).status).toBe(403);

    // the place counts: one member and the line
    expect((await ev.rsvp(member, e.id, 'going')).body.rsvp).toEqual({ status: 'going' });
    const third = await register(e.id, { email: 'nurlan@almaty.example', name: 'Nurlan B', organisation: 'Almaty IT', country: 'KZ' });
    expect(third.body.registration).toMatchObject({ status: 'waitlisted', position: 1 });
    const waitMail = await smtp.waitFor((m) => m.to.includes('nurlan@almaty.example'));
    expect(waitMail.text).toContain('waiting list (number 1)');
    expect((await t.http.get(`/api/public/events/${e.id}`)).body.event.placesLeft).toBe(0);

    // the cancel link of Elvin's mail frees his place for the first in line
    const link = mail.link(`${t.config.publicUrl}/visit/events/${e.id}/cancel?token=`);
    const token = new URL(link).searchParams.get('token')!;
    expect((await t.http.post('/api/public/events/registrations/cancel').send({ token })).status).toBe(204);
    expect((await t.http.post('/api/public/events/registrations/cancel').send({ token })).status).toBe(204);
    expect((await t.http.post('/api/public/events/registrations/cancel').send({ token: 'x'.repeat(43) })).status).toBe(404);
    expect((await t.http.post('/api/public/events/registrations/cancel').send({ token: 'short' })).status).toBe(400);
    const after = (await t.http.get(`/api/events/${e.id}/attendees`).set(bearer(coordinator))).body as AttendeesResponse;
    expect(after.counts).toEqual({ going: 1, waitlisted: 1, maybe: 0, declined: 1 });
    expect(after.offered).toBe(1);
    expect(after.items.find((a) => a.name === 'Nurlan B')).toMatchObject({ status: 'waitlisted', offerExpiresAt: expect.any(String) });

    // Nurlan is offered the place by mail, held for him; his confirm link takes it up
    const offer = await smtp.waitFor((m) => m.to.includes('nurlan@almaty.example') && m.subject.startsWith('A place is free for you'));
    expect(offer.text).toContain('We hold it for you until');
    const confirmLink = offer.link(`${t.config.publicUrl}/visit/events/${e.id}/confirm?token=`);
    const offerToken = new URL(confirmLink).searchParams.get('token')!;
    expect(offer.link(`${t.config.publicUrl}/visit/events/${e.id}/cancel?token=`)).toContain(offerToken);
    expect((await t.http.post('/api/public/events/registrations/confirm').send({ token: 'short' })).status).toBe(400);
    expect((await t.http.post('/api/public/events/registrations/confirm').send({ token: 'x'.repeat(43) })).status).toBe(404);
    expect((await t.http.post('/api/public/events/registrations/confirm').send({ token })).status).toBe(404); // a cancel token confirms nothing
    const confirmed = await t.http.post('/api/public/events/registrations/confirm').send({ token: offerToken });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.registration).toMatchObject({ eventId: e.id, status: 'going' });
    expect((await t.http.post('/api/public/events/registrations/confirm').send({ token: offerToken })).body.registration.status).toBe(
      'going',
    );
    const final = (await t.http.get(`/api/events/${e.id}/attendees`).set(bearer(coordinator))).body as AttendeesResponse;
    expect(final.counts).toEqual({ going: 2, waitlisted: 0, maybe: 0, declined: 1 });
    expect(final.items.find((a) => a.name === 'Nurlan B')!.status).toBe('going');
  });

  it('calendars: the visitor site ICS of public events (each in its zone), each event .ics; the attendance CSV is neutralised', async () => {
    const feed = await t.http.get('/api/public/events/calendar.ics');
    expect(feed.status).toBe(200);
    expect(feed.headers['content-type']).toContain('text/calendar');
    const cal = new ICAL.Component(ICAL.parse(feed.text));
    const zones = cal.getAllSubcomponents('vtimezone').map((z) => String(z.getFirstPropertyValue('tzid')));
    for (const z of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(z);
    const pub = (await t.http.get('/api/public/events').query({ limit: '100' })).body.items as PublicEvent[];
    const vevents = cal.getAllSubcomponents('vevent');
    expect(vevents).toHaveLength(pub.length);
    const muscat = pub.find((e) => e.timeZone === 'Asia/Muscat')!;
    const v = vevents.find((x) => x.getFirstPropertyValue('uid') === `event-${muscat.id}@klasteris`)!;
    expect(v.getFirstProperty('dtstart')!.getParameter('tzid')).toBe('Asia/Muscat');
    expect(new ICAL.Event(v).startDate.toJSDate().toISOString()).toBe(muscat.start);
    expect(zones).toEqual(expect.arrayContaining(['Asia/Muscat', 'Asia/Almaty', 'Asia/Baku']));
    expect(feed.text).not.toContain('Members only');

    const members = await ev.created(coordinator, { title: 'Members ICS' });
    const own = await t.http.get(`/api/events/${members.id}/calendar.ics`).set(bearer(member));
    expect(own.status).toBe(200);
    expect(new ICAL.Event(new ICAL.Component(ICAL.parse(own.text)).getFirstSubcomponent('vevent')!).summary).toBe('Members ICS');
    expect((await t.http.get(`/api/public/events/${members.id}/calendar.ics`)).status).toBe(404);
    expect((await t.http.get(`/api/events/${members.id}/calendar.ics`)).status).toBe(401);
    expect((await t.http.get(`/api/public/events/${muscat.id}/calendar.ics`)).status).toBe(200);

    const open = await ev.created(coordinator, { title: 'CSV day', visibility: 'public' });
    expect(
      (
        await register(open.id, {
          email: 'formula@example.org',
          name: '=HYPERLINK("http://x.example")',
          organisation: '+Evil Org',
          country: 'LV',
        })
      ).status,
    ).toBe(201);
    const csv = await t.http.get(`/api/events/${open.id}/attendees.csv`).set(bearer(coordinator));
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.text.split('\r\n')[0]).toBe('name,kind,organisation,country,status,position,respondedAt,checkedIn');
    expect(csv.text).toContain(`"'=HYPERLINK(""http://x.example"")",prospect,'+Evil Org,LV,going,,`);
    expect((await t.http.get(`/api/events/${open.id}/attendees.csv`).set(bearer(member))).status).toBe(403);
  });

  it('bad registrations: 400 with field errors, nothing stored', async () => {
    const e = await ev.created(coordinator, { title: 'Open day', visibility: 'public' });
    const cases: [Record<string, unknown>, string][] = [
      [{ email: 'not-an-address' }, 'email'],
      [{ email: 'a@b.example\r\nBcc: x@y.example' }, 'email'],
      [{ name: '' }, 'name'],
      [{ name: 'A\u202eB' }, 'name'],
      [{ organisation: 'x' }, 'organisation'],
      [{ country: 'Kazakhstan' }, 'country'],
      [{ language: 'ru' }, 'language'],
      [{ admin: true }, 'admin'],
    ];
    for (const [over, field] of cases) {
      const res = await register(e.id, { ...over, email: (over['email'] as string | undefined) ?? `case${field}@example.org` });
      expect({ over, status: res.status }).toEqual({ over, status: 400 });
      expect((res.body.details.fields as { field: string }[]).map((f) => f.field)).toContain(field);
    }
    expect(
      await t.connection.collection('event_attendance').countDocuments({ eventId: new (await import('mongoose')).Types.ObjectId(e.id) }),
    ).toBe(0);
  });

  it('public registration is rate limited (429 with Retry-After)', async () => {
    const e = await ev.created(coordinator, { title: 'Popular', visibility: 'public' });
    const codes: number[] = [];
    let retryAfter: string | undefined;
    for (let i = 0; i < 30; i++) {
      const res = await register(e.id, { email: `burst${i}@example.org` });
      codes.push(res.status);
      if (res.status === 429) retryAfter = res.headers['retry-after'] as string | undefined;
    }
    expect(codes).toContain(429);
    expect(codes.filter((c) => c === 201).length).toBeLessThanOrEqual(25);
    expect(Number(retryAfter)).toBeGreaterThan(0);
  });
});
