import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { io, Socket } from 'socket.io-client';
import type { Ack, Message, MessageNewEvent, MyChannel } from '@klasteris/contracts';
import { ApiProcess, startApiProcess } from './api-process';
import { api, eventually, freePort, listening, signIn, sleep } from './chaos-client';

/**
 * Redis goes away under a running node: the node keeps serving its own clients (sends are acked and
 * delivered locally), health says Redis is down (503 naming it), and all is well again once Redis is back.
 */

async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: 'ignore',
  });
  const deadline = Date.now() + 10_000;
  while (!(await listening(port))) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error('redis-server did not start (apt-get install redis-server)');
    await sleep(100);
  }
  return child;
}

describe('chaos: Redis down under a running node', () => {
  let node: ApiProcess | undefined;
  let redis: ChildProcess | undefined;
  const sockets: Socket[] = [];

  afterAll(async () => {
    sockets.splice(0).forEach((s) => s.close());
    await node?.stop();
    redis?.kill('SIGKILL');
  });

  it('keeps serving its own clients, reports Redis down in health, recovers when Redis returns', async () => {
    const port = await freePort();
    redis = await startRedis(port);
    node = await startApiProcess({
      MONGODB_URI: process.env['MONGODB_URI']!,
      MONGODB_DB: `t_redis_${randomBytes(4).toString('hex')}`,
      REDIS_URL: `redis://127.0.0.1:${port}`,
      JWT_SECRET: randomBytes(32).toString('hex'),
    });
    const a = await signIn(node.url, 'member@klasteris.demo');
    const b = await signIn(node.url, 'member2@klasteris.demo');
    const created = await api<{ channel: MyChannel }>(node.url, 'POST', '/api/channels', a.token, {
      name: `redis-${Date.now()}`,
      type: 'private',
    });
    expect(created.status).toBe(201);
    const channelId = created.body.channel.id;
    expect((await api(node.url, 'POST', `/api/channels/${channelId}/members`, a.token, { userId: b.userId })).status).toBeLessThan(300);
    const connect = async (token: string): Promise<Socket> => {
      const s = io(node!.url, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
      sockets.push(s);
      await new Promise<void>((ok, fail) => {
        s.once('ready', () => ok());
        s.once('connect_error', fail);
      });
      return s;
    };
    const sa = await connect(a.token);
    const sb = await connect(b.token);
    const got: string[] = [];
    sb.on('message:new', (e: MessageNewEvent) => got.push(e.message.clientMsgId));
    const send = async (clientMsgId: string): Promise<Ack<{ message: Message }>> =>
      (await sa.timeout(10_000).emitWithAck('message:send', { channelId, clientMsgId, body: clientMsgId })) as Ack<{ message: Message }>;

    expect((await send('before-redis-down')).ok).toBe(true);
    await eventually(() => expect(got).toContain('before-redis-down'), 10_000);
    expect((await api(node.url, 'GET', '/api/health')).status).toBe(200);

    const gone = new Promise((ok) => redis!.once('exit', ok));
    redis.kill('SIGKILL');
    await gone;
    await eventually(async () => {
      const h = await api<{ code: string; message: string; details?: { checks?: Record<string, { status: string }> } }>(
        node!.url,
        'GET',
        '/api/health',
      );
      expect(h.status).toBe(503);
      expect(h.body.code).toBe('SERVICE_UNAVAILABLE');
      expect(h.body.message).toMatch(/redis/i);
      expect(h.body.details?.checks?.['redis']?.status).toBe('down');
      expect(h.body.details?.checks?.['database']?.status).toBe('up');
    }, 20_000);
    const during = await send('while-redis-down');
    expect(during.ok).toBe(true);
    await eventually(() => expect(got).toContain('while-redis-down'), 10_000);
    expect(sa.connected && sb.connected).toBe(true);

    redis = await startRedis(port);
    await eventually(async () => expect((await api(node!.url, 'GET', '/api/health')).status).toBe(200), 30_000);
    expect((await send('after-redis-back')).ok).toBe(true);
    await eventually(() => expect(got).toContain('after-redis-back'), 10_000);
    expect(got.filter((id) => id === 'while-redis-down')).toHaveLength(1);
  });
});
