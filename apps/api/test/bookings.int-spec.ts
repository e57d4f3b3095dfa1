import { Types } from 'mongoose';
import type { Resource } from '@klasteris/contracts';
import { bearer, createTestApp, login, TestApp } from './support/test-app';

/** Next Monday 00:00 UTC at least `weeks` weeks ahead: a stable, far-enough future anchor. */
function mondayUtc(weeks = 1): number {
  const d = new Date();
  d.setUTCHours(0, 0, 0, 0);
  d.setUTCDate(d.getUTCDate() + ((8 - d.getUTCDay()) % 7 || 7) + 7 * (weeks - 1));
  return d.getTime();
}
const H = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

describe('bookings: capacity is never exceeded', () => {
  let t: TestApp;
  let coordinator: string;
  let member: string; // Etronika
  let member2: string; // Data House
  let infobaltId: string;

  const createResource = async (body: Record<string, unknown>, token = coordinator): Promise<Resource> => {
    const res = await t.http
      .post('/api/resources')
      .set(bearer(token))
      .send({ timeZone: 'Europe/Vilnius', type: 'meeting_room', organisationId: infobaltId, ...body });
    if (res.status !== 201) throw new Error(`create resource → ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.resource as Resource;
  };
  const book = (token: string, body: Record<string, unknown>) =>
    t.http
      .post('/api/bookings')
      .set(bearer(token))
      .send({ purpose: 'Team workshop', ...body });

  beforeAll(async () => {
    t = await createTestApp();
    coordinator = (await login(t, 'coordinator@klasteris.demo')).accessToken;
    member = (await login(t, 'member@klasteris.demo')).accessToken;
    member2 = (await login(t, 'member2@klasteris.demo')).accessToken;
    infobaltId = (await t.http.get('/api/organisations?q=infobalt')).body.items[0].id;
  });
  afterAll(() => t.close());

  it('books a free slot: 201 confirmed, visible as busy, and a second overlapping request gets 409 with the clash', async () => {
    const room = await createResource({ name: 'Room A' });
    const start = mondayUtc() + 8 * H;
    const res = await book(member, { resourceId: room.id, start: iso(start), end: iso(start + 2 * H) });
    expect(res.status).toBe(201);
    expect(res.body.booking).toMatchObject({
      resourceId: room.id,
      status: 'confirmed',
      units: 1,
      start: iso(start),
      end: iso(start + 2 * H),
      timeZone: 'Europe/Vilnius',
    });

    const clash = await book(member2, {
      resourceId: room.id,
      start: iso(start + H),
      end: iso(start + 3 * H),
      purpose: 'Secret other-org meeting',
    });
    expect(clash.status).toBe(409);
    expect(clash.body.code).toBe('BOOKING_CONFLICT');
    expect(clash.body.details.conflicts).toEqual([{ start: iso(start + H), end: iso(start + 2 * H) }]);
    expect(JSON.stringify(clash.body)).not.toContain('Team workshop');

    const adjacent = await book(member2, { resourceId: room.id, start: iso(start + 2 * H), end: iso(start + 3 * H) });
    expect(adjacent.status).toBe(201);

    const av = await t.http
      .get(`/api/resources/${room.id}/availability`)
      .query({ from: iso(start), to: iso(start + 24 * H) })
      .set(bearer(member2));
    expect(av.status).toBe(200);
    expect(av.body.busy).toEqual([{ start: iso(start), end: iso(start + 3 * H), unitsUsed: 1 }]);
    const others = av.body.entries.find((e: { mine: boolean }) => !e.mine);
    expect(others).toMatchObject({ organisationName: 'Etronika', purpose: null });
  });

  it('100 concurrent requests for the same slot: exactly one succeeds, 99 get 409', async () => {
    const room = await createResource({ name: 'Room Race' });
    const start = mondayUtc() + 10 * H;
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        book(i % 2 ? member : member2, { resourceId: room.id, start: iso(start), end: iso(start + H) }),
      ),
    );
    const codes = results.map((r) => r.status);
    expect(codes.filter((c) => c === 201)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(99);
    expect(await t.connection.collection('booking_claims').countDocuments({ resourceId: new Types.ObjectId(room.id) })).toBe(4);
    expect(
      await t.connection
        .collection('bookings')
        .countDocuments({ resourceId: new Types.ObjectId(room.id), status: { $in: ['pending', 'confirmed', 'claiming'] } }),
    ).toBe(1);
  }, 90_000);

  it('a pool of capacity 4 hit by 50 concurrent one-unit requests: exactly 4 succeed', async () => {
    const pool = await createResource({ name: 'GPU test pool', type: 'gpu_pool', capacity: 4 });
    const start = mondayUtc() + 12 * H;
    const results = await Promise.all(
      Array.from({ length: 50 }, () => book(member, { resourceId: pool.id, start: iso(start), end: iso(start + 2 * H), units: 1 })),
    );
    const codes = results.map((r) => r.status);
    expect(codes.filter((c) => c === 201)).toHaveLength(4);
    expect(codes.filter((c) => c === 409)).toHaveLength(46);
    const av = await t.http
      .get(`/api/resources/${pool.id}/availability`)
      .query({ from: iso(start), to: iso(start + 2 * H) })
      .set(bearer(member));
    expect(av.body.busy).toEqual([{ start: iso(start), end: iso(start + 2 * H), unitsUsed: 4 }]);
  }, 90_000);

  it('the timeline pages through many resources with their busy segments in a window', async () => {
    const start = mondayUtc() + 14 * H;
    const names = ['TL Alpha', 'TL Beta', 'TL Gamma'];
    const made = [];
    for (const name of names) made.push(await createResource({ name, capacity: 2, type: 'server' }));
    await book(member, { resourceId: made[0]!.id, start: iso(start), end: iso(start + 2 * H), units: 2 });
    await book(member2, { resourceId: made[2]!.id, start: iso(start + H), end: iso(start + 2 * H) });
    const window = { from: iso(start - H), to: iso(start + 23 * H), q: 'TL ', limit: 2 };
    const p1 = await t.http.get('/api/resources/timeline').query(window).set(bearer(member));
    expect(p1.status).toBe(200);
    expect(p1.body.items.map((r: { resource: { name: string } }) => r.resource.name)).toEqual(['TL Alpha', 'TL Beta']);
    expect(p1.body.items[0].busy).toEqual([{ start: iso(start), end: iso(start + 2 * H), unitsUsed: 2 }]);
    expect(p1.body.items[1].busy).toEqual([]);
    const p2 = await t.http
      .get('/api/resources/timeline')
      .query({ ...window, cursor: p1.body.nextCursor })
      .set(bearer(member));
    expect(p2.body.items.map((r: { resource: { name: string } }) => r.resource.name)).toEqual(['TL Gamma']);
    expect(p2.body.items[0].busy).toEqual([{ start: iso(start + H), end: iso(start + 2 * H), unitsUsed: 1 }]);
    expect(p2.body.nextCursor).toBeNull();
    expect(
      (
        await t.http
          .get('/api/resources/timeline')
          .query({ from: iso(start), to: iso(start + 20 * 24 * H) })
          .set(bearer(member))
      ).status,
    ).toBe(400);
  });
  it('the timeline shows a resource created, renamed or taken out of service on its next page at once, whichever node changed it', async () => {
    const start = mondayUtc() + 14 * H;
    const page = async (on: TestApp = t): Promise<string[]> => {
      const res = await on.http
        .get('/api/resources/timeline')
        .query({ from: iso(start), to: iso(start + 24 * H), q: 'TLC ', limit: 10 })
        .set(bearer(member));
      expect(res.status).toBe(200);
      return (res.body.items as { resource: { name: string; status: string } }[]).map((r) => `${r.resource.name}: ${r.resource.status}`);
    };
    const aurora = await createResource({ name: 'TLC Aurora', type: 'server' });
    expect(await page()).toEqual(['TLC Aurora: available']);
    await createResource({ name: 'TLC Borealis', type: 'server' });
    expect(await page()).toEqual(['TLC Aurora: available', 'TLC Borealis: available']);
    // another API node on the same database
    const other = await createTestApp({ MONGODB_DB: t.config.mongoDb, JWT_SECRET: t.config.jwtSecret });
    try {
      expect(await page(other)).toEqual(['TLC Aurora: available', 'TLC Borealis: available']);
      const patched = await other.http
        .patch(`/api/resources/${aurora.id}`)
        .set(bearer(coordinator))
        .send({ name: 'TLC Zenith', status: 'maintenance' });
      expect(patched.status).toBe(200);
      expect(await page()).toEqual(['TLC Borealis: available', 'TLC Zenith: maintenance']);
      await t.http.patch(`/api/resources/${aurora.id}`).set(bearer(coordinator)).send({ name: 'TLC Aurora' });
      expect(await page(other)).toEqual(['TLC Aurora: maintenance', 'TLC Borealis: available']);
    } finally {
      await other.app.close(); // not other.close(): that drops the shared database
    }
  });
});
