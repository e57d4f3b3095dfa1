import { Types } from 'mongoose';
import type { Ack, EventAnnouncementResponse, Message, MyChannel, Notification } from '@klasteris/contracts';
import { eventHelpers } from './support/events';
import { startTestSmtp, type TestSmtp } from './support/smtp';
import { clientId, collect, emitAck, eventually, sleep, SocketPool } from './support/sockets';
import { bearer, createTestApp, login, newMember, TestApp } from './support/test-app';

/**
 * Each event's attendees' channel (modules/event-channels): the people going and the organisers,
 * kept in step with the answers, the visibility and the state, on open sockets too; and the
 * organisers' post to the people going (notification, mail).
 */
describe("events: the attendees' chat channel and the organisers' post to the people going", () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let ev: ReturnType<typeof eventHelpers>;
  let coordinator: string;
  const pool = new SocketPool(() => t.url);

  beforeAll(async () => {
    smtp = await startTestSmtp();
    t = await createTestApp({ SMTP_URL: smtp.url, MAIL_POLL_MS: '200', EVENT_HOLD_SECONDS: '30' });
    ev = eventHelpers(t);
    coordinator = (await login(t, 'coordinator@klasteris.demo')).accessToken;
  });
  afterEach(() => pool.closeAll());
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  const channelsOf = async (token: string): Promise<MyChannel[]> => (await t.http.get('/api/channels').set(bearer(token))).body.items;
  const eventChannel = async (token: string, eventId: string): Promise<MyChannel | undefined> =>
    (await channelsOf(token)).find((c) => c.eventId === eventId);
  const open = (token: string, eventId: string) => t.http.get(`/api/events/${eventId}/channel`).set(bearer(token));
  const announce = (token: string, eventId: string, body: Record<string, unknown>) =>
    t.http.post(`/api/events/${eventId}/announcements`).set(bearer(token)).send(body);
  const messageCount = (channelId: string): Promise<number> =>
    t.connection.collection('messages').countDocuments({ channelId: new Types.ObjectId(channelId), authorId: { $ne: null } });

  it('people going are members, the organiser its owner; maybe, waitlisted and a held place are not; whoever stops going leaves', async () => {
    const [ana, ben, cid] = [await newMember(t), await newMember(t), await newMember(t)];
    const e = await ev.created(coordinator, { title: 'Cloud cooperation day', capacity: 1 });

    // the organiser's channel exists as soon as the event is published
    const opened = await open(coordinator, e.id);
    expect(opened.status).toBe(200);
    const channel = opened.body.channel as MyChannel;
    expect(channel).toMatchObject({ type: 'private', role: 'owner', eventId: e.id, topic: 'Cloud cooperation day' });
    expect(channel.name).toMatch(/^cloud-cooperation-day-[0-9a-f]{4}$/);

    expect((await ev.rsvp(ana.accessToken, e.id, 'going')).body.rsvp.status).toBe('going');
    expect((await ev.rsvp(ben.accessToken, e.id, 'going')).body.rsvp).toEqual({ status: 'waitlisted', position: 1 });
    expect((await ev.rsvp(cid.accessToken, e.id, 'maybe')).body.rsvp.status).toBe('maybe');
    await eventually(async () => expect((await eventChannel(ana.accessToken, e.id))?.id).toBe(channel.id));
    await sleep(150);
    expect(await eventChannel(ben.accessToken, e.id)).toBeUndefined();
    expect(await eventChannel(cid.accessToken, e.id)).toBeUndefined();
    // the event page's "Event chat": 200 for the people going, 403 for the others who see the event
    expect((await open(ana.accessToken, e.id)).body.channel.id).toBe(channel.id);
    expect((await open(ben.accessToken, e.id)).status).toBe(403);
    expect((await open(cid.accessToken, e.id)).body.code).toBe('FORBIDDEN');
    // a private channel: neither joined nor read by those not in it
    expect((await t.http.post(`/api/channels/${channel.id}/join`).set(bearer(ben.accessToken))).status).toBe(404);
    expect((await t.http.get(`/api/channels/${channel.id}/messages`).set(bearer(cid.accessToken))).status).toBe(404);

    // Ana gives up her place: it is held for Ben (not yet his: not in the channel), who confirms it
    expect((await ev.rsvp(ana.accessToken, e.id, 'declined')).body.rsvp.status).toBe('declined');
    await eventually(async () => expect(await eventChannel(ana.accessToken, e.id)).toBeUndefined());
    expect((await t.http.get(`/api/events/${e.id}`).set(bearer(ben.accessToken))).body.event.myRsvp.offer).toBeDefined();
    expect(await eventChannel(ben.accessToken, e.id)).toBeUndefined();
    expect((await ev.rsvp(ben.accessToken, e.id, 'going')).body.rsvp.status).toBe('going');
    await eventually(async () => expect((await eventChannel(ben.accessToken, e.id))?.id).toBe(channel.id));
    const members = (await t.http.get(`/api/channels/${channel.id}/members`).set(bearer(coordinator))).body.items as {
      userId: string;
      role: string;
    }[];
    expect(members.map((m) => m.role).sort()).toEqual(['member', 'owner']);
  });

  it('a removal reaches an open socket at once: the member leaves the room, stops hearing posts and cannot post', async () => {
    const ana = await newMember(t);
    const e = await ev.created(coordinator, { title: 'Live removal' });
    const channelId = ((await open(coordinator, e.id)).body.channel as MyChannel).id;
    const socket = await pool.connect(ana.accessToken);
    const heard = collect<{ message: Message }>(socket, 'message:new');
    const removed = collect<{ channelId: string }>(socket, 'channel:removed');
    const joined = collect<{ channel: { id: string } }>(socket, 'channel:updated');
    await ev.rsvp(ana.accessToken, e.id, 'going');
    await eventually(() => expect(joined.some((j) => j.channel.id === channelId)).toBe(true));

    const first = await announce(coordinator, e.id, { body: 'Doors open at 9:30', clientMsgId: clientId() });
    expect(first.status).toBe(201);
    await eventually(() => expect(heard.map((h) => h.message.body)).toContain('Doors open at 9:30'));
    const mine = await emitAck<{ message: Message }>(socket, 'message:send', { channelId, clientMsgId: clientId(), body: 'See you there' });
    expect(mine.ok).toBe(true);

    await ev.rsvp(ana.accessToken, e.id, 'declined');
    await eventually(() => expect(removed).toEqual([{ channelId }]));
    await announce(coordinator, e.id, { body: 'Second post, not for Ana', clientMsgId: clientId() });
    await sleep(300);
    expect(heard.map((h) => h.message.body)).not.toContain('Second post, not for Ana');
    const refused = (await emitAck(socket, 'message:send', { channelId, clientMsgId: clientId(), body: 'Still here?' })) as Ack<object>;
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await t.http.get(`/api/channels/${channelId}/messages`).set(bearer(ana.accessToken))).status).toBe(404);
  });

  it('follows the visibility: made a project event, the people going from outside the project leave', async () => {
    const owner = await newMember(t);
    const colleague = await newMember(t);
    const outsider = await newMember(t);
    const project = (await t.http.post('/api/projects').set(bearer(owner.accessToken)).send({ name: 'Event visibility project' })).body
      .project as { id: string };
    const added = await t.http
      .post(`/api/projects/${project.id}/members`)
      .set(bearer(owner.accessToken))
      .send({ userId: colleague.user.id, role: 'member' });
    expect(added.status).toBeLessThan(300);
    const e = await ev.created(owner.accessToken, { title: 'Project demo day', projectId: project.id, visibility: 'members' });
    await ev.rsvp(colleague.accessToken, e.id, 'going');
    await ev.rsvp(outsider.accessToken, e.id, 'going');
    await eventually(async () => {
      expect(await eventChannel(colleague.accessToken, e.id)).toBeDefined();
      expect(await eventChannel(outsider.accessToken, e.id)).toBeDefined();
    });
    expect((await eventChannel(owner.accessToken, e.id))?.role).toBe('owner');

    expect((await t.http.patch(`/api/events/${e.id}`).set(bearer(owner.accessToken)).send({ visibility: 'project' })).status).toBe(200);
    await eventually(async () => expect(await eventChannel(outsider.accessToken, e.id)).toBeUndefined());
    expect(await eventChannel(colleague.accessToken, e.id)).toBeDefined();
    expect((await open(outsider.accessToken, e.id)).status).toBe(404);
  });

  it('follows the group and the project: whoever leaves them leaves the channels of their group-only and project-only events', async () => {
    const owner = await newMember(t);
    const colleague = await newMember(t);
    const project = (await t.http.post('/api/projects').set(bearer(owner.accessToken)).send({ name: 'Project-only events' })).body
      .project as { id: string };
    const added = await t.http
      .post(`/api/projects/${project.id}/members`)
      .set(bearer(owner.accessToken))
      .send({ userId: colleague.user.id, role: 'member' });
    expect(added.status).toBeLessThan(300);
    const group = (
      await t.http
        .post('/api/groups')
        .set(bearer(coordinator))
        .send({ name: `Event chat circle ${clientId()}`, visibility: 'open' })
    ).body.group as { id: string };
    expect((await t.http.post(`/api/groups/${group.id}/join`).set(bearer(colleague.accessToken))).status).toBeLessThan(300);
    const projectEvent = await ev.created(owner.accessToken, { title: 'Project retro', projectId: project.id, visibility: 'project' });
    const groupEvent = await ev.created(coordinator, { title: 'Circle meet-up', groupId: group.id, visibility: 'group' });
    for (const e of [projectEvent, groupEvent]) expect((await ev.rsvp(colleague.accessToken, e.id, 'going')).status).toBe(200);
    await eventually(async () => {
      expect(await eventChannel(colleague.accessToken, projectEvent.id)).toBeDefined();
      expect(await eventChannel(colleague.accessToken, groupEvent.id)).toBeDefined();
    });
    const socket = await pool.connect(colleague.accessToken);
    const removed = collect<{ channelId: string }>(socket, 'channel:removed');
    const projectChannel = (await eventChannel(colleague.accessToken, projectEvent.id))!.id;
    const groupChannel = (await eventChannel(colleague.accessToken, groupEvent.id))!.id;

    // removed from the project: out of the project event's channel (live), still in the group's
    expect(
      (await t.http.delete(`/api/projects/${project.id}/members/${colleague.user.id}`).set(bearer(owner.accessToken))).status,
    ).toBeLessThan(300);
    await eventually(() => expect(removed.map((r) => r.channelId)).toContain(projectChannel));
    expect(await eventChannel(colleague.accessToken, projectEvent.id)).toBeUndefined();
    expect(await eventChannel(colleague.accessToken, groupEvent.id)).toBeDefined();

    // leaving the group: out of the group event's channel too
    expect((await t.http.post(`/api/groups/${group.id}/leave`).set(bearer(colleague.accessToken))).status).toBeLessThan(300);
    await eventually(() => expect(removed.map((r) => r.channelId)).toContain(groupChannel));
    expect(await eventChannel(colleague.accessToken, groupEvent.id)).toBeUndefined();
    expect((await open(colleague.accessToken, groupEvent.id)).status).toBe(404);
  });

  it('a cancelled event closes its channel: archived with its members, no more posts', async () => {
    const ana = await newMember(t);
    const e = await ev.created(coordinator, { title: 'To be cancelled' });
    await ev.rsvp(ana.accessToken, e.id, 'going');
    let channel: MyChannel | undefined;
    await eventually(async () => expect((channel = await eventChannel(ana.accessToken, e.id))).toBeDefined());
    expect((await t.http.post(`/api/events/${e.id}/cancel`).set(bearer(coordinator)).send({ reason: 'Venue flooded' })).status).toBe(200);
    await eventually(async () => expect((await eventChannel(ana.accessToken, e.id))?.archived).toBe(true));
    const socket = await pool.connect(ana.accessToken);
    expect(await emitAck(socket, 'message:send', { channelId: channel!.id, clientMsgId: clientId(), body: 'Refund?' })).toMatchObject({
      ok: false,
      error: { code: 'CHANNEL_ARCHIVED' },
    });
    const late = await announce(coordinator, e.id, { body: 'Sorry', clientMsgId: clientId() });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('EVENT_STATE_CONFLICT');
    // the history stays readable to its members
    expect((await open(ana.accessToken, e.id)).body.channel).toMatchObject({ id: channel!.id, archived: true });
  });

  it("the organiser's post reaches the people going: pinned in the channel, a notification, and a mail (members and prospects)", async () => {
    const ana = await newMember(t, { displayName: 'Ana Going' });
    const cid = await newMember(t);
    const e = await ev.created(coordinator, { title: 'Muscat presentation', visibility: 'public' });
    await ev.rsvp(ana.accessToken, e.id, 'going');
    await ev.rsvp(cid.accessToken, e.id, 'maybe');
    expect(
      (
        await t.http
          .post(`/api/public/events/${e.id}/registrations`)
          .send({ name: 'Salma Al-Busaidi', email: 'salma@omantel.example', organisation: 'Omantel', country: 'OM' })
      ).status,
    ).toBe(201);

    const msgId = clientId();
    const res = await announce(coordinator, e.id, { body: 'Bring your **passport** for the venue', clientMsgId: msgId, email: true });
    expect(res.status).toBe(201);
    const posted = res.body as EventAnnouncementResponse;
    expect(posted).toMatchObject({ notified: 1, mailed: 2, message: { body: 'Bring your **passport** for the venue', pinned: true } });
    // a resend is the same post
    const again = await announce(coordinator, e.id, { body: 'Bring your **passport** for the venue', clientMsgId: msgId });
    expect(again.body.message.id).toBe(posted.message.id);

    await eventually(async () => {
      const items = (await t.http.get('/api/notifications').set(bearer(ana.accessToken))).body.items as Notification[];
      expect(items.find((n) => n.kind === 'event.announcement')).toMatchObject({
        link: `/chat/${posted.message.channelId}?seq=${posted.message.seq}`,
        body: 'Bring your **passport** for the venue',
      });
    });
    const theirs = (await t.http.get('/api/notifications').set(bearer(cid.accessToken))).body.items as Notification[];
    expect(theirs.some((n) => n.kind === 'event.announcement')).toBe(false);
    const toAna = await smtp.waitFor((m) => m.to.includes(ana.email) && m.subject.includes('Muscat presentation'), 10_000);
    expect(toAna.text).toContain('passport');
    expect(toAna.link(t.config.publicUrl)).toContain(`/chat/${posted.message.channelId}`);
    const toSalma = await smtp.waitFor((m) => m.to.includes('salma@omantel.example') && m.subject.includes('Muscat'), 10_000);
    expect(toSalma.link(t.config.publicUrl)).toContain(`/visit/events/${e.id}`);
    const pins = await t.http.get(`/api/channels/${posted.message.channelId}/pins`).set(bearer(ana.accessToken));
    expect((pins.body.items as Message[]).map((m) => m.id)).toContain(posted.message.id);
  });

  it('denials and bad input: 401, 403 for those who do not run it, 404 when not visible, 409 for a draft, 400 with a field and nothing posted', async () => {
    const ana = await newMember(t);
    const e = await ev.created(coordinator, { title: 'Rules of the post' });
    await ev.rsvp(ana.accessToken, e.id, 'going');
    const channelId = ((await open(coordinator, e.id)).body.channel as MyChannel).id;
    const before = await messageCount(channelId);

    expect((await t.http.post(`/api/events/${e.id}/announcements`).send({ body: 'x', clientMsgId: clientId() })).status).toBe(401);
    expect((await t.http.get(`/api/events/${e.id}/channel`)).status).toBe(401);
    const byMember = await announce(ana.accessToken, e.id, { body: 'I am not the organiser', clientMsgId: clientId() });
    expect(byMember.status).toBe(403);
    expect(byMember.body.code).toBe('FORBIDDEN');

    const bad: [Record<string, unknown>, string][] = [
      [{ body: '', clientMsgId: clientId() }, 'body'],
      [{ body: '   ', clientMsgId: clientId() }, 'body'],
      [{ body: 'x'.repeat(4001), clientMsgId: clientId() }, 'body'],
      [{ body: 'ok', clientMsgId: 'short' }, 'clientMsgId'],
      [{ body: 'ok' }, 'clientMsgId'],
      [{ body: 'ok', clientMsgId: clientId(), email: 'yes' }, 'email'],
      [{ body: 'ok', clientMsgId: clientId(), extra: 1 }, 'extra'],
    ];
    for (const [body, field] of bad) {
      const r = await announce(coordinator, e.id, body);
      expect([r.status, r.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      expect((r.body.details.fields as { field: string }[]).map((f) => f.field)).toContain(field);
    }
    expect((await announce(coordinator, 'not-an-id', { body: 'ok', clientMsgId: clientId() })).status).toBe(400);
    expect((await open(coordinator, 'not-an-id')).status).toBe(400);
    expect((await announce(coordinator, '0123456789abcdef01234567', { body: 'ok', clientMsgId: clientId() })).status).toBe(404);
    expect(await messageCount(channelId)).toBe(before);

    // a group event is invisible to those outside the group: 404 for its chat and its post
    const groups = await t.http.get('/api/groups').query({ q: 'Middle East' }).set(bearer(coordinator));
    const groupId = (groups.body.items as { id: string; name: string }[]).find((g) => g.name === 'Middle East market entry')!.id;
    const hidden = await ev.created(coordinator, { title: 'Group only', groupId, visibility: 'group' });
    expect((await open(ana.accessToken, hidden.id)).status).toBe(404);
    expect((await announce(ana.accessToken, hidden.id, { body: 'hi', clientMsgId: clientId() })).status).toBe(404);

    // a draft has no chat and no attendees to post to
    const draft = await ev.created(coordinator, { title: 'Still a draft', publish: false });
    expect((await open(coordinator, draft.id)).body.code).toBe('EVENT_STATE_CONFLICT');
    expect((await announce(coordinator, draft.id, { body: 'early', clientMsgId: clientId() })).status).toBe(409);
    expect(await t.connection.collection('channels').countDocuments({ eventId: draft.id })).toBe(0);
  });

  it('the OpenAPI document describes both operations with their errors', async () => {
    const doc = (await t.http.get('/api/docs-json')).body as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    };
    const statuses = (path: string, method: string): string[] => Object.keys(doc.paths[path]![method]!.responses);
    expect(statuses('/api/events/{id}/channel', 'get')).toEqual(expect.arrayContaining(['200', '400', '401', '403', '404', '409']));
    expect(statuses('/api/events/{id}/announcements', 'post')).toEqual(expect.arrayContaining(['201', '400', '401', '403', '404', '409']));
    const ok = doc.paths['/api/events/{id}/channel']!['get']!.responses['200'] as { content: Record<string, { schema: unknown }> };
    expect(ok.content['application/json']!.schema).toEqual({ $ref: '#/components/schemas/EventChannelResponse' });
  });
});
