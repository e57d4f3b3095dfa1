import ICAL from 'ical.js';
import { Types } from 'mongoose';
import { BOOKING_REMINDERS_LEASE, BookingReminders } from '../src/modules/bookings/booking-reminders.service';
import { bookingHelpers, H, iso, mondayUtc } from './support/bookings';
import { startTestSmtp, type ReceivedMail, type TestSmtp } from './support/smtp';
import { bearer, createTestApp, login, TestApp } from './support/test-app';

interface Invite {
  method: string;
  uid: string;
  sequence: number;
  status: string;
  tzid: string | null;
  localStart: string;
  start: number;
  end: number;
  organizer: string;
  attendee: string;
}

/** The calendar part of a mail, parsed with ical.js (its VTIMEZONE registered so TZID times resolve). */
function invitesOf(mail: ReceivedMail): Invite[] {
  const part = mail.parsed.attachments.find((a) => a.contentType === 'text/calendar');
  if (!part) throw new Error(`no text/calendar part in "${mail.subject}": ${mail.parsed.attachments.map((a) => a.contentType).join(', ')}`);
  const cal = new ICAL.Component(ICAL.parse(part.content.toString('utf8')));
  for (const z of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(z);
  return cal.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    return {
      method: String(cal.getFirstPropertyValue('method')),
      uid: e.uid,
      sequence: e.sequence,
      status: String(v.getFirstPropertyValue('status')),
      tzid: (v.getFirstProperty('dtstart')!.getParameter('tzid') as string | undefined) ?? null,
      localStart: e.startDate.toString(),
      start: e.startDate.toJSDate().getTime(),
      end: e.endDate.toJSDate().getTime(),
      organizer: String(v.getFirstPropertyValue('organizer')).toLowerCase(),
      attendee: String(v.getFirstPropertyValue('attendee')).toLowerCase(),
    };
  });
}

