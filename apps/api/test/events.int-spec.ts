import type { ClusterEvent } from '@klasteris/contracts';
import { eventBody, eventHelpers } from './support/events';
import { bearer, createTestApp, login, newMember, TestApp } from './support/test-app';

describe('events: create, read, change, cancel; who may see and run them', () => {
  let t: TestApp;
  let ev: ReturnType<typeof eventHelpers>;
  let coordinator: string;
  let member: string; // Etronika, member of "Middle East market entry"
  let member2: string; // Data House, not a member of it
  let salim: string; // coordinator of "Middle East market entry", org admin of Oman Digital
  let orgadmin: string; // Etronika admin
  let groupId: string;
  let etronikaId: string;

  beforeAll(async () => {
    t = await createTestApp();
    ev = eventHelpers(t);
    coordinator = (await login(t, 'coordinator@klasteris.demo')).accessToken;
    const m = await login(t, 'member@klasteris.demo');
    member = m.accessToken;
    etronikaId = m.user.organisationId!;
    member2 = (await login(t, 'member2@klasteris.demo')).accessToken;
    salim = (await login(t, 'salim@klasteris.demo')).accessToken;
    orgadmin = (await login(t, 'orgadmin@klasteris.demo')).accessToken;
    const groups = await t.http.get('/api/groups').query({ q: 'Middle East' }).set(bearer(coordinator));
    groupId = (groups.body.items as { id: string; name: string }[]).find((g) => g.name === 'Middle East market entry')!.id;
  });
  afterAll(() => t.close());

  it('a coordinator creates a published members event: 201 { event }, members see it in the list and by id', async () => {
    const res = await ev.create(coordinator, { capacity: 30 });
    expect(res.status).toBe(201);
    const e = res.body.event as ClusterEvent;
    expect(e).toMatchObject({
      title: 'Cloud computing cooperation day',
      kind: 'internal',
      organiser: { type: 'cluster', id: null },
      state: 'published',
      visibility: 'members',
      capacity: 30,
      going: 0,
      timeZone: 'Europe/Vilnius',
      venue: { kind: 'address', address: 'Gedimino pr. 1', city: 'Vilnius', country: 'LT' },
      myRsvp: null,
      canManage: true,
    });
    const one = await t.http.get(`/api/events/${e.id}`).set(bearer(member2));
    expect(one.status).toBe(200);
    expect(one.body.event).toMatchObject({ id: e.id, canManage: false });
    const start = Date.parse(e.start);
    const list = await t.http
      .get('/api/events')
      .query({ from: new Date(start - 86_400_000).toISOString(), to: new Date(start + 86_400_000).toISOString() })
      .set(bearer(member));
    expect(list.status).toBe(200);
    expect((list.body.items as ClusterEvent[]).map((i) => i.id)).toContain(e.id);
    const outside = await t.http
      .get('/api/events')
      .query({ from: new Date(start + 86_400_000).toISOString() })
      .set(bearer(member));
    expect((outside.body.items as ClusterEvent[]).map((i) => i.id)).not.toContain(e.id);
  });

  it('bad input: each a 400 VALIDATION_FAILED with the field, and nothing written', async () => {
    const before = await ev.count();
    const body = eventBody();
    const cases: [Record<string, unknown>, string][] = [
      [{ end: body['start'] }, 'end'],
      [{ end: new Date(Date.parse(String(body['start'])) - 3_600_000).toISOString() }, 'end'],
      [{ end: new Date(Date.parse(String(body['start'])) + 15 * 86_400_000).toISOString() }, 'end'],
      [{ timeZone: 'Mars/Olympus' }, 'timeZone'],
      [{ timeZone: 'UTC+2' }, 'timeZone'],
      [{ start: '2027-03-10 08:00' }, 'start'],
      [{ start: '2027-02-30T08:00:00Z' }, 'start'],
      [{ title: '' }, 'title'],
      [{ title: 'x'.repeat(141) }, 'title'],
      [{ kind: 'party' }, 'kind'],
      [{ visibility: 'everyone' }, 'visibility'],
      [{ capacity: 0 }, 'capacity'],
      [{ capacity: 2.5 }, 'capacity'],
      [{ capacity: '10' }, 'capacity'],
      [{ venue: { address: 'Gedimino pr. 1', city: 'Vilnius', country: 'LT', url: 'https://meet.example.org/x' } }, 'venue'],
      [{ venue: {} }, 'venue'],
      [{ venue: { resourceId: '0123456789abcdef01234567', url: 'https://meet.example.org/x' } }, 'venue'],
      [{ venue: { address: 'Gedimino pr. 1', city: 'Vilnius', country: 'Lithuania' } }, 'venue.country'],
      [{ venue: { url: 'javascript:alert(1)' } }, 'venue.url'],
      [{ venue: { resourceId: 'nope' } }, 'venue.resourceId'],
      [{ venue: { resourceId: '0123456789abcdef01234567' } }, 'venue.resourceId'],
      [{ venue: 'Vilnius' }, 'venue'],
      [{ groupId: 'x' }, 'groupId'],
      [{ groupId: '0123456789abcdef01234567' }, 'groupId'],
      [{ visibility: 'group' }, 'groupId'],
      [{ visibility: 'project' }, 'projectId'],
      [{ publish: 'yes' }, 'publish'],
      [{ extra: 1 }, 'extra'],
    ];
    for (const [over, field] of cases) {
      const res = await ev.create(coordinator, over);
      expect({ over, status: res.status, code: res.body.code }).toEqual({ over, status: 400, code: 'VALIDATION_FAILED' });
      expect({ over, fields: (res.body.details.fields as { field: string }[]).map((f) => f.field) }).toEqual({
        over,
        fields: expect.arrayContaining([field]),
      });
    }
    const missing = await t.http.post('/api/events').set(bearer(coordinator)).send({});
    expect(missing.status).toBe(400);
    expect((missing.body.details.fields as { field: string }[]).map((f) => f.field)).toEqual(
      expect.arrayContaining(['title', 'kind', 'start', 'end', 'timeZone', 'visibility', 'venue']),
    );
    expect(await ev.count()).toBe(before);
  });

  it('who may create: members not for the cluster (403), org admins for their organisation, group coordinators for their group', async () => {
    const before = await ev.count();
    expect((await ev.create(member)).status).toBe(403);
    expect((await ev.create(member, { organisationId: etronikaId })).status).toBe(403);
    expect((await ev.create(salim, { organisationId: etronikaId })).status).toBe(403);
    expect((await ev.create(member, { groupId, visibility: 'group' })).status).toBe(403);
    expect((await t.http.post('/api/events').send(eventBody())).status).toBe(401);
    expect(await ev.count()).toBe(before);

    const org = await ev.created(orgadmin, { organisationId: etronikaId, title: 'Etronika open day' });
    expect(org.organiser).toEqual({ type: 'organisation', id: etronikaId });
    const grp = await ev.created(salim, {
      groupId,
      visibility: 'group',
      title: 'Muscat preparation call',
      kind: 'working_group',
      venue: { url: 'https://meet.example.org/muscat' },
    });
    expect(grp.organiser).toEqual({ type: 'group', id: groupId });
    expect(grp.venue).toEqual({ kind: 'online', url: 'https://meet.example.org/muscat' });
  });

  it('visibility matrix: group and project events are 404 to non-members, drafts to everyone but their organisers', async () => {
    const grp = await ev.created(salim, { groupId, visibility: 'group', title: 'Gulf regulations briefing' });
    expect((await t.http.get(`/api/events/${grp.id}`).set(bearer(member))).status).toBe(200);
    const hidden = await t.http.get(`/api/events/${grp.id}`).set(bearer(member2));
    expect(hidden.status).toBe(404);
    expect(hidden.body.code).toBe('NOT_FOUND');
    expect((await ev.rsvp(member2, grp.id, 'going')).status).toBe(404);
    expect((await t.http.get(`/api/events/${grp.id}/attendees`).set(bearer(member2))).status).toBe(404);
    expect((await t.http.patch(`/api/events/${grp.id}`).set(bearer(member2)).send({ title: 'Taken over' })).status).toBe(404);
    expect((await t.http.post(`/api/events/${grp.id}/cancel`).set(bearer(member2)).send({})).status).toBe(404);

    // a project of member's: the owner runs its events; a non-member sees nothing
    const project = await t.http.post('/api/projects').set(bearer(member)).send({ name: 'Sovereign cloud offer' });
    expect(project.status).toBe(201);
    const projectId = project.body.project.id as string;
    expect((await ev.create(member2, { projectId, visibility: 'project' })).status).toBe(400); // not a member: no such project to them
    const prj = await ev.created(member, { projectId, visibility: 'project', title: 'Offer review' });
    expect(prj.organiser).toEqual({ type: 'project', id: projectId });
    expect((await t.http.get(`/api/events/${prj.id}`).set(bearer(member2))).status).toBe(404);
    expect((await t.http.get(`/api/events/${prj.id}`).set(bearer(coordinator))).status).toBe(200);

    const draft = await ev.created(coordinator, { publish: false, title: 'Draft: Almaty presentation' });
    expect(draft.state).toBe('draft');
    expect((await t.http.get(`/api/events/${draft.id}`).set(bearer(member))).status).toBe(404);
    expect((await ev.rsvp(coordinator, draft.id, 'going')).body.code).toBe('EVENT_STATE_CONFLICT');

    const start = Date.parse(grp.start);
    const range = { from: new Date(start - 86_400_000).toISOString(), to: new Date(start + 86_400_000).toISOString(), limit: '100' };
    const ids2 = ((await t.http.get('/api/events').query(range).set(bearer(member2))).body.items as ClusterEvent[]).map((e) => e.id);
    expect(ids2).not.toEqual(expect.arrayContaining([grp.id]));
    expect(ids2).not.toContain(prj.id);
    expect(ids2).not.toContain(draft.id);
    const ids1 = ((await t.http.get('/api/events').query(range).set(bearer(member))).body.items as ClusterEvent[]).map((e) => e.id);
    expect(ids1).toEqual(expect.arrayContaining([grp.id, prj.id]));
    expect(ids1).not.toContain(draft.id);
    const idsStaff = ((await t.http.get('/api/events').query(range).set(bearer(coordinator))).body.items as ClusterEvent[]).map(
      (e) => e.id,
    );
    expect(idsStaff).toEqual(expect.arrayContaining([grp.id, prj.id, draft.id]));
  });

  it('members who see an event but do not run it: no attendees (403), no edits (403), no cancel (403)', async () => {
    const e = await ev.created(coordinator, { title: 'Members breakfast' });
    expect((await t.http.get(`/api/events/${e.id}/attendees`).set(bearer(member))).status).toBe(403);
    const patch = await t.http.patch(`/api/events/${e.id}`).set(bearer(member)).send({ title: 'Mine now' });
    expect(patch.status).toBe(403);
    expect((await t.http.post(`/api/events/${e.id}/cancel`).set(bearer(member)).send({})).status).toBe(403);
    expect((await t.http.get(`/api/events/${e.id}`).set(bearer(member))).body.event.title).toBe('Members breakfast');
    expect((await t.http.get(`/api/events/${e.id}/attendees`).set(bearer(coordinator))).status).toBe(200);
    expect((await t.http.get(`/api/events/not-an-id`).set(bearer(member))).status).toBe(400);
  });

  it('organisers edit (PATCH) with validation, publish a draft, and cancel once', async () => {
    const e = await ev.created(coordinator, { publish: false, capacity: 5 });
    const bad = await t.http
      .patch(`/api/events/${e.id}`)
      .set(bearer(coordinator))
      .send({ end: new Date(Date.parse(e.start) - 1000).toISOString() });
    expect(bad.status).toBe(400);
    expect(bad.body.details.fields[0].field).toBe('end');
    const long = await t.http
      .patch(`/api/events/${e.id}`)
      .set(bearer(coordinator))
      .send({ end: new Date(Date.parse(e.start) + 15 * 86_400_000).toISOString() });
    expect(long.status).toBe(400);
    expect(long.body.details.fields[0].field).toBe('end');
    const tz = await t.http.patch(`/api/events/${e.id}`).set(bearer(coordinator)).send({ timeZone: 'Europe/Atlantis' });
    expect(tz.body.details.fields[0].field).toBe('timeZone');
    const ok = await t.http
      .patch(`/api/events/${e.id}`)
      .set(bearer(coordinator))
      .send({ title: 'Renamed day', capacity: null, publish: true, venue: { url: 'https://meet.example.org/day' } });
    expect(ok.status).toBe(200);
    expect(ok.body.event).toMatchObject({ title: 'Renamed day', capacity: null, state: 'published', venue: { kind: 'online' } });
    const c = await t.http.post(`/api/events/${e.id}/cancel`).set(bearer(coordinator)).send({ reason: 'Speaker ill' });
    expect(c.status).toBe(200);
    expect(c.body.event.state).toBe('cancelled');
    const again = await t.http.post(`/api/events/${e.id}/cancel`).set(bearer(coordinator)).send({});
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('EVENT_STATE_CONFLICT');
    expect((await t.http.patch(`/api/events/${e.id}`).set(bearer(coordinator)).send({ title: 'Back' })).body.code).toBe(
      'EVENT_STATE_CONFLICT',
    );
    expect((await ev.rsvp(member, e.id, 'going')).body.code).toBe('EVENT_STATE_CONFLICT');
    // still visible, as cancelled
    expect((await t.http.get(`/api/events/${e.id}`).set(bearer(member))).body.event.state).toBe('cancelled');
  });

  it('a capacity below the people already going is refused with a field error', async () => {
    const e = await ev.created(coordinator, { capacity: 3 });
    const a = await newMember(t);
    const b = await newMember(t);
    expect((await ev.rsvp(a.accessToken, e.id, 'going')).body.rsvp).toEqual({ status: 'going' });
    expect((await ev.rsvp(b.accessToken, e.id, 'going')).body.rsvp).toEqual({ status: 'going' });
    const low = await t.http.patch(`/api/events/${e.id}`).set(bearer(coordinator)).send({ capacity: 1 });
    expect(low.status).toBe(400);
    expect(low.body.details.fields[0].field).toBe('capacity');
    expect((await t.http.get(`/api/events/${e.id}`).set(bearer(coordinator))).body.event).toMatchObject({ capacity: 3, going: 2 });
    expect((await t.http.patch(`/api/events/${e.id}`).set(bearer(coordinator)).send({ capacity: 2 })).body.event).toMatchObject({
      capacity: 2,
      going: 2,
    });
  });
});
