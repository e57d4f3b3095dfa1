import type { Socket } from 'socket.io-client';
import type { EventUpdatedPayload } from '@klasteris/contracts';
import { eventHelpers } from './support/events';
import { collect, emitAck, eventually, sleep, SocketPool } from './support/sockets';
import { bearer, createTestApp, login, newMember, TestApp } from './support/test-app';

describe('events: live counts in the room of an event', () => {
  let t: TestApp;
  let ev: ReturnType<typeof eventHelpers>;
  let pool: SocketPool;
  let coordinator: string;
  let member: string; // in "Middle East market entry"
  let member2: string; // not in it
  let salim: string; // its coordinator
  let groupId: string;

  const subscribe = (s: Socket, eventId: unknown) => emitAck<{ counts: EventUpdatedPayload }>(s, 'event:subscribe', { eventId });

  beforeAll(async () => {
    t = await createTestApp();
    ev = eventHelpers(t);
    pool = new SocketPool(() => t.url);
    coordinator = (await login(t, 'coordinator@klasteris.demo')).accessToken;
    member = (await login(t, 'member@klasteris.demo')).accessToken;
    member2 = (await login(t, 'member2@klasteris.demo')).accessToken;
    salim = (await login(t, 'salim@klasteris.demo')).accessToken;
    const groups = await t.http.get('/api/groups').query({ q: 'Middle East' }).set(bearer(coordinator));
    groupId = (groups.body.items as { id: string; name: string }[]).find((g) => g.name === 'Middle East market entry')!.id;
  });
  afterEach(() => pool.closeAll());
  afterAll(() => t.close());

  it('a subscriber gets the counts at once and after every RSVP, registration and capacity change', async () => {
    const e = await ev.created(coordinator, { capacity: 2, title: 'Live counts day', visibility: 'public' });
    const s = await pool.connect(member);
    const got = collect<EventUpdatedPayload>(s, 'event:updated');
    const sub = await subscribe(s, e.id);
    expect(sub).toEqual({
      ok: true,
      counts: { eventId: e.id, state: 'published', capacity: 2, going: 0, waitlisted: 0, offered: 0, placesLeft: 2 },
    });

    const a = await newMember(t);
    const b = await newMember(t);
    await ev.rsvp(a.accessToken, e.id, 'going');
    await eventually(() => expect(got.at(-1)).toMatchObject({ eventId: e.id, going: 1, placesLeft: 1, waitlisted: 0 }));
    await ev.rsvp(b.accessToken, e.id, 'going');
    const reg = await t.http
      .post(`/api/public/events/${e.id}/registrations`)
      .send({ name: 'Aigerim Prospect', email: 'aigerim@example.kz', organisation: 'Astana Hub', country: 'KZ' });
    expect(reg.status).toBe(201);
    await eventually(() => expect(got.at(-1)).toMatchObject({ going: 2, placesLeft: 0, waitlisted: 1 }));

    const raised = await t.http.patch(`/api/events/${e.id}`).set(bearer(coordinator)).send({ capacity: 5 });
    expect(raised.status).toBe(200);
    await eventually(() => expect(got.at(-1)).toMatchObject({ capacity: 5, going: 3, waitlisted: 0, offered: 1, placesLeft: 2 }));

    await t.http.post(`/api/events/${e.id}/cancel`).set(bearer(coordinator)).send({});
    await eventually(() => expect(got.at(-1)).toMatchObject({ state: 'cancelled' }));

    // unsubscribed: nothing more
    expect(await emitAck(s, 'event:unsubscribe', { eventId: e.id })).toEqual({ ok: true });
    const n = got.length;
    const e2 = await ev.created(coordinator, { title: 'Another day' });
    await subscribe(s, e2.id);
    await ev.rsvp(a.accessToken, e2.id, 'going');
    await eventually(() => expect(got.at(-1)).toMatchObject({ eventId: e2.id, going: 1 }));
    expect(got.slice(n).every((p) => p.eventId === e2.id)).toBe(true);
  }, 60_000);

  it('a group event: a non-member is refused (NOT_FOUND) and hears nothing; a member of the group hears the counts', async () => {
    const e = await ev.created(salim, { groupId, visibility: 'group', title: 'Gulf live briefing' });
    const outsider = await pool.connect(member2);
    const insider = await pool.connect(member);
    const outsiderGot = collect<EventUpdatedPayload>(outsider, 'event:updated');
    const insiderGot = collect<EventUpdatedPayload>(insider, 'event:updated');
    const denied = await subscribe(outsider, e.id);
    expect(denied).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await subscribe(insider, e.id)).ok).toBe(true);

    await ev.rsvp(member, e.id, 'going');
    await eventually(() => expect(insiderGot.at(-1)).toMatchObject({ eventId: e.id, going: 1 }));
    await sleep(150);
    expect(outsiderGot).toEqual([]);

    // a draft is NOT_FOUND to members; bad payloads are VALIDATION_FAILED
    const draft = await ev.created(coordinator, { publish: false, title: 'Secret draft' });
    expect(await subscribe(insider, draft.id)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await subscribe(insider, 'nope')).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(await emitAck(insider, 'event:subscribe', { eventId: e.id, extra: 1 })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
    expect(await emitAck(insider, 'event:unsubscribe', 'x')).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  }, 60_000);

  it('when an event is narrowed to a group, subscribers who may no longer see it stop hearing it', async () => {
    const e = await ev.created(salim, { groupId, visibility: 'members', title: 'Open then closed' });
    const outsider = await pool.connect(member2);
    const got = collect<EventUpdatedPayload>(outsider, 'event:updated');
    expect((await subscribe(outsider, e.id)).ok).toBe(true);
    await ev.rsvp(member, e.id, 'going');
    await eventually(() => expect(got.at(-1)).toMatchObject({ going: 1 }));
    expect((await t.http.patch(`/api/events/${e.id}`).set(bearer(salim)).send({ visibility: 'group' })).status).toBe(200);
    await sleep(200);
    const n = got.length;
    await ev.rsvp(salim, e.id, 'going');
    await sleep(300);
    expect(got.length).toBe(n);
  }, 60_000);
});
