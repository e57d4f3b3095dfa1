import { io, Socket } from 'socket.io-client';
import type { ClientToServerEvents } from '@klasteris/contracts';
import { emitAck, SocketPool } from '../support/sockets';
import { bearer, createTestApp, login, TestApp } from '../support/test-app';
import { CATASTROPHIC, OPERATOR_PAYLOADS, OVERSIZED, Tally } from './sweep-support';

/**
 * Every client→server event of the contracts, attacked with non-object payloads, operator payloads,
 * a catastrophic regex, wrong types, oversized values and unknown fields: always an
 * `{ ok: false, error: { code } }` ack, the socket stays connected, nothing is written.
 */

type Fields = Record<string, 'id' | 'string' | 'number' | 'boolean' | 'status'>;
/** Keyed by event name: a new event in ClientToServerEvents fails to compile until it is swept here. */
const EVENTS: Record<keyof ClientToServerEvents, Fields> = {
  'message:send': { channelId: 'id', clientMsgId: 'string', body: 'string' },
  'message:edit': { messageId: 'id', body: 'string' },
  'message:delete': { messageId: 'id' },
  'reaction:toggle': { messageId: 'id', emoji: 'string' },
  typing: { channelId: 'id' },
  'channel:read': { channelId: 'id', seq: 'number' },
  'presence:set': { status: 'status' },
  'board:join': { projectId: 'id' },
  'board:leave': { projectId: 'id' },
  'board:editing': { cardId: 'id', editing: 'boolean' },
  'auth:refresh': { token: 'string' },
  'event:subscribe': { eventId: 'id' },
  'event:unsubscribe': { eventId: 'id' },
};

const wrongType = (kind: Fields[string]): unknown => (kind === 'number' || kind === 'boolean' ? 'not-a-number' : 12345);

