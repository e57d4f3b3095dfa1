import { io, Socket } from 'socket.io-client';
import { bearer, createTestApp, login, TestApp } from './support/test-app';

describe('realtime: socket authentication, notifications, revocation', () => {
  let t: TestApp;
  const sockets: Socket[] = [];
  const connect = (token: string | undefined, origin?: string): Socket => {
    const s = io(t.url, {
      auth: token ? { token } : {},
      transports: ['websocket'],
      reconnection: false,
      extraHeaders: origin ? { origin } : {},
    });
    sockets.push(s);
    return s;
  };
  const outcome = (s: Socket) =>
    new Promise<string>((ok) => {
      setTimeout(() => ok(`no answer (connected: ${s.connected})`), 10_000).unref(); // a readable failure, not a 120 s hang
      s.once('ready', () => ok('connected')); // 'ready' comes once the server has joined the socket's rooms
      s.once('connect_error', (e) => ok(e.message));
    });

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterEach(() => {
    sockets.splice(0).forEach((s) => s.close());
  });
  afterAll(() => t.close());

  it('refuses a handshake without a valid token with UNAUTHENTICATED', async () => {
    expect(await outcome(connect(undefined))).toBe('UNAUTHENTICATED');
    expect(await outcome(connect('garbage'))).toBe('UNAUTHENTICATED');
  });

  it('refuses a foreign Origin', async () => {
    const s = await login(t, 'member@klasteris.demo');
    expect(await outcome(connect(s.accessToken, 'https://evil.example'))).toBe('ORIGIN_NOT_ALLOWED');
    expect(await outcome(connect(s.accessToken, 'http://localhost:3000'))).toBe('connected');
  });

  it('pushes notification:new to the right user only', async () => {
    const coordinator = await login(t, 'coordinator@klasteris.demo');
    const member = await login(t, 'member@klasteris.demo');
    const cs = connect(coordinator.accessToken);
    const ms = connect(member.accessToken);
    // both listeners before either wait: the second socket may be ready while the first is awaited
    expect(await Promise.all([outcome(cs), outcome(ms)])).toEqual(['connected', 'connected']);
    const memberGot: unknown[] = [];
    ms.on('notification:new', (n) => memberGot.push(n));
    const received = new Promise<{ notification: { kind: string } }>((ok) => cs.once('notification:new', ok));
    const res = await t.http.post('/api/applications').send({
      organisation: { name: 'Realtime Test Org', type: 'company', country: 'LV' },
      contact: { displayName: 'Rita Test', email: 'rita@rt.example', password: 'a long password' },
      motivation: 'Testing realtime notifications',
    });
    expect(res.status).toBe(201);
    const got = await Promise.race([received, new Promise<null>((ok) => setTimeout(() => ok(null), 10_000).unref())]);
    expect(got?.notification.kind).toBe('application.submitted');
    await new Promise((r) => setTimeout(r, 200));
    expect(memberGot).toEqual([]);
  });

  it('logout disconnects the sockets of that session within a second', async () => {
    const s = await login(t, 'member2@klasteris.demo');
    const sock = connect(s.accessToken);
    expect(await outcome(sock)).toBe('connected');
    const started = Date.now();
    const gone = new Promise<void>((ok) => sock.once('disconnect', () => ok()));
    await t.http.post('/api/auth/logout').set(bearer(s.accessToken));
    await gone;
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await outcome(connect(s.accessToken))).toBe('UNAUTHENTICATED');
  });
});
