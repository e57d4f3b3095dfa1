import type { Message, MessageDeletedEvent, MuteChangedEvent, MyChannel, MyGroup } from '@klasteris/contracts';
import { bearer, createTestApp, login, newMember, TestApp } from './support/test-app';
import { clientId, collect, eventually, sleep, SocketPool } from './support/sockets';

type Person = Awaited<ReturnType<typeof newMember>>;

/**
 * What the chat client learns about moderation without asking the groups API: its posting limits in
 * its channel view (mute end, slow mode, exemption), a live `moderation:mute` to the muted person
 * only, and who removed a message in `message:deleted`.
 */
describe('moderation as the member’s chat sees it', () => {
  let t: TestApp;
  const pool = new SocketPool(() => t.url);
  let staff: string;
  let coord: Person;
  let m1: Person;
  let m2: Person;
  let g: MyGroup;
  let other: MyGroup;

  const myChannels = async (p: Person | string): Promise<MyChannel[]> =>
    (await t.http.get('/api/channels').set(bearer(typeof p === 'string' ? p : p.accessToken))).body.items as MyChannel[];
  const inList = async (p: Person | string, channelId: string): Promise<MyChannel> => {
    const c = (await myChannels(p)).find((x) => x.id === channelId);
    if (!c) throw new Error(`channel ${channelId} not in the list`);
    return c;
  };
  const single = async (p: Person, channelId: string): Promise<MyChannel> =>
    (await t.http.get(`/api/channels/${channelId}`).set(bearer(p.accessToken))).body.channel as MyChannel;
  const post = (p: Person, body: string) =>
    t.http.post(`/api/channels/${g.channelIds.general}/messages`).set(bearer(p.accessToken)).send({ clientMsgId: clientId(), body });

  beforeAll(async () => {
    t = await createTestApp();
    staff = (await login(t, 'coordinator@klasteris.demo')).accessToken;
    [coord, m1, m2] = [await newMember(t), await newMember(t), await newMember(t)];
    g = (
      await t.http
        .post('/api/groups')
        .set(bearer(staff))
        .send({ name: 'Cloud computing view', visibility: 'open', coordinatorIds: [coord.user.id] })
    ).body.group;
    other = (
      await t.http
        .post('/api/groups')
        .set(bearer(staff))
        .send({ name: 'Middle East view', visibility: 'open', coordinatorIds: [coord.user.id] })
    ).body.group;
    for (const p of [m1, m2]) {
      expect((await t.http.post(`/api/groups/${g.id}/join`).set(bearer(p.accessToken)).send({})).status).toBe(200);
      expect((await t.http.post(`/api/groups/${other.id}/join`).set(bearer(p.accessToken)).send({})).status).toBe(200);
    }
  });
  afterEach(() => pool.closeAll());
  afterAll(() => t.close());

  it('the channel view tells each person their mute end, the slow mode and whether it applies to them', async () => {
    const channelId = g.channelIds.general;
    expect(await inList(m1, channelId)).toMatchObject({ groupId: g.id, mutedUntil: null, slowModeSeconds: 0, slowModeExempt: false });
    expect(await inList(coord, channelId)).toMatchObject({ mutedUntil: null, slowModeExempt: true });
    expect(await inList(staff, channelId)).toMatchObject({ mutedUntil: null, slowModeExempt: true });

    expect((await t.http.put(`/api/groups/${g.id}/slow-mode`).set(bearer(coord.accessToken)).send({ channelId, seconds: 20 })).status).toBe(
      204,
    );
    const mute = await t.http
      .post(`/api/groups/${g.id}/mutes`)
      .set(bearer(coord.accessToken))
      .send({ userId: m1.user.id, durationSeconds: 3600, reason: 'Cool down' });
    expect(mute.status).toBe(201);
    const until = mute.body.mute.until as string;

    // the list and the single view agree; the mute is the group's only
    expect(await inList(m1, channelId)).toMatchObject({ mutedUntil: until, slowModeSeconds: 20, slowModeExempt: false });
    expect(await single(m1, channelId)).toMatchObject({ mutedUntil: until, slowModeSeconds: 20, slowModeExempt: false });
    expect(await inList(m1, g.channelIds.announcements)).toMatchObject({ mutedUntil: until });
    expect(await inList(m1, other.channelIds.general)).toMatchObject({ mutedUntil: null, slowModeSeconds: 0 });
    expect(await inList(m2, channelId)).toMatchObject({ mutedUntil: null, slowModeSeconds: 20 });
    expect(await inList(coord, channelId)).toMatchObject({ mutedUntil: null, slowModeExempt: true });
    // channels outside any group carry no moderation
    const plain = (await myChannels(m1)).find((c) => c.groupId === null);
    expect(plain).toMatchObject({ mutedUntil: null, slowModeSeconds: 0 });
    // what the view says is what the send path does
    expect((await post(m1, 'muted?')).body).toMatchObject({ code: 'MUTED', details: { until } });

    expect((await t.http.delete(`/api/groups/${g.id}/mutes/${m1.user.id}`).set(bearer(coord.accessToken))).status).toBe(204);
    expect(await single(m1, channelId)).toMatchObject({ mutedUntil: null });
    expect((await t.http.put(`/api/groups/${g.id}/slow-mode`).set(bearer(coord.accessToken)).send({ channelId, seconds: 0 })).status).toBe(
      204,
    );
    expect(await single(m1, channelId)).toMatchObject({ slowModeSeconds: 0 });
  });

  it('a mute that ran out shows as none', async () => {
    const res = await t.http
      .post(`/api/groups/${g.id}/mutes`)
      .set(bearer(coord.accessToken))
      .send({ userId: m2.user.id, durationSeconds: 1, reason: 'Short' });
    expect(res.status).toBe(201);
    expect(await single(m2, g.channelIds.general)).toMatchObject({ mutedUntil: res.body.mute.until });
    await sleep(Math.max(0, new Date(res.body.mute.until as string).getTime() - Date.now()) + 100);
    expect(await single(m2, g.channelIds.general)).toMatchObject({ mutedUntil: null });
  });

  it('mute and unmute reach the muted person live, and nobody else', async () => {
    const [s1, s2, sc] = [await pool.connect(m1.accessToken), await pool.connect(m2.accessToken), await pool.connect(coord.accessToken)];
    const got1 = collect<MuteChangedEvent>(s1, 'moderation:mute');
    const got2 = collect<MuteChangedEvent>(s2, 'moderation:mute');
    const gotC = collect<MuteChangedEvent>(sc, 'moderation:mute');

    const res = await t.http
      .post(`/api/groups/${g.id}/mutes`)
      .set(bearer(coord.accessToken))
      .send({ userId: m1.user.id, durationSeconds: 3600, reason: 'Cool down' });
    await eventually(() => expect(got1).toEqual([{ groupId: g.id, until: res.body.mute.until }]));
    expect((await t.http.delete(`/api/groups/${g.id}/mutes/${m1.user.id}`).set(bearer(coord.accessToken))).status).toBe(204);
    await eventually(() =>
      expect(got1).toEqual([
        { groupId: g.id, until: res.body.mute.until },
        { groupId: g.id, until: null },
      ]),
    );
    // an unmute of someone not muted changes nothing and tells nobody
    expect((await t.http.delete(`/api/groups/${g.id}/mutes/${m1.user.id}`).set(bearer(coord.accessToken))).status).toBe(404);

    // muting the author from the report queue tells the author too
    const msg = (await post(m2, 'Buy my stuff')).body.message as Message;
    const rep = await t.http.post(`/api/messages/${msg.id}/report`).set(bearer(m1.accessToken)).send({ reason: 'Spam' });
    expect(rep.status).toBe(201);
    // the queue can open the message in context
    expect(rep.body).toMatchObject({ created: true, report: { messageId: msg.id, messageSeq: msg.seq, channelId: g.channelIds.general } });
    // reporting again is no error: the client learns it had already reported it
    const again = await t.http.post(`/api/messages/${msg.id}/report`).set(bearer(m1.accessToken)).send({ reason: 'Spam again' });
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ created: false, report: { id: rep.body.report.id, reason: 'Spam' } });
    expect(
      (
        await t.http
          .post(`/api/groups/${g.id}/reports/${rep.body.report.id}/resolve`)
          .set(bearer(coord.accessToken))
          .send({ action: 'mute', durationSeconds: 600 })
      ).status,
    ).toBe(201);
    await eventually(() => expect(got2).toEqual([{ groupId: g.id, until: expect.any(String) }]));
    expect(new Date(got2[0].until!).getTime()).toBeGreaterThan(Date.now() + 500_000);

    // the bystanders heard nothing meanwhile (m1's unmute arrived after its mute, so both were sent)
    expect(got1).toHaveLength(2);
    expect(gotC).toEqual([]);
    await t.http.delete(`/api/groups/${g.id}/mutes/${m2.user.id}`).set(bearer(coord.accessToken));
  });

  it('message:deleted says whether the author or a moderator removed the message', async () => {
    const s = await pool.connect(m2.accessToken);
    const deleted = collect<MessageDeletedEvent>(s, 'message:deleted');
    const mine = (await post(m1, 'I take this back')).body.message as Message;
    const bad = (await post(m1, 'Something rude')).body.message as Message;
    expect((await t.http.delete(`/api/messages/${mine.id}`).set(bearer(m1.accessToken))).status).toBe(204);
    expect(
      (await t.http.post(`/api/groups/${g.id}/messages/${bad.id}/remove`).set(bearer(coord.accessToken)).send({ reason: 'Rude' })).status,
    ).toBe(204);
    await eventually(() =>
      expect(deleted).toEqual([
        expect.objectContaining({ messageId: mine.id, deletedBy: 'author' }),
        expect.objectContaining({ messageId: bad.id, deletedBy: 'moderator' }),
      ]),
    );
  });

  it('a report needs a reason of at most 1000 characters', async () => {
    const msg = (await post(m2, 'Report me')).body.message as Message;
    for (const reason of ['', '   ', 'x'.repeat(1001)]) {
      const res = await t.http.post(`/api/messages/${msg.id}/report`).set(bearer(m1.accessToken)).send({ reason });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    }
    expect(
      (
        await t.http
          .post(`/api/messages/${msg.id}/report`)
          .set(bearer(m1.accessToken))
          .send({ reason: 'x'.repeat(1000) })
      ).status,
    ).toBe(201);
  });
});
