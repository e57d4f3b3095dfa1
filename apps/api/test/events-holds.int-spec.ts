import ICAL from 'ical.js';
import type { AttendeesResponse, ClusterEvent } from '@klasteris/contracts';
import { eventHelpers } from './support/events';
import { startTestSmtp, type TestSmtp } from './support/smtp';
import { eventually, sleep } from './support/sockets';
import { bearer, createTestApp, login, newMember, TestApp } from './support/test-app';

describe('events: a freed place is held for the first in line, who must confirm; cancellation mails', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let ev: ReturnType<typeof eventHelpers>;
  let coordinator: string;

  const attendees = async (id: string): Promise<AttendeesResponse> =>
    (await t.http.get(`/api/events/${id}/attendees`).set(bearer(coordinator))).body as AttendeesResponse;
  const mine = async (token: string, id: string): Promise<ClusterEvent> =>
    (await t.http.get(`/api/events/${id}`).set(bearer(token))).body.event as ClusterEvent;

  beforeAll(async () => {
    smtp = await startTestSmtp();
    t = await createTestApp({ SMTP_URL: smtp.url, EVENT_HOLD_SECONDS: '2', EVENT_HOLD_SWEEP_MS: '100' });
    ev = eventHelpers(t);
    coordinator = (await login(t, 'coordinator@klasteris.demo')).accessToken;
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  it('the hold lapses unconfirmed: the next in line is offered the place and confirms it; the lapsed person left the line', async () => {
    const e = await ev.created(coordinator, { capacity: 1, title: 'One seat workshop' });
    const [a, b, c] = [
      await newMember(t, { displayName: 'Ada Going' }),
      await newMember(t, { displayName: 'Ben Waiting' }),
      await newMember(t, { displayName: 'Cy Waiting' }),
    ];
    expect((await ev.rsvp(a.accessToken, e.id, 'going')).body.rsvp).toEqual({ status: 'going' });
    expect((await ev.rsvp(b.accessToken, e.id, 'going')).body.rsvp).toEqual({ status: 'waitlisted', position: 1 });
    expect((await ev.rsvp(c.accessToken, e.id, 'going')).body.rsvp).toEqual({ status: 'waitlisted', position: 2 });

    const t0 = Date.now();
    await ev.rsvp(a.accessToken, e.id, 'declined');
    const bView = await mine(b.accessToken, e.id);
    expect(bView.myRsvp).toEqual({ status: 'waitlisted', offer: { expiresAt: expect.any(String) } });
    const expires = Date.parse(bView.myRsvp!.offer!.expiresAt);
    expect(expires - t0).toBeGreaterThan(1000);
    expect(expires - t0).toBeLessThan(4000);
    expect(bView.going).toBe(1); // the held place is not up for grabs
    expect((await mine(c.accessToken, e.id)).myRsvp).toEqual({ status: 'waitlisted', position: 1 });
    const offerB = await smtp.waitFor((m) => m.to.includes(b.email) && m.subject === 'A place is free for you: One seat workshop');
    expect(offerB.link(`${t.config.publicUrl}/events/${e.id}`)).toBe(`${t.config.publicUrl}/events/${e.id}`);
    // a newcomer cannot take the held place
    const d = await newMember(t);
    expect((await ev.rsvp(d.accessToken, e.id, 'going')).body.rsvp).toEqual({ status: 'waitlisted', position: 2 });

    // Ben does nothing: the hold lapses and Cy is offered the place
    await eventually(
      async () =>
        expect((await mine(c.accessToken, e.id)).myRsvp).toEqual({ status: 'waitlisted', offer: { expiresAt: expect.any(String) } }),
      6000,
    );
    expect((await mine(b.accessToken, e.id)).myRsvp).toEqual({ status: 'declined' });
    await smtp.waitFor((m) => m.to.includes(c.email) && m.subject.startsWith('A place is free for you'));
    expect((await ev.rsvp(c.accessToken, e.id, 'going')).body.rsvp).toEqual({ status: 'going' });
    const list = await attendees(e.id);
    expect(list.counts).toEqual({ going: 1, waitlisted: 1, maybe: 0, declined: 2 });
    expect(list.offered).toBe(0);
    expect(list.items.find((x) => x.userId === d.user.id)).toMatchObject({ status: 'waitlisted', position: 1 });
    // Ben asking again joins the end of the line
    expect((await ev.rsvp(b.accessToken, e.id, 'going')).body.rsvp).toEqual({ status: 'waitlisted', position: 2 });
    expect(Date.now() - t0).toBeLessThan(15_000);
  }, 30_000);

  it('an offered person who declines hands the place on at once; a late confirmation after the lapse queues again', async () => {
    const e = await ev.created(coordinator, { capacity: 1, title: 'Hand-on seat' });
    const [a, b, c] = [await newMember(t), await newMember(t), await newMember(t)];
    await ev.rsvp(a.accessToken, e.id, 'going');
    await ev.rsvp(b.accessToken, e.id, 'going');
    await ev.rsvp(c.accessToken, e.id, 'going');
    await ev.rsvp(a.accessToken, e.id, 'declined');
    expect((await mine(b.accessToken, e.id)).myRsvp?.offer).toBeDefined();
    expect((await ev.rsvp(b.accessToken, e.id, 'maybe')).body.rsvp).toEqual({ status: 'maybe' });
    expect((await mine(c.accessToken, e.id)).myRsvp?.offer).toBeDefined();
    expect((await attendees(e.id)).offered).toBe(1);
    // nobody confirms; with the line empty the lapsed place goes back to the counter
    await eventually(async () => expect((await mine(c.accessToken, e.id)).going).toBe(0), 6000);
    expect((await ev.rsvp(c.accessToken, e.id, 'going')).body.rsvp).toEqual({ status: 'going' });
  }, 30_000);

  it('cancelling an event mails everyone holding a place, waiting or maybe (EN/LT, reason, ICS marked cancelled) — not those who declined', async () => {
    const e = await ev.created(coordinator, { capacity: 1, title: 'Muscat roadshow' });
    const going = await newMember(t);
    const waiting = await newMember(t);
    const maybe = await newMember(t);
    const declined = await newMember(t);
    await ev.rsvp(going.accessToken, e.id, 'going');
    await ev.rsvp(waiting.accessToken, e.id, 'going');
    await ev.rsvp(maybe.accessToken, e.id, 'maybe');
    await ev.rsvp(declined.accessToken, e.id, 'declined');
    expect((await t.http.patch('/api/auth/me').set(bearer(maybe.accessToken)).send({ language: 'lt' })).status).toBe(200);

    const res = await t.http.post(`/api/events/${e.id}/cancel`).set(bearer(coordinator)).send({ reason: 'The venue flooded' });
    expect(res.status).toBe(200);
    const [toGoing, toWaiting, toMaybe] = await Promise.all(
      [going, waiting, maybe].map((p) => smtp.waitFor((m) => m.to.includes(p.email) && m.header('x-klasteris-kind') === 'event.cancelled')),
    );
    expect(toGoing!.subject).toBe('Cancelled: Muscat roadshow');
    expect(toGoing!.text).toContain('The venue flooded');
    expect(toWaiting!.subject).toBe('Cancelled: Muscat roadshow');
    expect(toMaybe!.subject).toBe('Atšaukta: Muscat roadshow');
    const ics = toGoing!.parsed.attachments.find((x) => x.filename === 'event.ics')!;
    const vevent = new ICAL.Component(ICAL.parse(ics.content.toString('utf8'))).getFirstSubcomponent('vevent')!;
    expect(vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
    await sleep(300);
    expect(smtp.received.some((m) => m.to.includes(declined.email) && m.header('x-klasteris-kind') === 'event.cancelled')).toBe(false);
    // cancelling again: 409, no second round of mails
    expect((await t.http.post(`/api/events/${e.id}/cancel`).set(bearer(coordinator)).send({})).status).toBe(409);
    await sleep(200);
    expect(smtp.received.filter((m) => m.to.includes(going.email) && m.header('x-klasteris-kind') === 'event.cancelled')).toHaveLength(1);
  }, 30_000);
});
