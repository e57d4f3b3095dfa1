import type { AttendeesResponse, ClusterEvent, PublicEvent } from '@klasteris/contracts';
import { DemoEventsSeeder } from '../src/modules/demo/demo-events';
import { bearer, createTestApp, login, TestApp } from './support/test-app';

describe('events: demo data from the cluster story', () => {
  let t: TestApp;
  let coordinator: string;
  let member: string;

  beforeAll(async () => {
    t = await createTestApp();
    coordinator = (await login(t, 'coordinator@klasteris.demo')).accessToken;
    member = (await login(t, 'member@klasteris.demo')).accessToken;
  });
  afterAll(() => t.close());

  it('the visitor site shows the upcoming presentations in Muscat, Almaty and Baku, in their own time zones', async () => {
    const res = await t.http.get('/api/public/events');
    expect(res.status).toBe(200);
    const items = res.body.items as PublicEvent[];
    const cities = items
      .filter((e) => e.kind === 'presentation')
      .map((e) => (e.venue.kind === 'address' ? `${e.venue.city} ${e.venue.country} ${e.timeZone}` : ''));
    expect(cities).toEqual(['Muscat OM Asia/Muscat', 'Almaty KZ Asia/Almaty', 'Baku AZ Asia/Baku']);
    for (const e of items) expect(Date.parse(e.start)).toBeGreaterThan(Date.now());
  });

  it('members see the internal event in the INFOBALT event hall, its venue booked and approved', async () => {
    const res = await t.http.get('/api/events').query({ limit: '100' }).set(bearer(member));
    const hall = (res.body.items as ClusterEvent[]).find((e) => e.venue.kind === 'resource');
    expect(hall).toMatchObject({
      kind: 'internal',
      visibility: 'members',
      venue: { kind: 'resource', resourceName: 'INFOBALT event hall', bookingStatus: 'confirmed' },
    });
    expect(hall!.going).toBeGreaterThan(0);
    expect(hall!.myRsvp).toEqual({ status: 'going' });
  });

  it('three past internal events, with attendance from the member organisations; prospects from the target countries', async () => {
    const from = new Date(Date.now() - 200 * 86_400_000).toISOString();
    const to = new Date().toISOString();
    const past = ((await t.http.get('/api/events').query({ from, to }).set(bearer(coordinator))).body.items as ClusterEvent[]).filter(
      (e) => e.kind === 'internal',
    );
    expect(past).toHaveLength(3);
    const att = (await t.http.get(`/api/events/${past[0]!.id}/attendees`).set(bearer(coordinator))).body as AttendeesResponse;
    expect(att.counts.going).toBeGreaterThanOrEqual(6);
    expect(new Set(att.items.map((a) => a.organisationName)).size).toBeGreaterThanOrEqual(4);
    // the attendance report: per organisation, most first, adding up to the people going
    expect(att.byOrganisation.reduce((n, g) => n + g.going, 0)).toBe(att.counts.going);
    expect(att.byOrganisation[0]!.going).toBeGreaterThanOrEqual(att.byOrganisation[att.byOrganisation.length - 1]!.going);
    expect(att.byOrganisation.map((g) => g.key)).toEqual(expect.arrayContaining(['Etronika', 'Data House']));
    expect(att.byCountry[0]).toEqual({ key: 'LT', going: expect.any(Number), present: expect.any(Number) });

    const pub = (await t.http.get('/api/public/events').query({ limit: '100' })).body.items as PublicEvent[];
    const baku = pub.find((e) => e.title.includes('Baku'))!;
    const prospects = (
      (await t.http.get(`/api/events/${baku.id}/attendees`).set(bearer(coordinator))).body as AttendeesResponse
    ).items.filter((a) => a.kind === 'prospect');
    expect(prospects.map((p) => p.country)).toEqual(['AZ', 'AZ']);
    const bakuReport = (await t.http.get(`/api/events/${baku.id}/attendees`).set(bearer(coordinator))).body as AttendeesResponse;
    expect(bakuReport.byCountry).toEqual(expect.arrayContaining([{ key: 'AZ', going: 2, present: 0 }]));
  });

  it('seeding again adds nothing', async () => {
    expect(await t.app.get(DemoEventsSeeder).seed()).toBe(0);
  });
});
