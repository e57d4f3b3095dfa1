import { JwtService } from '@nestjs/jwt';
import type { Socket } from 'socket.io-client';
import type { Message, MyChannel } from '@klasteris/contracts';
import { bearer, createTestApp, login, newMember, TestApp } from './support/test-app';
import { clientId, emitAck, SocketPool } from './support/sockets';

/**
 * Issue 14 F1: an open socket acts with the person's current roles and status and stops being
 * served when its access token expires (re-authentication with `auth:refresh`, else closed).
 */
describe('realtime: a socket follows role and status changes and its token expiry', () => {
  let t: TestApp;
  const pool = new SocketPool(() => t.url);
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = (await login(t, 'admin@klasteris.demo')).accessToken;
  });
  afterEach(() => pool.closeAll());
  afterAll(() => t.close());

  const send = (s: Socket, channelId: string, body: string) =>
    emitAck<{ message: Message }>(s, 'message:send', { channelId, clientMsgId: clientId(), body });

  async function makeCoordinator(): Promise<Awaited<ReturnType<typeof newMember>>> {
    const person = await newMember(t, { displayName: 'Demoted Coordinator' });
    expect(
      (
        await t.http
          .patch(`/api/users/${person.user.id}/roles`)
          .set(bearer(admin))
          .send({ roles: ['coordinator'] })
      ).status,
    ).toBe(200);
    return person;
  }

  it('a coordinator demoted by an admin can no longer delete in a private channel or a DM, nor post an announcement, over the open socket', async () => {
    const coord = await makeCoordinator();
    const alice = await newMember(t, { displayName: 'Alice Private' });
    const bob = await newMember(t, { displayName: 'Bob Direct' });

    const priv = (await t.http.post('/api/channels').set(bearer(alice.accessToken)).send({ name: 'f1-private', type: 'private' })).body
      .channel as MyChannel;
    const dm = (
      await t.http
        .post('/api/channels/direct')
        .set(bearer(alice.accessToken))
        .send({ userIds: [bob.user.id] })
    ).body.channel as MyChannel;
    const news = await t.http.post('/api/channels').set(bearer(admin)).send({ name: 'f1-news', type: 'announcement' });
    expect(news.status).toBe(201);
    const newsId = (news.body.channel as MyChannel).id;
    expect((await t.http.post(`/api/channels/${newsId}/members`).set(bearer(admin)).send({ userId: coord.user.id })).status).toBe(201);

    const a = await pool.connect(alice.accessToken);
    const inPrivate = await send(a, priv.id, 'private words');
    const inDm = await send(a, dm.id, 'just between us');
    expect(inPrivate.ok && inDm.ok).toBe(true);
    if (!inPrivate.ok || !inDm.ok) return;

    const c = await pool.connect(coord.accessToken);
    // while a coordinator, the socket may announce
    expect((await send(c, newsId, 'Announcement while a coordinator')).ok).toBe(true);

    const demoted = await t.http.patch(`/api/users/${coord.user.id}/roles`).set(bearer(admin)).send({ roles: [] });
    expect(demoted.status).toBe(200);
    const started = Date.now();

    const post = await send(c, newsId, 'Announcement after the demotion');
    const delPrivate = await emitAck(c, 'message:delete', { messageId: inPrivate.message.id });
    const delDm = await emitAck(c, 'message:delete', { messageId: inDm.message.id });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(post).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(delPrivate.ok).toBe(false);
    expect(delDm.ok).toBe(false);
    expect(c.connected).toBe(true); // refreshed, not dropped: the person is still signed in

    const stillThere = await t.http.get(`/api/channels/${dm.id}/messages`).set(bearer(bob.accessToken));
    expect(stillThere.body.items.map((m: Message) => [m.id, m.deletedAt ?? null])).toEqual([[inDm.message.id, null]]);
    const privateStill = await t.http.get(`/api/channels/${priv.id}/messages`).set(bearer(alice.accessToken));
    expect(privateStill.body.items.map((m: Message) => [m.id, m.deletedAt ?? null])).toEqual([[inPrivate.message.id, null]]);
    const announced = await t.http.get(`/api/channels/${newsId}/messages`).set(bearer(admin));
    expect(announced.body.items.map((m: Message) => m.body)).toEqual(['Announcement while a coordinator']);
  });

  it('a promotion also takes effect on the open socket; disabling the person closes their sockets within a second', async () => {
    const person = await newMember(t, { displayName: 'Promoted Later' });
    const news = await t.http.post('/api/channels').set(bearer(admin)).send({ name: 'f1-news-2', type: 'announcement' });
    const newsId = (news.body.channel as MyChannel).id;
    expect((await t.http.post(`/api/channels/${newsId}/members`).set(bearer(admin)).send({ userId: person.user.id })).status).toBe(201);
    const s = await pool.connect(person.accessToken);
    expect(await send(s, newsId, 'not yet')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(
      (
        await t.http
          .patch(`/api/users/${person.user.id}/roles`)
          .set(bearer(admin))
          .send({ roles: ['coordinator'] })
      ).status,
    ).toBe(200);
    expect((await send(s, newsId, 'now I may')).ok).toBe(true);

    const gone = new Promise<void>((ok) => s.once('disconnect', () => ok()));
    const started = Date.now();
    expect(
      (await t.http.patch(`/api/users/${person.user.id}/status`).set(bearer(admin)).send({ status: 'disabled', reason: 'left' })).status,
    ).toBe(200);
    await gone;
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('a socket past its token expiry is not served: told auth:expired, refused UNAUTHENTICATED, renewed by auth:refresh or else closed', async () => {
    const person = await newMember(t, { displayName: 'Short Token' });
    const other = await newMember(t, { displayName: 'Someone Else' });
    const jwt = t.app.get(JwtService);
    const { sub, sid } = jwt.decode<{ sub: string; sid: string }>(person.accessToken);
    const shortToken = (): string => jwt.sign({ sub, sid, exp: Math.floor(Date.now() / 1000) + 2 });
    const channel = (await t.http.post('/api/channels').set(bearer(person.accessToken)).send({ name: 'f1-expiry', type: 'private' })).body
      .channel as MyChannel;

    const { socket: renewing, ready } = await pool.connectReady(shortToken());
    const { socket: lapsing } = await pool.connectReady(shortToken());
    expect(new Date(ready.expiresAt).getTime() - Date.now()).toBeLessThanOrEqual(2000);
    expect((await send(renewing, channel.id, 'before expiry')).ok).toBe(true);
    const expired = new Promise<{ graceSeconds: number }>((ok) => renewing.once('auth:expired', ok));
    const lapsed = new Promise<number>((ok) => lapsing.once('disconnect', () => ok(Date.now())));

    expect((await expired).graceSeconds).toBeGreaterThan(0);
    expect(await send(renewing, channel.id, 'after expiry')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await emitAck(renewing, 'channel:read', { channelId: channel.id, seq: 1 })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
    // someone else's token does not take over the socket; garbage is a validation error
    expect(await emitAck(renewing, 'auth:refresh', { token: other.accessToken })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
    expect(await emitAck(renewing, 'auth:refresh', { token: 'nope' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(await send(renewing, channel.id, 'still expired')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });

    const renewed = await emitAck<{ expiresAt: string }>(renewing, 'auth:refresh', { token: person.accessToken });
    expect(renewed.ok).toBe(true);
    if (renewed.ok) expect(new Date(renewed.expiresAt).getTime()).toBeGreaterThan(Date.now() + 60_000);
    expect((await send(renewing, channel.id, 'after auth:refresh')).ok).toBe(true);

    const closedAt = await lapsed;
    expect(closedAt - new Date(ready.expiresAt).getTime()).toBeLessThan(8000);
    expect(renewing.connected).toBe(true);
    const stored = await t.http.get(`/api/channels/${channel.id}/messages`).set(bearer(person.accessToken));
    expect(stored.body.items.map((m: Message) => m.body)).toEqual(['before expiry', 'after auth:refresh']);
  });
});
