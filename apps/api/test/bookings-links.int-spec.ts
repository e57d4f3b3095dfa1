import { bookingHelpers, H, iso, mondayUtc } from './support/bookings';
import { bearer, createTestApp, login, TestApp } from './support/test-app';

/** Resources reserved for a working group, and bookings linked to a card of a project board. */
describe('bookings: working-group resources and bookings on cards', () => {
  let t: TestApp;
  let admin: string;
  let coordinator: string;
  let member: string; // Etronika
  let member2: string; // Data House
  let orgadmin: string; // Etronika admin
  let jonas: string; // Duomenų centras
  let infobaltId: string;
  let h: ReturnType<typeof bookingHelpers>;
  const base = mondayUtc(3) + 8 * H;
  const userId = async (token: string): Promise<string> => (await t.http.get('/api/auth/me').set(bearer(token))).body.user.id;

  beforeAll(async () => {
    t = await createTestApp();
    [admin, coordinator, member, member2, orgadmin, jonas] = await Promise.all(
      ['admin', 'coordinator', 'member', 'member2', 'orgadmin', 'jonas'].map(
        async (n) => (await login(t, `${n}@klasteris.demo`)).accessToken,
      ),
    );
    infobaltId = (await t.http.get('/api/organisations?q=infobalt')).body.items[0].id;
    h = bookingHelpers(t, () => ({ token: coordinator, organisationId: infobaltId }));
  });
  afterAll(() => t.close());

  describe('a resource reserved for a working group', () => {
    let groupId: string;
    let resourceId: string;

    beforeAll(async () => {
      // The seed's "Shared data-centre operations" group: jonas and member2 are members, member is not.
      const groups = await t.http.get('/api/groups').query({ q: 'data-centre operations' }).set(bearer(jonas));
      groupId = groups.body.items[0].id;
      const r = await h.createResource({
        name: 'DC ops test bench',
        type: 'test_equipment',
        policy: { access: { mode: 'group', groupId } },
      });
      expect(r.policy.access).toMatchObject({ mode: 'group', groupId });
      resourceId = r.id;
    });

    it('members of the group may book; others are told they may not (403 FORBIDDEN) and see canBook false', async () => {
      expect((await t.http.get(`/api/resources/${resourceId}`).set(bearer(jonas))).body.resource.canBook).toBe(true);
      expect((await t.http.get(`/api/resources/${resourceId}`).set(bearer(member))).body.resource.canBook).toBe(false);
      const listed = await t.http.get('/api/resources').query({ q: 'DC ops test bench' }).set(bearer(member2));
      expect(listed.body.items.find((r: { id: string }) => r.id === resourceId)?.canBook).toBe(true);
      const listedOther = await t.http.get('/api/resources').query({ q: 'DC ops test bench' }).set(bearer(member));
      expect(listedOther.body.items.find((r: { id: string }) => r.id === resourceId)?.canBook).toBe(false);

      expect((await h.book(jonas, { resourceId, start: iso(base), end: iso(base + H) })).status).toBe(201);
      const denied = await h.book(member, { resourceId, start: iso(base + H), end: iso(base + 2 * H) });
      expect(denied.status).toBe(403);
      expect(denied.body.code).toBe('FORBIDDEN');
      const waitlist = await t.http
        .post('/api/waitlist')
        .set(bearer(member))
        .send({ resourceId, start: iso(base), end: iso(base + H), purpose: 'Please' });
      expect(waitlist.status).toBe(403);
    });

    it('cluster staff and the owner organisation admins may book as for project-only resources; other org admins may not', async () => {
      expect((await h.book(coordinator, { resourceId, start: iso(base + 2 * H), end: iso(base + 3 * H) })).status).toBe(201);
      expect((await h.book(admin, { resourceId, start: iso(base + 3 * H), end: iso(base + 4 * H) })).status).toBe(201);
      expect((await h.book(orgadmin, { resourceId, start: iso(base + 4 * H), end: iso(base + 5 * H) })).status).toBe(403);
    });

    it('joining the group opens the resource; leaving closes it again', async () => {
      const group = await t.http.post('/api/groups').set(bearer(coordinator)).send({ name: 'Rack users circle', visibility: 'open' });
      expect(group.status).toBe(201);
      const openGroupId = (group.body.group ?? group.body).id as string;
      const rack = await h.createResource({
        name: 'Circle rack',
        type: 'rack',
        policy: { access: { mode: 'group', groupId: openGroupId } },
      });
      expect((await h.book(orgadmin, { resourceId: rack.id, start: iso(base), end: iso(base + H) })).status).toBe(403);
      expect((await t.http.post(`/api/groups/${openGroupId}/join`).set(bearer(orgadmin)).send({})).status).toBeLessThan(300);
      expect((await h.book(orgadmin, { resourceId: rack.id, start: iso(base), end: iso(base + H) })).status).toBe(201);
      expect((await t.http.post(`/api/groups/${openGroupId}/leave`).set(bearer(orgadmin)).send({})).status).toBeLessThan(300);
      expect((await h.book(orgadmin, { resourceId: rack.id, start: iso(base + H), end: iso(base + 2 * H) })).status).toBe(403);
    });

    it('the group must exist and be named: 400 VALIDATION_FAILED on policy.access.groupId', async () => {
      const unknown = await t.http
        .post('/api/resources')
        .set(bearer(coordinator))
        .send({
          name: 'Ghost bench',
          type: 'lab',
          timeZone: 'Europe/Vilnius',
          organisationId: infobaltId,
          policy: { access: { mode: 'group', groupId: '0123456789abcdef01234567' } },
        });
      expect(unknown.status).toBe(400);
      expect(unknown.body).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [{ field: 'policy.access.groupId' }] } });
      const missing = await t.http
        .patch(`/api/resources/${resourceId}`)
        .set(bearer(coordinator))
        .send({ policy: { access: { mode: 'group' } } });
      expect(missing.status).toBe(400);
      expect(missing.body.details.fields[0].field).toBe('policy.access.groupId');
      const bad = await t.http
        .patch(`/api/resources/${resourceId}`)
        .set(bearer(coordinator))
        .send({ policy: { access: { mode: 'group', groupId: 'nope' } } });
      expect(bad.status).toBe(400);
      // Switching the access away from the group drops it.
      const open = await t.http
        .patch(`/api/resources/${resourceId}`)
        .set(bearer(coordinator))
        .send({ policy: { access: { mode: 'all' } } });
      expect(open.body.resource.policy.access).toMatchObject({ mode: 'all', groupId: null });
      expect((await h.book(member, { resourceId, start: iso(base + 7 * H), end: iso(base + 8 * H) })).status).toBe(201);
    });
  });

  describe('bookings linked to a card', () => {
    let projectId: string;
    let cardId: string;
    let otherCardId: string;
    let resourceId: string;

    beforeAll(async () => {
      const project = (await t.http.post('/api/projects').set(bearer(member)).send({ name: 'UK market study GPU runs' })).body.project;
      projectId = project.id;
      const board = (await t.http.get(`/api/projects/${projectId}/board`).set(bearer(member))).body;
      cardId = (
        await t.http.post('/api/cards').set(bearer(member)).send({ projectId, columnId: board.columns[0].id, title: 'Benchmark the model' })
      ).body.card.id;
      const other = (await t.http.post('/api/projects').set(bearer(member2)).send({ name: 'Data House internal' })).body.project;
      const otherBoard = (await t.http.get(`/api/projects/${other.id}/board`).set(bearer(member2))).body;
      otherCardId = (
        await t.http
          .post('/api/cards')
          .set(bearer(member2))
          .send({ projectId: other.id, columnId: otherBoard.columns[0].id, title: 'Elsewhere' })
      ).body.card.id;
      // member2 joins the first project as an observer, member as a member of the second.
      expect(
        (
          await t.http
            .post(`/api/projects/${projectId}/members`)
            .set(bearer(member))
            .send({ userId: await userId(member2), role: 'observer' })
        ).status,
      ).toBeLessThan(300);
      expect(
        (
          await t.http
            .post(`/api/projects/${other.id}/members`)
            .set(bearer(member2))
            .send({ userId: await userId(member), role: 'member' })
        ).status,
      ).toBeLessThan(300);
      resourceId = (
        await h.createResource({
          name: 'Card GPU pool',
          type: 'gpu_pool',
          capacity: 4,
          policy: { approval: { required: true, approvers: 'coordinator' } },
        })
      ).id;
    });

    it('a booking made for a card is on the card (bookingIds) and listed for it with its status, cancelled ones too', async () => {
      const one = await h.book(member, { resourceId, start: iso(base), end: iso(base + 2 * H), units: 2, cardId });
      expect(one.status).toBe(201);
      expect(one.body.booking).toMatchObject({ projectId, cardId, status: 'pending', units: 2 });
      const series = await h.book(member, {
        resourceId,
        start: iso(base + 24 * H),
        end: iso(base + 25 * H),
        projectId,
        cardId,
        recurrence: { frequency: 'daily', count: 2 },
      });
      expect(series.status).toBe(201);
      const ids = [one.body.booking.id, ...series.body.bookings.map((b: { id: string }) => b.id)];

      const card = (await t.http.get(`/api/projects/${projectId}/board`).set(bearer(member))).body.columns
        .flatMap((c: { cards: { id: string }[] }) => c.cards)
        .find((c: { id: string }) => c.id === cardId);
      expect([...card.bookingIds].sort()).toEqual([...ids].sort());

      expect((await t.http.post(`/api/bookings/${ids[1]}/cancel`).set(bearer(member)).send({ scope: 'one' })).status).toBe(200);
      expect((await t.http.post(`/api/bookings/${ids[0]}/reject`).set(bearer(coordinator)).send({ note: 'Not this week' })).status).toBe(
        200,
      );
      const listed = await t.http.get(`/api/bookings/card/${cardId}`).set(bearer(member2)); // an observer reads
      expect(listed.status).toBe(200);
      expect(listed.body.items.map((b: { id: string; status: string; resourceName: string }) => [b.id, b.status, b.resourceName])).toEqual([
        [ids[0], 'rejected', 'Card GPU pool'],
        [ids[1], 'cancelled', 'Card GPU pool'],
        [ids[2], 'pending', 'Card GPU pool'],
      ]);
      // Paged by cursor.
      const page1 = await t.http.get(`/api/bookings/card/${cardId}`).query({ limit: 2 }).set(bearer(member));
      expect(page1.body.items).toHaveLength(2);
      const page2 = await t.http.get(`/api/bookings/card/${cardId}`).query({ limit: 2, cursor: page1.body.nextCursor }).set(bearer(member));
      expect(page2.body).toMatchObject({ items: [{ id: ids[2] }], nextCursor: null });
    });

    it('a card of another project is refused; observers may not link; outsiders get 404 for the card and its bookings', async () => {
      const cross = await h.book(member, { resourceId, start: iso(base + 3 * H), end: iso(base + 4 * H), projectId, cardId: otherCardId });
      expect(cross.status).toBe(400);
      expect(cross.body.details.fields[0].field).toBe('cardId');
      const observer = await h.book(member2, { resourceId, start: iso(base + 3 * H), end: iso(base + 4 * H), cardId });
      expect(observer.status).toBe(403);
      const outsider = await h.book(jonas, { resourceId, start: iso(base + 3 * H), end: iso(base + 4 * H), cardId });
      expect(outsider.status).toBe(404);
      expect((await t.http.get(`/api/bookings/card/${cardId}`).set(bearer(jonas))).status).toBe(404);
      expect((await t.http.get('/api/bookings/card/0123456789abcdef01234567').set(bearer(member))).status).toBe(404);
      expect((await t.http.get('/api/bookings/card/not-an-id').set(bearer(member))).status).toBe(400);
      // Nothing of the refused requests reached the cards.
      const board = (await t.http.get(`/api/projects/${projectId}/board`).set(bearer(member))).body;
      const card = board.columns
        .flatMap((c: { cards: { id: string; bookingIds: string[] }[] }) => c.cards)
        .find((c: { id: string }) => c.id === cardId);
      expect(card.bookingIds).toHaveLength(3);
      const listed = await t.http.get(`/api/bookings/card/${otherCardId}`).set(bearer(member));
      expect(listed.body.items).toEqual([]);
    });
  });
});
