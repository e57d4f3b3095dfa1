import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { io, Socket } from 'socket.io-client';
import type { Ack, Message, MessageNewEvent, MyChannel } from '@klasteris/contracts';
import { ApiProcess, startApiProcess } from './api-process';

/**
 * Redis goes away under a running node: the node keeps serving its own clients (sends are acked and
 * delivered locally), health says Redis is down (503 naming it), and all is well again once Redis is back.
 */

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => ok(port));
    });
  });
}

async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  await sleep(300);
  if (child.exitCode !== null) throw new Error('redis-server did not start (apt-get install redis-server)');
  return child;
}

async function api<T>(url: string, method: string, path: string, token?: string, body?: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}

async function signIn(url: string, email: string): Promise<{ token: string; userId: string }> {
  const res = await api<{ accessToken: string; user: { id: string } }>(url, 'POST', '/api/auth/login', undefined, { email, password: 'klasteris-demo' });
  if (res.status !== 200) throw new Error(`login ${email}: ${res.status}`);
  return { token: res.body.accessToken, userId: res.body.user.id };
}

async function eventually(check: () => Promise<void> | void, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      await check();
      return;
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await sleep(200);
    }
  }
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
    const created = await api<{ channel: MyChannel }>(node.url, 'POST', '/api/channels', a.token, { name: `redis-${Date.now()}`, type: 'private' });
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
    await eventually(() => expect(got).toContain('before-redis-down'), 5000);
    expect((await api(node.url, 'GET', '/api/health')).status).toBe(200);

    redis.kill('SIGKILL');
    await eventually(async () => {
      const h = await api<{ code: string; message: string; details?: { checks?: Record<string, { status: string }> } }>(node!.url, 'GET', '/api/health');
      expect(h.status).toBe(503);
      expect(h.body.code).toBe('SERVICE_UNAVAILABLE');
      expect(h.body.message).toMatch(/redis/i);
      expect(h.body.details?.checks?.['redis']?.status).toBe('down');
      expect(h.body.details?.checks?.['database']?.status).toBe('up');
    }, 10_000);
    const during = await send('while-redis-down');
    expect(during.ok).toBe(true);
    await eventually(() => expect(got).toContain('while-redis-down'), 5000);
    expect(sa.connected && sb.connected).toBe(true);

    redis = await startRedis(port);
    await eventually(async () => expect((await api(node!.url, 'GET', '/api/health')).status).toBe(200), 15_000);
    expect((await send('after-redis-back')).ok).toBe(true);
    await eventually(() => expect(got).toContain('after-redis-back'), 5000);
    expect(got.filter((id) => id === 'while-redis-down')).toHaveLength(1);
  });
});
