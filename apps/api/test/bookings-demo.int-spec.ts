import type { Resource } from '@klasteris/contracts';
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
    expect(byName.get('INFOBALT conference room')).toMatchObject({ canBook: true, policy: { approval: { required: false }, access: { mode: 'all' } } });
    expect(byName.get('Duomenų centras GPU node pool')).toMatchObject({ type: 'gpu_pool', capacity: 16, policy: { approval: { required: true } } });
    expect(byName.get('Data House half-rack row A')).toMatchObject({ type: 'rack', organisationName: 'Data House' });
    expect(byName.get('VU MIF IoT and robotics lab')).toMatchObject({ type: 'lab' });
    expect(byName.get('Muscat Digital Partners meeting room')).toMatchObject({ timeZone: 'Asia/Muscat' });

    const gpu = await t.http.get('/api/resources').query({ type: 'gpu_pool', attribute: 'gpu:nvidia a100 80gb' }).set(bearer(member));
    expect(gpu.body.items.map((r: Resource) => r.name)).toEqual(['Duomenų centras GPU node pool']);

    const coordinator = (await login(t, 'coordinator@klasteris.demo')).accessToken;
    const queue = await t.http.get('/api/bookings/approvals').set(bearer(coordinator));
    expect(queue.body.items.map((b: { purpose: string }) => b.purpose)).toEqual(expect.arrayContaining(['Lithuanian language model fine-tuning', 'Student HPC course lab']));

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
    expect(await rackFor('jonas@klasteris.demo')).toMatchObject({ canBook: true, policy: { access: { mode: 'group', groupId: expect.any(String) } } });
    expect(await rackFor('member@klasteris.demo')).toMatchObject({ canBook: false });
  });
});
