import { randomBytes } from 'node:crypto';
import type { Message, MessageNewEvent, MyChannel } from '@klasteris/contracts';
import { bearer, createTestApp, login, TestApp } from './support/test-app';
import { RedisIoAdapter } from '../src/realtime/redis-io.adapter';
import { clientId, collect, emitAck, eventually, SocketPool } from './support/sockets';

/** Two API processes' worth of Nest apps on one database, sharing Socket.IO through Redis. */
describe('two API nodes with Redis', () => {
  let node1: TestApp;
  let node2: TestApp;
  const pool1 = new SocketPool(() => node1.url);
  const pool2 = new SocketPool(() => node2.url);

  beforeAll(async () => {
    const redis = process.env['REDIS_TEST_URL'];
    if (!redis) throw new Error('redis-server is not installed: apt-get install redis-server (.ci/run does)');
    const shared = { REDIS_URL: redis, JWT_SECRET: randomBytes(32).toString('hex'), MONGODB_DB: `t_two_${randomBytes(4).toString('hex')}` };
    node1 = await createTestApp(shared);
    node2 = await createTestApp(shared);
  });
  afterEach(() => {
    pool1.closeAll();
    pool2.closeAll();
  });
  afterAll(async () => {
    await node2.close();
    await node1.close();
  });

  /** A private channel created through node 1. */
  const privateChannel = async (token: string, name: string): Promise<MyChannel> =>
    (
      await node1.http
        .post('/api/channels')
        .set(bearer(token))
        .send({ name: `${name}-${Date.now()}`, type: 'private' })
    ).body.channel as MyChannel;

  it('reports Redis in health', async () => {
    const res = await node1.http.get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body.info.redis.status).toBe('up');
  });

  it('a message sent on one node reaches a member connected to the other; joins and revocations cross nodes', async () => {
    const a = await login(node1, 'member@klasteris.demo');
    const b = await login(node2, 'member2@klasteris.demo');
    const channel = await privateChannel(a.accessToken, 'cross');
    const onNode2 = await pool2.connect(b.accessToken);
    const joined = collect<{ channel: MyChannel }>(onNode2, 'channel:updated');
    // added through node 1: node 2's socket joins the room through Redis
    await node1.http.post(`/api/channels/${channel.id}/members`).set(bearer(a.accessToken)).send({ userId: b.user.id });
    await eventually(() => expect(joined.map((e) => e.channel.id)).toContain(channel.id));
    const got = collect<MessageNewEvent>(onNode2, 'message:new');
    const onNode1 = await pool1.connect(a.accessToken);
    const sent = await emitAck<{ message: Message }>(onNode1, 'message:send', {
      channelId: channel.id,
      clientMsgId: clientId(),
      body: 'across nodes',
    });
    expect(sent.ok).toBe(true);
    await eventually(() => expect(got.map((e) => e.message.body)).toEqual(['across nodes']));

    // logout on node 1 disconnects the session's socket on node 2
    const b1 = await login(node1, 'member2@klasteris.demo');
    const sock = await pool2.connect(b1.accessToken);
    const gone = new Promise<void>((ok) => sock.once('disconnect', () => ok()));
    await node1.http.post('/api/auth/logout').set(bearer(b1.accessToken));
    await gone;
  });

  it('a member removed on one node can no longer read the channel on the other, which knew the membership', async () => {
    const a = await login(node1, 'member@klasteris.demo');
    const b = await login(node2, 'member2@klasteris.demo');
    const channel = await privateChannel(a.accessToken, 'cross-read');
    await node1.http.post(`/api/channels/${channel.id}/members`).set(bearer(a.accessToken)).send({ userId: b.user.id });
    const page = async (): Promise<number> =>
      (await node2.http.get(`/api/channels/${channel.id}/messages`).set(bearer(b.accessToken))).status;
    expect(await page()).toBe(200);
    expect((await node1.http.delete(`/api/channels/${channel.id}/members/${b.user.id}`).set(bearer(a.accessToken))).status).toBe(204);
    // node 2 hears of the removal through Redis: within moments, and from then on, 404
    await eventually(async () => expect(await page()).toBe(404));
    expect(await page()).toBe(404);
  });

  it('presence is cluster-wide', async () => {
    const a = await login(node1, 'jonas@klasteris.demo');
    await pool2.connect(a.accessToken);
    const viewer = await login(node1, 'member@klasteris.demo');
    const res = await node1.http.get(`/api/presence?userIds=${a.user.id}`).set(bearer(viewer.accessToken));
    expect(res.body.items).toEqual([{ userId: a.user.id, status: 'online' }]);
  });

  it('a role change made on one node applies to the open socket on the other before its next event (issue 14 F1)', async () => {
    const admin = (await login(node1, 'admin@klasteris.demo')).accessToken;
    const reg = await node1.http
      .post('/api/auth/register')
      .send({ email: `f1-${Date.now()}@example.test`, password: 'correct horse battery', displayName: 'Cross Node Coordinator' });
    expect(reg.status).toBe(201);
    const id = reg.body.user.id as string;
    expect(
      (
        await node1.http
          .patch(`/api/users/${id}/roles`)
          .set(bearer(admin))
          .send({ roles: ['coordinator'] })
      ).status,
    ).toBe(200);
    const news = (
      await node1.http
        .post('/api/channels')
        .set(bearer(admin))
        .send({ name: `f1-cross-${Date.now()}`, type: 'announcement' })
    ).body.channel as MyChannel;
    expect((await node1.http.post(`/api/channels/${news.id}/members`).set(bearer(admin)).send({ userId: id })).status).toBe(201);
    const person = await login(node2, reg.body.user.email, 'correct horse battery');
    const onNode2 = await pool2.connect(person.accessToken);
    const post = (body: string) =>
      emitAck<{ message: Message }>(onNode2, 'message:send', { channelId: news.id, clientMsgId: clientId(), body });
    expect((await post('as a coordinator')).ok).toBe(true);
    expect((await node1.http.patch(`/api/users/${id}/roles`).set(bearer(admin)).send({ roles: [] })).status).toBe(200);
    const started = Date.now();
    await eventually(async () => expect(await post('after the demotion')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } }), 1000);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('an emit after the Redis connection closed (a disconnect handler during shutdown) is logged, not an unhandled rejection that ends the process', async () => {
    const adapter = new RedisIoAdapter(node1.app, process.env['REDIS_TEST_URL']!);
    await adapter.connect();
    const io = adapter.createIOServer(0);
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      await adapter.closeRedis();
      io.emit('presence', { userId: 'u', status: 'offline' });
      io.to('some-room').emit('presence', { userId: 'u', status: 'offline' });
      await new Promise((r) => setTimeout(r, 200));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
      await io.close();
    }
  });
});
