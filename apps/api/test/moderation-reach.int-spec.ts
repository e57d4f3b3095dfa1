import type { Message, MyChannel, MyGroup, Report } from '@klasteris/contracts';
import { bearer, createTestApp, login, newMember, TestApp } from './support/test-app';
import { clientId, emitAck, SocketPool } from './support/sockets';

type Person = Awaited<ReturnType<typeof newMember>>;

/**
 * Issue 14 F7: staff may not delete what they may not read. In a conversation they are not part of
 * (a DM, a private channel, a members-only group channel) a moderator acts only through a report.
 */
describe('moderation reach: read and delete agree; reports are the way into closed conversations', () => {
  let t: TestApp;
  const pool = new SocketPool(() => t.url);
  let admin: string;
  let staff: string;
  let m1: Person;
  let m2: Person;

  const post = (p: Person, channelId: string, body: string) =>
    t.http.post(`/api/channels/${channelId}/messages`).set(bearer(p.accessToken)).send({ clientMsgId: clientId(), body });
  const auditOf = async (messageId: string) =>
    (await t.http.get(`/api/audit?target=${messageId}&limit=100`).set(bearer(admin))).body.items as { action: string; before?: unknown }[];

  beforeAll(async () => {
    t = await createTestApp();
    admin = (await login(t, 'admin@klasteris.demo')).accessToken;
    staff = (await login(t, 'coordinator@klasteris.demo')).accessToken;
    [m1, m2] = [await newMember(t, { displayName: 'Mia One' }), await newMember(t, { displayName: 'Max Two' })];
  });
  afterEach(() => pool.closeAll());
  afterAll(() => t.close());

  it('staff cannot read or delete a message of a DM or private channel they are not in (404 over HTTP and socket), and nothing reaches the audit log', async () => {
    const dm = (
      await t.http
        .post('/api/channels/direct')
        .set(bearer(m1.accessToken))
        .send({ userIds: [m2.user.id] })
    ).body.channel as MyChannel;
    const priv = (await t.http.post('/api/channels').set(bearer(m1.accessToken)).send({ name: 'f7-private', type: 'private' })).body
      .channel as MyChannel;
    const inDm = (await post(m1, dm.id, 'my bank PIN is 1234')).body.message as Message;
    const inPrivate = (await post(m1, priv.id, 'private plans')).body.message as Message;
    const staffSocket = await pool.connect(staff);

    for (const [token, who] of [
      [staff, 'coordinator'],
      [admin, 'admin'],
    ] as const) {
      for (const msg of [inDm, inPrivate]) {
        const read = await t.http.get(`/api/messages/${msg.id}`).set(bearer(token));
        const del = await t.http.delete(`/api/messages/${msg.id}`).set(bearer(token));
        expect(`${who} read ${read.status} delete ${del.status} ${del.body.code}`).toBe(`${who} read 404 delete 404 NOT_FOUND`);
      }
    }
    for (const msg of [inDm, inPrivate]) {
      expect(await emitAck(staffSocket, 'message:delete', { messageId: msg.id })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });
    }

    const stillDm = await t.http.get(`/api/messages/${inDm.id}`).set(bearer(m2.accessToken));
    expect(stillDm.body.message).toMatchObject({ body: 'my bank PIN is 1234' });
    expect(stillDm.body.message.deletedAt ?? null).toBeNull();
    expect((await t.http.get(`/api/messages/${inPrivate.id}`).set(bearer(m1.accessToken))).body.message.deletedAt ?? null).toBeNull();
    expect(await auditOf(inDm.id)).toEqual([]);
    expect(await auditOf(inPrivate.id)).toEqual([]);
    // the author still deletes their own message
    expect((await t.http.delete(`/api/messages/${inDm.id}`).set(bearer(m1.accessToken))).status).toBe(204);
  });

  it('in a members-only group channel a non-member moderator deletes only through a report; readable channels stay moderated as before', async () => {
    const coordA = await newMember(t, { displayName: 'Group Coordinator' });
    const g = (
      await t.http
        .post('/api/groups')
        .set(bearer(admin))
        .send({ name: 'F7 closed group', visibility: 'open', coordinatorIds: [coordA.user.id] })
    ).body.group as MyGroup;
    for (const p of [m1, m2]) expect((await t.http.post(`/api/groups/${g.id}/join`).set(bearer(p.accessToken)).send({})).status).toBe(200);
    const general = g.channelIds.general;
    // open group: cluster staff moderate its readable channel directly
    const spam = (await post(m1, general, 'spam in the open')).body.message as Message;
    expect((await t.http.delete(`/api/messages/${spam.id}`).set(bearer(staff))).status).toBe(204);

    expect((await t.http.patch(`/api/groups/${g.id}`).set(bearer(admin)).send({ visibility: 'invite' })).status).toBe(200);
    expect((await t.http.get(`/api/channels/${general}/messages`).set(bearer(staff))).status).toBe(404); // staff is not a member
    const quiet = (await post(m1, general, 'members only, not reported')).body.message as Message;
    const reported = (await post(m1, general, 'members only, reported')).body.message as Message;
    expect((await t.http.delete(`/api/messages/${quiet.id}`).set(bearer(staff))).status).toBe(404);
    expect((await t.http.get(`/api/messages/${quiet.id}`).set(bearer(m2.accessToken))).body.message.deletedAt ?? null).toBeNull();

    const rep = await t.http.post(`/api/messages/${reported.id}/report`).set(bearer(m2.accessToken)).send({ reason: 'Rude' });
    expect(rep.status).toBe(201);
    const queue = await t.http.get(`/api/groups/${g.id}/reports?status=open`).set(bearer(staff));
    expect(queue.status).toBe(200);
    expect(queue.body.items.map((r: Report) => r.messageBody)).toContain('members only, reported');
    const done = await t.http
      .post(`/api/groups/${g.id}/reports/${(rep.body.report as Report).id}/resolve`)
      .set(bearer(staff))
      .send({ action: 'delete', note: 'Be kind' });
    expect(done.status).toBe(201);
    expect((await t.http.get(`/api/messages/${reported.id}`).set(bearer(m2.accessToken))).body.message).toMatchObject({
      deletedBy: 'moderator',
    });
    expect((await auditOf(reported.id)).map((e) => e.action).sort()).toEqual(['group.report.delete', 'message.delete']);
  });
});
