import { io, Socket } from 'socket.io-client';
import type { Booking, Resource } from '@klasteris/contracts';
import { H, iso, mondayUtc } from './support/bookings';
import { bearer, createTestApp, login, TestApp } from './support/test-app';

describe('bookings: realtime', () => {
  let t: TestApp;
  const sockets: Socket[] = [];
  const connect = async (token: string): Promise<Socket> => {
    const s = io(t.url, { auth: { token }, transports: ['websocket'], reconnection: false });
    sockets.push(s);
    await new Promise<void>((ok, fail) => {
      s.once('ready', () => ok());
      s.once('connect_error', fail);
    });
    return s;
  };
  const next = <T>(s: Socket, event: string, match: (p: T) => boolean): Promise<T> =>
    new Promise((ok) => {
      const on = (p: T) => {
        if (!match(p)) return;
        s.off(event, on);
        ok(p);
      };
      s.on(event, on);
    });

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await t.close();
  });

  it('the coordinator sees a GPU request arrive; the member sees it confirmed without reloading; others see nothing', async () => {
    const member = await login(t, 'member@klasteris.demo');
    const coordinator = await login(t, 'coordinator@klasteris.demo');
    const other = await login(t, 'member2@klasteris.demo');
    const [ms, cs, os] = await Promise.all([connect(member.accessToken), connect(coordinator.accessToken), connect(other.accessToken)]);
    const otherGot: unknown[] = [];
    os.on('booking:updated', (p) => otherGot.push(p));

    const pool = (
      (await t.http.get('/api/resources').query({ type: 'gpu_pool' }).set(bearer(member.accessToken))).body.items as Resource[]
    )[0]!;
    const start = mondayUtc(2) + 7 * H;
    const arrived = next<{ booking: Booking }>(cs, 'booking:updated', (p) => p.booking.userId === member.user.id);
    const req = await t.http
      .post('/api/bookings')
      .set(bearer(member.accessToken))
      .send({ resourceId: pool.id, start: iso(start), end: iso(start + 2 * H), units: 2, purpose: 'Fraud model training' });
    expect(req.status).toBe(201);
    expect((await arrived).booking).toMatchObject({ id: req.body.booking.id, status: 'pending' });

    const confirmed = next<{ booking: Booking }>(
      ms,
      'booking:updated',
      (p) => p.booking.id === req.body.booking.id && p.booking.status === 'confirmed',
    );
    const notified = next<{ notification: { kind: string } }>(ms, 'notification:new', (p) => p.notification.kind === 'booking.approved');
    expect((await t.http.post(`/api/bookings/${req.body.booking.id}/approve`).set(bearer(coordinator.accessToken)).send({})).status).toBe(
      200,
    );
    expect((await confirmed).booking.approvals).toHaveLength(1);
    await notified;
    expect(otherGot).toEqual([]);
  });
});
