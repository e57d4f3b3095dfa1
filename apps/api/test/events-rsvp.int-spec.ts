import type { Attendee, AttendeesResponse, RsvpView } from '@klasteris/contracts';
import { eventHelpers, newMembers } from './support/events';
import { bearer, createTestApp, login, newMember, TestApp } from './support/test-app';

describe('events: RSVP with capacity and a waitlist, race-safe', () => {
  let t: TestApp;
  let ev: ReturnType<typeof eventHelpers>;
  let coordinator: string;

  const attendees = async (id: string): Promise<AttendeesResponse> => {
    const res = await t.http.get(`/api/events/${id}/attendees`).set(bearer(coordinator));
    expect(res.status).toBe(200);
    return res.body as AttendeesResponse;
  };

  beforeAll(async () => {
    t = await createTestApp();
    ev = eventHelpers(t);
    coordinator = (await login(t, 'coordinator@klasteris.demo')).accessToken;
  });
  afterAll(() => t.close());

  it('50 concurrent RSVPs for 10 places: exactly 10 going, 40 waitlisted in order; a decline promotes the first in line', async () => {
    const e = await ev.created(coordinator, { capacity: 10, title: 'Ten places' });
    const people = await newMembers(t, 50, (i) => `Racer ${i}`);
    const answers = await Promise.all(people.map(async (p) => ({ p, res: await ev.rsvp(p.accessToken, e.id, 'going') })));
    for (const { res } of answers) expect(res.status).toBe(200);
    const views = answers.map(({ res }) => res.body.rsvp as RsvpView);
    expect(views.filter((v) => v.status === 'going')).toHaveLength(10);
    expect(views.filter((v) => v.status === 'waitlisted')).toHaveLength(40);

    const list = await attendees(e.id);
    expect(list.counts).toEqual({ going: 10, waitlisted: 40, maybe: 0, declined: 0 });
    const line = list.items.filter((a) => a.status === 'waitlisted');
    expect(line.map((a) => a.position)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect((await t.http.get(`/api/events/${e.id}`).set(bearer(coordinator))).body.event).toMatchObject({ capacity: 10, going: 10 });

    // each person's own view agrees with the list
    const byName = new Map(people.map((p) => [p.user.displayName, p]));
    for (const a of line.slice(0, 3)) {
      const mine = await t.http.get(`/api/events/${e.id}`).set(bearer(byName.get(a.name)!.accessToken));
      expect(mine.body.event.myRsvp).toEqual({ status: 'waitlisted', position: a.position });
    }

    // a going person declines: the place is held for the first in line (counted in `going`), everyone else moves up one
    const leaver = list.items.find((a) => a.status === 'going')!;
    const declined = await ev.rsvp(byName.get(leaver.name)!.accessToken, e.id, 'declined');
    expect(declined.body.rsvp).toEqual({ status: 'declined' });
    const after = await attendees(e.id);
    expect(after.counts).toEqual({ going: 9, waitlisted: 40, maybe: 0, declined: 1 });
    expect(after.offered).toBe(1);
    const held = after.items.find((a) => a.id === line[0]!.id)!;
    expect(held).toMatchObject({ status: 'waitlisted', offerExpiresAt: expect.any(String) });
    expect(held.position).toBeUndefined();
    expect(after.items.find((a) => a.id === line[1]!.id)!.position).toBe(1);
    expect((await t.http.get(`/api/events/${e.id}`).set(bearer(coordinator))).body.event.going).toBe(10);
    const first = byName.get(line[0]!.name)!.accessToken;
    const offered = await t.http.get(`/api/events/${e.id}`).set(bearer(first));
    expect(offered.body.event.myRsvp).toEqual({ status: 'waitlisted', offer: { expiresAt: held.offerExpiresAt } });
    // answering going confirms the held place
    expect((await ev.rsvp(first, e.id, 'going')).body.rsvp).toEqual({ status: 'going' });
    expect((await attendees(e.id)).counts).toEqual({ going: 10, waitlisted: 39, maybe: 0, declined: 1 });

    // someone waiting gives up: no place changes hands, the line closes up
    await ev.rsvp(byName.get(line[5]!.name)!.accessToken, e.id, 'maybe');
    const later = await attendees(e.id);
    expect(later.counts).toEqual({ going: 10, waitlisted: 38, maybe: 1, declined: 1 });
    expect(later.items.filter((a) => a.status === 'waitlisted').map((a) => a.position)).toEqual(
      Array.from({ length: 38 }, (_, i) => i + 1),
    );

    // raising the capacity holds places for the next two
    const raised = await t.http.patch(`/api/events/${e.id}`).set(bearer(coordinator)).send({ capacity: 12 });
    expect(raised.body.event).toMatchObject({ capacity: 12, going: 12 });
    const grown = await attendees(e.id);
    expect(grown.counts).toMatchObject({ going: 10, waitlisted: 38 });
    expect(grown.offered).toBe(2);
  }, 120_000);

  it('concurrent declines and joins never overfill: going ≤ capacity and the counter matches the list', async () => {
    const e = await ev.created(coordinator, { capacity: 5, title: 'Five places' });
    const people = await newMembers(t, 20);
    await Promise.all(people.slice(0, 10).map((p) => ev.rsvp(p.accessToken, e.id, 'going')));
    // the first five going leave while ten more join, all at once
    const list = await attendees(e.id);
    const goingNames = new Set(list.items.filter((a) => a.status === 'going').map((a) => a.name));
    const leavers = people.slice(0, 10).filter((p) => goingNames.has(p.user.displayName));
    await Promise.all([
      ...leavers.map((p) => ev.rsvp(p.accessToken, e.id, 'declined')),
      ...people.slice(10).map((p) => ev.rsvp(p.accessToken, e.id, 'going')),
    ]);
    const final = await attendees(e.id);
    // places freed by the leavers are held for the first in line: held + going = 5, ten still in line
    expect(final.counts.going + final.offered).toBe(5);
    expect(final.counts.waitlisted - final.offered).toBe(10);
    expect(final.counts.declined).toBe(5);
    const event = (await t.http.get(`/api/events/${e.id}`).set(bearer(coordinator))).body.event;
    expect(event.going).toBe(5);
  }, 120_000);

  it('answers are idempotent and change freely: maybe → going → going → declined; bad status is a 400', async () => {
    const e = await ev.created(coordinator, { title: 'No limit' });
    const m = await newMember(t);
    expect((await ev.rsvp(m.accessToken, e.id, 'maybe')).body.rsvp).toEqual({ status: 'maybe' });
    expect((await ev.rsvp(m.accessToken, e.id, 'going')).body.rsvp).toEqual({ status: 'going' });
    expect((await ev.rsvp(m.accessToken, e.id, 'going')).body.rsvp).toEqual({ status: 'going' });
    expect((await t.http.get(`/api/events/${e.id}`).set(bearer(m.accessToken))).body.event).toMatchObject({
      going: 1,
      capacity: null,
      myRsvp: { status: 'going' },
    });
    expect((await ev.rsvp(m.accessToken, e.id, 'declined')).body.rsvp).toEqual({ status: 'declined' });
    expect((await t.http.get(`/api/events/${e.id}`).set(bearer(m.accessToken))).body.event.going).toBe(0);
    const bad = await ev.rsvp(m.accessToken, e.id, 'waitlisted');
    expect(bad.status).toBe(400);
    expect(bad.body.details.fields[0].field).toBe('status');
    expect((await t.http.post(`/api/events/${e.id}/rsvp`).send({ status: 'going' })).status).toBe(401);
    const list = await attendees(e.id);
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject<Partial<Attendee>>({ kind: 'member', status: 'declined', name: m.user.displayName });
  });
});
