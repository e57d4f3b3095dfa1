import type { Message, MyGroup, Notification, Report } from '@klasteris/contracts';
import { bearer, createTestApp, login, newMember, TestApp } from './support/test-app';
import { clientId, collect, emitAck, eventually, sleep, SocketPool } from './support/sockets';

type Person = Awaited<ReturnType<typeof newMember>>;

describe('moderation in the send path: mutes, slow mode, word filter, reports, moderator deletes', () => {
  let t: TestApp;
  const pool = new SocketPool(() => t.url);
  let staff: string;
  let coordA: Person;
  let coordB: Person;
  let m1: Person;
  let m2: Person;
  let g: MyGroup;
  let other: MyGroup;

  const post = (p: Person, body: string, channelId = g.channelIds.general) =>
    t.http.post(`/api/channels/${channelId}/messages`).set(bearer(p.accessToken)).send({ clientMsgId: clientId(), body });

  beforeAll(async () => {
    t = await createTestApp();
    staff = (await login(t, 'coordinator@klasteris.demo')).accessToken;
    [coordA, coordB, m1, m2] = [await newMember(t), await newMember(t), await newMember(t), await newMember(t)];
    g = (
      await t.http
        .post('/api/groups')
        .set(bearer(staff))
        .send({ name: 'Cloud computing', visibility: 'open', coordinatorIds: [coordA.user.id] })
    ).body.group;
    other = (
      await t.http
        .post('/api/groups')
        .set(bearer(staff))
        .send({ name: 'Middle East', visibility: 'open', coordinatorIds: [coordB.user.id] })
    ).body.group;
    for (const p of [m1, m2]) expect((await t.http.post(`/api/groups/${g.id}/join`).set(bearer(p.accessToken)).send({})).status).toBe(200);
  });
  afterEach(() => pool.closeAll());
  afterAll(() => t.close());

  it('members and coordinators of another group cannot moderate this one', async () => {
    for (const who of [m2, coordB]) {
      const h = bearer(who.accessToken);
      expect(
        (await t.http.post(`/api/groups/${g.id}/mutes`).set(h).send({ userId: m1.user.id, durationSeconds: 60, reason: 'x' })).status,
      ).toBe(403);
      expect((await t.http.get(`/api/groups/${g.id}/mutes`).set(h)).status).toBe(403);
      expect((await t.http.put(`/api/groups/${g.id}/slow-mode`).set(h).send({ channelId: g.channelIds.general, seconds: 5 })).status).toBe(
        403,
      );
      expect((await t.http.put(`/api/groups/${g.id}/word-filter`).set(h).send({ rules: [] })).status).toBe(403);
      expect((await t.http.get(`/api/groups/${g.id}/reports`).set(h)).status).toBe(403);
      expect((await t.http.get(`/api/audit?groupId=${g.id}`).set(h)).status).toBe(403);
    }
    // a coordinator cannot use their group to reach another group's channel
    expect(
      (
        await t.http
          .put(`/api/groups/${other.id}/slow-mode`)
          .set(bearer(coordB.accessToken))
          .send({ channelId: g.channelIds.general, seconds: 5 })
      ).status,
    ).toBe(404);
    expect(
      (
        await t.http
          .post(`/api/groups/${g.id}/mutes`)
          .set(bearer(coordA.accessToken))
          .send({ userId: m1.user.id, durationSeconds: 0, reason: 'x' })
      ).status,
    ).toBe(400);
  });

  it('a timed mute blocks posting over HTTP and socket with MUTED and until, and ends by itself', async () => {
    const s = await pool.connect(m1.accessToken);
    const notes = collect<{ notification: Notification }>(s, 'notification:new');
    const res = await t.http
      .post(`/api/groups/${g.id}/mutes`)
      .set(bearer(coordA.accessToken))
      .send({ userId: m1.user.id, durationSeconds: 2, reason: 'Cool down' });
    expect(res.status).toBe(201);
    const until = res.body.mute.until as string;
    const http = await post(m1, 'still here?');
    expect(http.status).toBe(403);
    expect(http.body).toMatchObject({ code: 'MUTED', details: { until } });
    const ack = await emitAck<{ message: Message }>(s, 'message:send', {
      channelId: g.channelIds.general,
      clientMsgId: clientId(),
      body: 'socket too?',
    });
    expect(ack).toMatchObject({ ok: false, error: { code: 'MUTED', details: { until } } });
    // reading goes on
    expect((await t.http.get(`/api/channels/${g.channelIds.general}/messages`).set(bearer(m1.accessToken))).status).toBe(200);
    const members = await t.http.get(`/api/groups/${g.id}/members?limit=100`).set(bearer(coordA.accessToken));
    expect(members.body.items.find((m: { userId: string }) => m.userId === m1.user.id).mutedUntil).toBe(until);
    await eventually(() => expect(notes.map((n) => n.notification.kind)).toContain('group.moderation'));
    await sleep(Math.max(0, new Date(until).getTime() - Date.now()) + 100);
    expect((await post(m1, 'back again')).status).toBe(201);
  });

  it('an unmute ends a mute at once; coordinators cannot be muted', async () => {
    await t.http
      .post(`/api/groups/${g.id}/mutes`)
      .set(bearer(coordA.accessToken))
      .send({ userId: m2.user.id, durationSeconds: 3600, reason: 'x' });
    expect((await post(m2, 'muted')).status).toBe(403);
    expect((await t.http.delete(`/api/groups/${g.id}/mutes/${m2.user.id}`).set(bearer(coordA.accessToken))).status).toBe(204);
    expect((await post(m2, 'unmuted')).status).toBe(201);
    expect(
      (await t.http.post(`/api/groups/${g.id}/mutes`).set(bearer(staff)).send({ userId: coordA.user.id, durationSeconds: 60, reason: 'x' }))
        .status,
    ).toBe(403);
  });

  it('slow mode: one post per N seconds per member with retryAfter; coordinators are exempt', async () => {
    expect(
      (
        await t.http
          .put(`/api/groups/${g.id}/slow-mode`)
          .set(bearer(coordA.accessToken))
          .send({ channelId: g.channelIds.general, seconds: 30 })
      ).status,
    ).toBe(204);
    expect((await post(m1, 'first')).status).toBe(201);
    const second = await post(m1, 'second');
    expect(second.status).toBe(429);
    expect(second.body.code).toBe('SLOW_MODE');
    expect(second.body.details.retryAfter).toBeGreaterThan(25);
    expect(second.body.details.retryAfter).toBeLessThanOrEqual(30);
    const s = await pool.connect(m1.accessToken);
    const ack = await emitAck(s, 'message:send', { channelId: g.channelIds.general, clientMsgId: clientId(), body: 'socket' });
    expect(ack).toMatchObject({ ok: false, error: { code: 'SLOW_MODE' } });
    // concurrent sends of another member: exactly one passes
    const burst = await Promise.all([1, 2, 3].map((i) => post(m2, `burst ${i}`)));
    expect(burst.map((r) => r.status).sort()).toEqual([201, 429, 429]);
    for (let i = 0; i < 3; i++) expect((await post(coordA, `coordinator ${i}`)).status).toBe(201);
    await t.http.put(`/api/groups/${g.id}/slow-mode`).set(bearer(coordA.accessToken)).send({ channelId: g.channelIds.general, seconds: 0 });
    expect((await post(m1, 'slow mode off')).status).toBe(201);
  });

  it('word filter: block refuses the message, flag lets it through into the report queue; patterns are literal', async () => {
    const set = await t.http
      .put(`/api/groups/${g.id}/word-filter`)
      .set(bearer(coordA.accessToken))
      .send({
        rules: [
          { pattern: 'scam', action: 'block' },
          { pattern: 'crypto*', action: 'flag' },
          { pattern: '(a+)+$', action: 'block' },
        ],
      });
    expect(set.status).toBe(200);
    const blocked = await post(m1, 'This is a SCAM offer');
    expect(blocked.status).toBe(422);
    expect(blocked.body).toMatchObject({ code: 'MESSAGE_BLOCKED', details: { pattern: 'scam' } });
    expect((await post(m1, 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!')).status).toBe(201);
    const flagged = await post(m1, 'Cryptocurrency payments for hosting?');
    expect(flagged.status).toBe(201);
    await eventually(async () => {
      const q = await t.http.get(`/api/groups/${g.id}/reports?status=open`).set(bearer(coordA.accessToken));
      expect(q.body.items).toEqual([
        expect.objectContaining({ messageId: flagged.body.message.id, reporterId: null, reason: 'word filter: crypto*' }),
      ]);
    });
    expect((await post(coordA, 'coordinators may say scam')).status).toBe(201);
    const bad = await t.http
      .put(`/api/groups/${g.id}/word-filter`)
      .set(bearer(coordA.accessToken))
      .send({ rules: [{ pattern: 'x', action: 'explode' }] });
    expect(bad.status).toBe(400);
    await t.http.put(`/api/groups/${g.id}/word-filter`).set(bearer(coordA.accessToken)).send({ rules: [] });
  });

  it('report → coordinator deletes or mutes → reporters hear the outcome; the queue is the group coordinators’ only', async () => {
    const msg = (await post(m1, 'Buy my followers')).body.message as Message;
    const s = await pool.connect(m2.accessToken);
    const notes = collect<{ notification: Notification }>(s, 'notification:new');
    const rep = await t.http.post(`/api/messages/${msg.id}/report`).set(bearer(m2.accessToken)).send({ reason: 'Spam' });
    expect(rep.status).toBe(201);
    expect((await t.http.post(`/api/messages/${msg.id}/report`).set(bearer(m2.accessToken)).send({ reason: 'Spam' })).body.report.id).toBe(
      rep.body.report.id,
    );
    const id = (rep.body.report as Report).id;
    expect(
      (await t.http.post(`/api/groups/${g.id}/reports/${id}/resolve`).set(bearer(m2.accessToken)).send({ action: 'delete' })).status,
    ).toBe(403);
    expect(
      (await t.http.post(`/api/groups/${other.id}/reports/${id}/resolve`).set(bearer(coordB.accessToken)).send({ action: 'delete' }))
        .status,
    ).toBe(404);
    const done = await t.http
      .post(`/api/groups/${g.id}/reports/${id}/resolve`)
      .set(bearer(coordA.accessToken))
      .send({ action: 'mute', note: 'No spam here', durationSeconds: 600 });
    expect(done.status).toBe(201);
    expect(done.body.report.status).toBe('muted');
    const gone = await t.http.get(`/api/messages/${msg.id}`).set(bearer(m2.accessToken));
    expect(gone.body.message).toMatchObject({ deletedBy: 'moderator' });
    expect((await post(m1, 'hello?')).body.code).toBe('MUTED');
    await eventually(() =>
      expect(notes.map((n) => n.notification)).toContainEqual(
        expect.objectContaining({ kind: 'group.report_resolved', body: 'No spam here' }),
      ),
    );
    expect(
      (await t.http.post(`/api/groups/${g.id}/reports/${id}/resolve`).set(bearer(coordA.accessToken)).send({ action: 'dismiss' })).body
        .code,
    ).toBe('REQUEST_ALREADY_DECIDED');
    await t.http.delete(`/api/groups/${g.id}/mutes/${m1.user.id}`).set(bearer(coordA.accessToken));
  });

  it('moderator deletes: the group coordinator may, a member and another group’s coordinator may not', async () => {
    const msg = (await post(m1, 'delete me')).body.message as Message;
    expect((await t.http.delete(`/api/messages/${msg.id}`).set(bearer(m2.accessToken))).status).toBe(403);
    expect((await t.http.delete(`/api/messages/${msg.id}`).set(bearer(coordB.accessToken))).status).toBe(403);
    expect(
      (await t.http.post(`/api/groups/${other.id}/messages/${msg.id}/remove`).set(bearer(coordB.accessToken)).send({ reason: 'x' })).status,
    ).toBe(404);
    expect(
      (await t.http.post(`/api/groups/${g.id}/messages/${msg.id}/remove`).set(bearer(coordA.accessToken)).send({ reason: 'Off topic' }))
        .status,
    ).toBe(204);
    expect((await t.http.get(`/api/messages/${msg.id}`).set(bearer(m1.accessToken))).body.message.deletedBy).toBe('moderator');
  });

  it('audit: every action is recorded, readable by the group coordinators and admins, filterable, exportable as CSV, and not writable', async () => {
    const admin = (await login(t, 'admin@klasteris.demo')).accessToken;
    const mine = await t.http.get(`/api/audit?groupId=${g.id}&limit=100`).set(bearer(coordA.accessToken));
    expect(mine.status).toBe(200);
    const actions = new Set(mine.body.items.map((e: { action: string }) => e.action));
    for (const a of [
      'group.create',
      'group.coordinator.appoint',
      'group.mute',
      'group.unmute',
      'group.slow_mode',
      'group.word_filter',
      'group.report.mute',
      'message.delete',
    ])
      expect(actions).toContain(a);
    expect(mine.body.items.every((e: { scopeId: string }) => e.scopeId === g.id)).toBe(true);
    const mutes = await t.http
      .get(`/api/audit?groupId=${g.id}&action=group.mute&actor=${coordA.user.id}&target=${m1.user.id}`)
      .set(bearer(coordA.accessToken));
    expect(mutes.body.items.length).toBeGreaterThanOrEqual(2);
    expect(mutes.body.items[0]).toMatchObject({ action: 'group.mute', actorId: coordA.user.id, targetId: m1.user.id });
    const paged = await t.http.get(`/api/audit?groupId=${g.id}&limit=2`).set(bearer(coordA.accessToken));
    const next = await t.http.get(`/api/audit?groupId=${g.id}&limit=2&cursor=${paged.body.nextCursor}`).set(bearer(coordA.accessToken));
    expect(next.body.items[0].id).not.toBe(paged.body.items[1].id);
    const future = await t.http
      .get(`/api/audit?groupId=${g.id}&from=${new Date(Date.now() + 60_000).toISOString()}`)
      .set(bearer(coordA.accessToken));
    expect(future.body.items).toEqual([]);
    expect((await t.http.get('/api/audit').set(bearer(coordA.accessToken))).status).toBe(403);
    expect((await t.http.get('/api/audit?limit=5').set(bearer(admin))).status).toBe(200);
    expect((await t.http.get('/api/audit?from=yesterday').set(bearer(admin))).status).toBe(400);

    const csv = await t.http.get(`/api/audit.csv?groupId=${g.id}&action=message.delete`).set(bearer(coordA.accessToken));
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe('at,actorId,action,targetType,targetId,scopeId,reason,before,after');
    expect(lines).toHaveLength(3); // the report resolution and the direct removal
    expect(lines.slice(1).every((l) => l.includes(',message.delete,message,'))).toBe(true);
    expect(lines[1]).toContain('Off topic');
    expect(lines[2]).toContain('No spam here');
    expect((await t.http.get(`/api/audit.csv?groupId=${g.id}`).set(bearer(m1.accessToken))).status).toBe(403);

    const entry = mine.body.items[0].id as string;
    for (const method of ['put', 'patch', 'delete'] as const) {
      expect((await t.http[method](`/api/audit/${entry}`).set(bearer(admin)).send({ action: 'x' })).status).toBe(404);
    }
    expect((await t.http.post('/api/audit').set(bearer(admin)).send({ action: 'x' })).status).toBe(404);
  });
});