describe('security sweep: sockets', () => {
  let t: TestApp;
  const pool = new SocketPool(() => t.url);
  const raw: Socket[] = [];
  const tally = new Tally();
  let valid: Record<keyof ClientToServerEvents, Record<string, unknown>>;
  let token: string;

  beforeAll(async () => {
    t = await createTestApp();
    const me = await login(t, 'member@klasteris.demo');
    token = me.accessToken;
    const channels = await t.http.get('/api/channels').set(bearer(token));
    const list = channels.body.items as { id: string; name?: string }[];
    const channelId = (list.find((c) => c.name === 'general') ?? list[0]!).id;
    const s = await pool.connect(token);
    const sent = await emitAck<{ message: { id: string; seq: number } }>(s, 'message:send', {
      channelId,
      clientMsgId: 'sweep-seed-0001',
      body: 'seed',
    });
    if (!sent.ok) throw new Error(`seed message: ${JSON.stringify(sent)}`);
    const messageId = sent.message.id;
    const projects = await t.http.get('/api/projects').set(bearer(token));
    const projectId = (projects.body.items as { id: string }[])[0]?.id ?? '000000000000000000000000';
    valid = {
      'message:send': { channelId, clientMsgId: 'sweep-valid-0001', body: 'hello' },
      'message:edit': { messageId, body: 'edited' },
      'message:delete': { messageId },
      'reaction:toggle': { messageId, emoji: '👍' },
      typing: { channelId },
      'channel:read': { channelId, seq: sent.message.seq },
      'presence:set': { status: 'online' },
      'board:join': { projectId },
      'board:leave': { projectId },
      'board:editing': { cardId: '000000000000000000000000', editing: true },
      'auth:refresh': { token },
      'event:subscribe': { eventId: '000000000000000000000000' },
      'event:unsubscribe': { eventId: '000000000000000000000000' },
    };
  });

  afterAll(async () => {
    pool.closeAll();
    raw.splice(0).forEach((s) => s.close());
    tally.print('Socket security sweep');
    await t?.close();
  });

  it('hostile payloads on every event → { ok: false, error: { code } }, the socket stays up, nothing written', async () => {
    const s = await pool.connect(token);
    let disconnected = false;
    s.on('disconnect', () => (disconnected = true));
    const failures: string[] = [];
    const messages = () => t.connection.collection('messages').countDocuments({});
    const before = await messages();
    for (const [event, fields] of Object.entries(EVENTS) as [keyof ClientToServerEvents, Fields][]) {
      const base = valid[event];
      const cases: [string, string, unknown][] = [
        ['non-object payload', 'undefined', undefined],
        ['non-object payload', 'null', null],
        ['non-object payload', 'string', 'hello'],
        ['non-object payload', 'number', 42],
        ['non-object payload', 'array', [base]],
        ['operator', 'top-level $where', { ...base, $where: 'sleep(1000)' }],
        ['unknown field', 'notAField', { ...base, notAField: 'x' }],
        ['unknown field', '__proto__', JSON.parse(`{"__proto__":{"admin":true},${JSON.stringify(base).slice(1)}`)],
      ];
      for (const [field, kind] of Object.entries(fields)) {
        for (const [k, v] of Object.entries(OPERATOR_PAYLOADS)) cases.push(['operator', `${field}: ${k}`, { ...base, [field]: v }]);
        cases.push(['regex', `${field}: regex`, { ...base, [field]: { $regex: CATASTROPHIC } }]);
        cases.push(['wrong type', `${field}: wrong type`, { ...base, [field]: wrongType(kind) }]);
        cases.push(['oversized', `${field}: oversized`, { ...base, [field]: OVERSIZED }]);
        const { [field]: _dropped, ...missing } = base;
        if (kind !== 'boolean') cases.push(['missing field', `${field}: missing`, missing]);
      }
      for (const [cls, what, payload] of cases) {
        const res = await emitAck<object>(s, event, payload);
        const ok = res.ok === false && typeof res.error?.code === 'string' && !/Mongo|E11000|\bat .*\(/.test(JSON.stringify(res));
        tally.add(cls, !ok);
        if (!ok) failures.push(`${event} [${what}]: ${JSON.stringify(res).slice(0, 160)}`);
      }
      // No ack callback at all: the server must neither crash nor drop the socket.
      s.emit(event, { $where: 'sleep(1000)' });
      tally.add('no ack callback', false);
    }
    const alive = await emitAck(s, 'presence:set', { status: 'online' });
    expect(alive.ok).toBe(true);
    expect(disconnected).toBe(false);
    expect(await messages()).toBe(before);
    expect(failures).toEqual([]);
  });

  it('refuses handshakes with a foreign Origin, and without a valid token', async () => {
    const outcome = (opts: { token?: string; origin?: string }) =>
      new Promise<string>((ok) => {
        const c = io(t.url, {
          auth: opts.token ? { token: opts.token } : {},
          transports: ['websocket'],
          reconnection: false,
          forceNew: true,
          extraHeaders: opts.origin ? { origin: opts.origin } : {},
        });
        raw.push(c);
        c.once('connect', () => ok('connected'));
        c.once('connect_error', (e) => ok(e.message));
      });
    const cases: [string, { token?: string; origin?: string }, string][] = [
      ['foreign Origin', { token, origin: 'https://evil.example' }, 'ORIGIN_NOT_ALLOWED'],
      ['null Origin', { token, origin: 'null' }, 'ORIGIN_NOT_ALLOWED'],
      ['look-alike Origin', { token, origin: `${t.url}.evil.example` }, 'ORIGIN_NOT_ALLOWED'],
      ['no token', {}, 'UNAUTHENTICATED'],
      ['garbage token', { token: 'not.a.token' }, 'UNAUTHENTICATED'],
    ];
    for (const [what, opts, expected] of cases) {
      const got = await outcome(opts);
      tally.add(`handshake ${what}`, got !== expected);
      expect(`${what}: ${got}`).toBe(`${what}: ${expected}`);
    }
  });
});