/** Booking mails, each read from a real SMTP server; the invitations parsed with a calendar library. */
describe('mails of bookings', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let coordinator: string;
  let member: string; // Etronika, reads Lithuanian
  let member2: string; // Data House, reads English
  let h: ReturnType<typeof bookingHelpers>;
  const outbox = () => t.connection.collection('mail_outbox');

  beforeAll(async () => {
    smtp = await startTestSmtp();
    t = await createTestApp({ SMTP_URL: smtp.url, MAIL_FROM: 'INFOBALT ICT Cluster <portal@cluster.example>', MAIL_POLL_MS: '200' });
    coordinator = (await login(t, 'coordinator@klasteris.demo')).accessToken;
    member = (await login(t, 'member@klasteris.demo')).accessToken;
    member2 = (await login(t, 'member2@klasteris.demo')).accessToken;
    expect((await t.http.patch('/api/auth/me').set(bearer(member)).send({ language: 'lt' })).status).toBe(200);
    const infobaltId = (await t.http.get('/api/organisations?q=infobalt')).body.items[0].id as string;
    h = bookingHelpers(t, () => ({ token: coordinator, organisationId: infobaltId }));
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  it('a request mails the approvers; the approval mails the requester an invitation in the resource’s zone; a cancellation cancels it', async () => {
    const lab = await h.createResource({
      name: 'Muscat test lab',
      timeZone: 'Asia/Muscat',
      location: 'KOM 4, Muscat',
      policy: { approval: { required: true, approvers: 'coordinator' } },
    });
    const start = mondayUtc(2) + 6 * H; // 10:00 in Muscat (UTC+4, no DST)
    const res = await h.book(member, {
      resourceId: lab.id,
      start: iso(start),
      end: iso(start + 2 * H),
      purpose: '5G <b>interop</b> tests',
    });
    expect(res.status).toBe(201);
    expect(res.body.booking.status).toBe('pending');
    const id = res.body.booking.id as string;

    const request = await smtp.waitFor(
      (m) => m.to.includes('coordinator@klasteris.demo') && m.subject.startsWith('Booking request: Muscat test lab'),
    );
    expect(request.subject).toBe('Booking request: Muscat test lab, Rūta Kazlauskienė');
    expect(request.text).toContain('Purpose: 5G <b>interop</b> tests');
    expect(request.html).not.toContain('<b>interop</b>');
    expect(request.text).toContain('Location: KOM 4, Muscat');
    expect(request.link(`${t.config.publicUrl}/infrastructure/`)).toBe(`${t.config.publicUrl}/infrastructure/approvals`);
    expect(request.header('List-Unsubscribe')).toMatch(new RegExp(`^<${t.config.publicUrl}/api/mail/unsubscribe\\?token=`));
    expect(request.header('List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    // the requester gets no request mail of their own (the demo's own bookings may remind them meanwhile)
    const aboutLab = (m: ReceivedMail) => m.to.includes('member@klasteris.demo') && m.subject.includes('Muscat test lab');
    expect(smtp.received.some(aboutLab)).toBe(false);

    expect(
      (await t.http.post(`/api/bookings/${id}/approve`).set(bearer(coordinator)).send({ note: 'Bring your own SIM cards.' })).status,
    ).toBe(200);
    const approved = await smtp.waitFor((m) => m.to.includes('member@klasteris.demo') && m.subject.startsWith('Rezervacija patvirtinta'));
    expect(approved.subject).toBe('Rezervacija patvirtinta: Muscat test lab');
    expect(approved.text).toMatch(/^Sveiki, Rūta Kazlauskienė,/);
    expect(approved.text).toContain('> Bring your own SIM cards.');
    expect(approved.link(`${t.config.publicUrl}/infrastructure/bookings/`)).toBe(`${t.config.publicUrl}/infrastructure/bookings/${id}`);
    expect(approved.raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/i);
    const [invite] = invitesOf(approved);
    expect(invite).toMatchObject({
      method: 'REQUEST',
      uid: `${id}@klasteris`,
      status: 'CONFIRMED',
      tzid: 'Asia/Muscat',
      start,
      end: start + 2 * H,
    });
    expect(invite!.localStart).toMatch(/T10:00:00$/);
    expect(invite!.organizer).toBe('mailto:portal@cluster.example');
    expect(invite!.attendee).toBe('mailto:member@klasteris.demo');

    // The coordinator cancels: the requester's calendar drops the same event (same UID, higher SEQUENCE).
    expect(
      (await t.http.post(`/api/bookings/${id}/cancel`).set(bearer(coordinator)).send({ reason: 'The lab floods on Mondays.' })).status,
    ).toBe(200);
    const cancelled = await smtp.waitFor((m) => m.to.includes('member@klasteris.demo') && m.subject.startsWith('Rezervacija atšaukta'));
    expect(cancelled.text).toContain('> The lab floods on Mondays.');
    expect(cancelled.text).toContain('atšaukė jūsų „Muscat test lab“ rezervaciją');
    const [cancel] = invitesOf(cancelled);
    expect(cancel).toMatchObject({ method: 'CANCEL', uid: invite!.uid, status: 'CANCELLED', tzid: 'Asia/Muscat', start });
    expect(cancel!.sequence).toBeGreaterThan(invite!.sequence);

    // Each cause mailed once: asking again (a second approve or cancel) queues nothing new.
    expect((await t.http.post(`/api/bookings/${id}/cancel`).set(bearer(coordinator)).send({})).status).toBe(409);
    await new Promise((r) => setTimeout(r, 500));
    expect(smtp.received.filter(aboutLab)).toHaveLength(2);
  });

  it('the requester cancelling an approved booking gets the cancellation for their calendar', async () => {
    const room = await h.createResource({ name: 'Approval room', policy: { approval: { required: true, approvers: 'coordinator' } } });
    const start = mondayUtc(3) + 8 * H;
    const res = await h.book(member2, { resourceId: room.id, start: iso(start), end: iso(start + H) });
    const id = res.body.booking.id as string;
    expect((await t.http.post(`/api/bookings/${id}/approve`).set(bearer(coordinator)).send({})).status).toBe(200);
    const approved = await smtp.waitFor((m) => m.to.includes('member2@klasteris.demo') && m.subject === 'Booking confirmed: Approval room');
    expect(approved.text).not.toContain('A note from the approver');
    expect((await t.http.post(`/api/bookings/${id}/cancel`).set(bearer(member2)).send({})).status).toBe(200);
    const mail = await smtp.waitFor((m) => m.to.includes('member2@klasteris.demo') && m.subject === 'Booking cancelled: Approval room');
    expect(mail.text).toContain('Your booking of Approval room is cancelled.');
    const [invite] = invitesOf(approved);
    const [cancel] = invitesOf(mail);
    expect(cancel).toMatchObject({ method: 'CANCEL', uid: `${id}@klasteris`, tzid: 'Europe/Vilnius', start });
    expect(cancel!.sequence).toBeGreaterThan(invite!.sequence);
  });

  it('a rejection mails the requester the reason, without an invitation', async () => {
    const room = await h.createResource({ name: 'Board room', policy: { approval: { required: true, approvers: 'coordinator' } } });
    const start = mondayUtc(2) + 8 * H;
    const res = await h.book(member2, { resourceId: room.id, start: iso(start), end: iso(start + H) });
    expect(
      (
        await t.http
          .post(`/api/bookings/${res.body.booking.id}/reject`)
          .set(bearer(coordinator))
          .send({ note: 'Reserved for the board that week.' })
      ).status,
    ).toBe(200);
    const mail = await smtp.waitFor((m) => m.to.includes('member2@klasteris.demo') && m.subject === 'Booking declined: Board room');
    expect(mail.text).toContain('> Reserved for the board that week.');
    expect(mail.text).toContain('When: ');
    expect(mail.parsed.attachments.filter((a) => /calendar|ics/.test(a.contentType))).toHaveLength(0);
  });

  it('a freed time offered from the waitlist mails its deadline; cancelling one’s own booking that was never approved mails nothing', async () => {
    const room = await h.createResource({ name: 'Popular room' });
    const start = mondayUtc(2) + 10 * H;
    const taken = await h.book(member2, { resourceId: room.id, start: iso(start), end: iso(start + H) });
    expect(taken.body.booking.status).toBe('confirmed');
    const joined = await t.http
      .post('/api/waitlist')
      .set(bearer(member))
      .send({ resourceId: room.id, start: iso(start), end: iso(start + H), purpose: 'Waiting for the room' });
    expect(joined.body.entry.status).toBe('waiting');
    const before = smtp.received.length;
    expect((await t.http.post(`/api/bookings/${taken.body.booking.id}/cancel`).set(bearer(member2)).send({})).status).toBe(200);

    const mail = await smtp.waitFor(
      (m) => m.to.includes('member@klasteris.demo') && m.subject === '„Popular room“ atsilaisvino jūsų norimu laiku',
    );
    const entry = (await t.http.get('/api/waitlist/mine').set(bearer(member))).body.items[0];
    expect(entry.status).toBe('offered');
    // the deadline, in the resource's zone, as the recipient's language writes it
    const deadline = new Intl.DateTimeFormat('lt-LT', { timeZone: 'Europe/Vilnius', hour: '2-digit', minute: '2-digit' }).format(
      new Date(entry.offerExpiresAt),
    );
    expect(mail.text).toContain('Jis laikomas jums iki ');
    expect(mail.text).toContain(deadline);
    expect(mail.link(`${t.config.publicUrl}/infrastructure/bookings/`)).toBe(
      `${t.config.publicUrl}/infrastructure/bookings/${entry.offerBookingId}`,
    );
    await new Promise((r) => setTimeout(r, 500));
    expect(smtp.received.slice(before).filter((m) => m.to.includes('member2@klasteris.demo'))).toHaveLength(0);
  });

  it('reminds an hour before the start with the check-in link, once, on the node holding the lease', async () => {
    const lab = await h.createResource({ name: 'Check-in lab', policy: { slotMinutes: 15, minDurationMinutes: 15, checkIn: true } });
    const Q = 15 * 60_000;
    const soon = Math.ceil((Date.now() + 1000) / Q) * Q;
    const now = await h.book(member2, { resourceId: lab.id, start: iso(soon), end: iso(soon + H) });
    const later = await h.book(member2, { resourceId: lab.id, start: iso(soon + 3 * H), end: iso(soon + 4 * H) });
    expect([now.status, later.status]).toEqual([201, 201]);
    const reminders = t.app.get(BookingReminders);
    const at = new Date(soon - 30 * 60_000); // half an hour before the start, whatever the clock says now

    // Another node holds the job's lease: this node's tick queues nothing.
    await t.connection
      .collection('leases')
      .updateOne(
        { _id: BOOKING_REMINDERS_LEASE as unknown as Types.ObjectId },
        { $set: { owner: 'another-node', until: new Date(Date.now() + 60_000) } },
        { upsert: true },
      );
    await reminders.tick(at);
    expect(await outbox().countDocuments({ kind: 'booking.reminder' })).toBe(0);

    // The lease runs out: this node takes it, and running the job again queues nothing more.
    await t.connection
      .collection('leases')
      .updateOne({ _id: BOOKING_REMINDERS_LEASE as unknown as Types.ObjectId }, { $set: { until: new Date(0) } });
    await reminders.tick(at);
    await reminders.tick(new Date(at.getTime() + 60_000));
    await reminders.run(new Date(at.getTime() + 120_000));
    expect(await outbox().countDocuments({ kind: 'booking.reminder', subject: { $regex: 'Check-in lab' } })).toBe(1);
    const mail = await smtp.waitFor((m) => m.to.includes('member2@klasteris.demo') && m.subject.startsWith('Reminder: Check-in lab at '));
    expect(mail.header('List-Unsubscribe')).toBeDefined();
    expect(mail.text).toContain('Check in:');
    expect(mail.text).toContain('This resource asks you to check in');
    const link = mail.link(`${t.config.publicUrl}/infrastructure/bookings/`);
    expect(link).toBe(`${t.config.publicUrl}/infrastructure/bookings/${now.body.booking.id}`);
    // the link's booking is the one to check in to, and checking in works now
    const bookingId = new URL(link).pathname.split('/').pop()!;
    const checked = await t.http.post(`/api/bookings/${bookingId}/check-in`).set(bearer(member2));
    expect(checked.status).toBe(200);
    expect(checked.body.booking.checkedInAt).toEqual(expect.any(String));
    await new Promise((r) => setTimeout(r, 500));
    expect(smtp.received.filter((m) => m.subject.startsWith('Reminder: Check-in lab'))).toHaveLength(1);
    // the booking three hours ahead is reminded when its hour comes
    await reminders.run(new Date(soon + 2 * H + 1));
    await smtp.waitFor((m) => m.subject.startsWith('Reminder: Check-in lab') && m.text.includes(later.body.booking.id as string));
  });
});
