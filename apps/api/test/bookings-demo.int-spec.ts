import type { Message, MyChannel, Page, Resource, TimelineRow, UtilisationResponse } from '@klasteris/contracts';
import { DateTime } from 'luxon';
import { demoBookingPlan } from '../src/modules/demo/demo-bookings';
import { bearer, createTestApp, login, TestApp } from './support/test-app';

describe('bookings: demo infrastructure', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('seeds the cluster’s shared infrastructure once, with one resource every member books freely and ones needing approval', async () => {
    const member = (await login(t, 'member@klasteris.demo')).accessToken;
    const res = await t.http.get('/api/resources').query({ limit: 100 }).set(bearer(member));
    const byName = new Map((res.body.items as Resource[]).map((r) => [r.name, r]));
    expect(byName.get('INFOBALT conference room')).toMatchObject({
      canBook: true,
      policy: { approval: { required: false }, access: { mode: 'all' } },
    });
    expect(byName.get('Duomenų centras GPU node pool')).toMatchObject({
      type: 'gpu_pool',
      capacity: 16,
      policy: { approval: { required: true } },
    });
    expect(byName.get('Data House half-rack row A')).toMatchObject({ type: 'rack', organisationName: 'Data House' });
    expect(byName.get('VU MIF IoT and robotics lab')).toMatchObject({ type: 'lab' });
    expect(byName.get('Muscat Digital Partners meeting room')).toMatchObject({ timeZone: 'Asia/Muscat' });

    const gpu = await t.http.get('/api/resources').query({ type: 'gpu_pool', attribute: 'gpu:nvidia a100 80gb' }).set(bearer(member));
    expect(gpu.body.items.map((r: Resource) => r.name)).toEqual(['Duomenų centras GPU node pool']);

    const coordinator = (await login(t, 'coordinator@klasteris.demo')).accessToken;
    const queue = await t.http.get('/api/bookings/approvals').set(bearer(coordinator));
    expect(queue.body.items.map((b: { purpose: string }) => b.purpose)).toEqual(
      expect.arrayContaining(['Lithuanian language model fine-tuning', 'Student HPC course lab']),
    );

    const seeder = t.app.get((await import('../src/modules/demo/demo-bookings')).DemoBookingsSeeder);
    expect(await seeder.seed()).toBe(0);
    expect(await seeder.seedGroupResources()).toBe(0);
  });

  it('seeds a rack only the “Shared data-centre operations” group may book', async () => {
    const rackFor = async (email: string) => {
      const token = (await login(t, email)).accessToken;
      const res = await t.http.get('/api/resources').query({ q: 'operations staging rack' }).set(bearer(token));
      return (res.body.items as Resource[]).find((r) => r.name === 'Data House operations staging rack');
    };
    expect(await rackFor('jonas@klasteris.demo')).toMatchObject({
      canBook: true,
      policy: { access: { mode: 'group', groupId: expect.any(String) } },
    });
    expect(await rackFor('member@klasteris.demo')).toMatchObject({ canBook: false });
  });

  it('spreads bookings over this week and the next two on every kind of resource, none skipped, so the timeline and utilisation show load (issue 13 item 6)', async () => {
    const monday = DateTime.now().setZone('Europe/Vilnius').startOf('week');
    const plan = demoBookingPlan(monday);
    expect(new Set(plan.map((p) => p.resource)).size).toBeGreaterThanOrEqual(7);
    const docs = await t.connection
      .collection('bookings')
      .find({ purpose: { $in: [...new Set(plan.map((p) => p.purpose))] }, status: { $in: ['pending', 'confirmed', 'completed'] } })
      .toArray();
    expect(docs).toHaveLength(plan.length);
    expect(docs.filter((d) => d['status'] === 'pending').length).toBeGreaterThanOrEqual(2); // the approvers have a queue

    const coordinator = (await login(t, 'coordinator@klasteris.demo')).accessToken;
    for (const week of [0, 1, 2]) {
      const from = monday.plus({ weeks: week });
      const res = await t.http
        .get('/api/resources/timeline')
        .query({ from: from.toISO(), to: from.plus({ days: 7 }).toISO(), limit: 100 })
        .set(bearer(coordinator));
      expect(res.status).toBe(200);
      const loaded = (res.body as Page<TimelineRow>).items.filter((r) => r.busy.length > 0);
      expect(loaded.length).toBeGreaterThanOrEqual(5);
    }
    const month = DateTime.now().setZone('Europe/Vilnius').toFormat('yyyy-MM');
    const util = (await t.http.get('/api/bookings/utilisation').query({ month }).set(bearer(coordinator))).body as UtilisationResponse;
    expect(util.rows.filter((r) => r.bookedHours > 0).length).toBeGreaterThanOrEqual(5);
  });

  it('the demo chat has threads and reactions this week', async () => {
    const member = (await login(t, 'member@klasteris.demo')).accessToken;
    const channels = (await t.http.get('/api/channels').set(bearer(member))).body.items as MyChannel[];
    const cloud = channels.find((c) => c.name === 'cloud-computing')!;
    const items = (await t.http.get(`/api/channels/${cloud.id}/messages`).set(bearer(member))).body.items as Message[];
    const roots = items.filter((m) => !m.threadRootId);
    expect(roots.some((m) => m.replyCount >= 2)).toBe(true);
    expect(roots.some((m) => m.reactions.length > 0)).toBe(true);
    const weekAgo = Date.now() - 7 * 86_400_000;
    expect(roots.every((m) => Date.parse(m.createdAt) > weekAgo)).toBe(true);
  });
});
