import { bookingHelpers, H, iso, mondayUtc } from './support/bookings';
import { bearer, createTestApp, login, TestApp } from './support/test-app';

describe('bookings: approvals and permissions', () => {
  let t: TestApp;
  let admin: string;
  let coordinator: string;
  let member: string; // Etronika
  let member2: string; // Data House
  let orgadmin2: string; // Data House admin
  let jonas: string; // Duomenų centras
  let salim: string; // Oman partner
  let infobaltId: string;
  let datahouseId: string;
  let h: ReturnType<typeof bookingHelpers>;
  const base = mondayUtc(3) + 8 * H;

  beforeAll(async () => {
    t = await createTestApp();
    [admin, coordinator, member, member2, orgadmin2, jonas, salim] = await Promise.all(
      ['admin', 'coordinator', 'member', 'member2', 'orgadmin2', 'jonas', 'salim'].map(
        async (n) => (await login(t, `${n}@klasteris.demo`)).accessToken,
      ),
    );
    infobaltId = (await t.http.get('/api/organisations?q=infobalt')).body.items[0].id;
    datahouseId = (await t.http.get('/api/organisations?q=data%20house')).body.items[0].id;
    h = bookingHelpers(t, () => ({ token: coordinator, organisationId: infobaltId }));
  });
  afterAll(() => t.close());

  it('requests needing approval are pending and hold their time: two overlapping requests can never both be pending', async () => {
    const r = await h.createResource({ name: 'Approval room', policy: { approval: { required: true, approvers: 'coordinator' } } });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        h.book(i % 2 ? member : member2, { resourceId: r.id, start: iso(base), end: iso(base + 2 * H) }),
      ),
    );
    const won = results.filter((x) => x.status === 201);
    expect(won).toHaveLength(1);
    expect(results.filter((x) => x.status === 409)).toHaveLength(19);
    const pending = won[0]!.body.booking;
    expect(pending.status).toBe('pending');

    // Approvers see it in their queue and get a notification; the requester's colleagues do not approve.
    const queue = await t.http.get('/api/bookings/approvals').set(bearer(coordinator));
    expect(queue.body.items.map((b: { id: string }) => b.id)).toContain(pending.id);
    expect((await t.http.get('/api/bookings/approvals').set(bearer(member))).body.items).toEqual([]);
    const notes = await t.http.get('/api/notifications').set(bearer(coordinator));
    expect(
      notes.body.items.some((n: { kind: string; link: string }) => n.kind === 'booking.requested' && n.link.endsWith(pending.id)),
    ).toBe(true);

    // Ten approvals at once by two approvers: exactly one wins.
    const approvals = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        t.http
          .post(`/api/bookings/${pending.id}/approve`)
          .set(bearer(i % 2 ? admin : coordinator))
          .send({}),
      ),
    );
    expect(approvals.filter((a) => a.status === 200)).toHaveLength(1);
    expect(approvals.filter((a) => a.status === 409).every((a) => a.body.code === 'BOOKING_STATE_CONFLICT')).toBe(true);
    expect(approvals.filter((a) => a.status === 409)).toHaveLength(9);
    const requester = pending.userId;
    const requesterToken = requester === (await t.http.get('/api/auth/me').set(bearer(member))).body.user.id ? member : member2;
    const mine = await t.http.get(`/api/bookings/${pending.id}`).set(bearer(requesterToken));
    expect(mine.body.booking).toMatchObject({ status: 'confirmed', approvals: [expect.objectContaining({ step: 0 })] });
    const requesterNotes = await t.http.get('/api/notifications').set(bearer(requesterToken));
    expect(requesterNotes.body.items[0]).toMatchObject({ kind: 'booking.approved' });
  });

  it('approve racing reject: exactly one decision; a rejection frees the time', async () => {
    const r = await h.createResource({ name: 'Race room', policy: { approval: { required: true, approvers: 'owner_or_coordinator' } } });
    const req = await h.book(member, { resourceId: r.id, start: iso(base), end: iso(base + H) });
    const [a, b] = await Promise.all([
      t.http.post(`/api/bookings/${req.body.booking.id}/approve`).set(bearer(coordinator)).send({}),
      t.http.post(`/api/bookings/${req.body.booking.id}/reject`).set(bearer(admin)).send({ note: 'Room reserved for the board' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const final = (await t.http.get(`/api/bookings/${req.body.booking.id}`).set(bearer(member))).body.booking;
    const next = await h.book(member2, { resourceId: r.id, start: iso(base), end: iso(base + H) });
    if (final.status === 'rejected') expect(next.status).toBe(201);
    else expect(next.status).toBe(409);
  });

  it('two-step approval: the owner organisation first, then a coordinator', async () => {
    const r = await h.createResource(
      {
        name: 'Data House rack R9',
        type: 'rack',
        organisationId: datahouseId,
        policy: { approval: { required: true, approvers: 'owner_then_coordinator' } },
      },
      orgadmin2,
    );
    const req = (await h.book(member, { resourceId: r.id, start: iso(base), end: iso(base + H) })).body.booking;
    expect((await t.http.post(`/api/bookings/${req.id}/approve`).set(bearer(coordinator)).send({})).status).toBe(403);
    const first = await t.http.post(`/api/bookings/${req.id}/approve`).set(bearer(orgadmin2)).send({});
    expect(first.status).toBe(200);
    expect(first.body.booking).toMatchObject({
      status: 'pending',
      approvals: [expect.objectContaining({ step: 0, byName: 'Asta Paulauskienė' })],
    });
    expect((await t.http.post(`/api/bookings/${req.id}/approve`).set(bearer(orgadmin2)).send({})).status).toBe(403);
    const second = await t.http.post(`/api/bookings/${req.id}/approve`).set(bearer(coordinator)).send({ note: 'Fine' });
    expect(second.body.booking).toMatchObject({ status: 'confirmed', decisionNote: 'Fine' });
  });

  it('a step that keeps the booking pending is still won once: six approvals of the first step at once, one approval recorded', async () => {
    const r = await h.createResource(
      {
        name: 'Data House rack R10',
        type: 'rack',
        organisationId: datahouseId,
        policy: { approval: { required: true, approvers: 'owner_then_coordinator' } },
      },
      orgadmin2,
    );
    const req = (await h.book(member, { resourceId: r.id, start: iso(base), end: iso(base + H) })).body.booking;
    const firsts = await Promise.all(
      Array.from({ length: 6 }, () => t.http.post(`/api/bookings/${req.id}/approve`).set(bearer(orgadmin2)).send({})),
    );
    expect(firsts.filter((a) => a.status === 200)).toHaveLength(1);
    // the others lost the race (409), or came after it and found the coordinator's step (403)
    expect(firsts.filter((a) => a.status !== 200).every((a) => a.status === 409 || a.status === 403)).toBe(true);
    const after = (await t.http.get(`/api/bookings/${req.id}`).set(bearer(member))).body.booking;
    expect(after).toMatchObject({ status: 'pending', approvals: [expect.objectContaining({ step: 0 })] });
    expect(after.approvals).toHaveLength(1);
  });

  describe('every permission rule', () => {
    it('a member of a non-allowed organisation cannot book (403) and nothing is held', async () => {
      const r = await h.createResource(
        { name: 'Data House only', organisationId: datahouseId, policy: { access: { mode: 'organisations', organisationIds: [] } } },
        orgadmin2,
      );
      const res = await h.book(member, { resourceId: r.id, start: iso(base), end: iso(base + H) });
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('FORBIDDEN');
      const list = await t.http.get('/api/resources').query({ q: 'Data House only' }).set(bearer(member));
      expect(list.body.items[0]).toMatchObject({ canBook: false, canManage: false });
      expect((await h.book(member2, { resourceId: r.id, start: iso(base), end: iso(base + H) })).status).toBe(201);
      const listed = await h.createResource({
        name: 'Listed orgs',
        policy: { access: { mode: 'organisations', organisationIds: [datahouseId] } },
      });
      expect((await h.book(member2, { resourceId: listed.id, start: iso(base), end: iso(base + H) })).status).toBe(201);
      expect((await h.book(salim, { resourceId: listed.id, start: iso(base + H), end: iso(base + 2 * H) })).status).toBe(403);
    });

    it('only coordinators, admins and the owning organisation admins create or change resources', async () => {
      const body = { name: 'Nope', type: 'lab', timeZone: 'Europe/Vilnius', organisationId: infobaltId };
      expect((await t.http.post('/api/resources').set(bearer(member)).send(body)).status).toBe(403);
      expect((await t.http.post('/api/resources').set(bearer(orgadmin2)).send(body)).status).toBe(403);
      expect(
        (
          await t.http
            .post('/api/resources')
            .set(bearer(orgadmin2))
            .send({ ...body, organisationId: datahouseId })
        ).status,
      ).toBe(201);
      expect(
        (
          await t.http
            .post('/api/resources')
            .set(bearer(coordinator))
            .send({ ...body, timeZone: 'Mars/Olympus' })
        ).body.code,
      ).toBe('VALIDATION_FAILED');
      expect((await t.http.post('/api/resources').send(body)).status).toBe(401);
      const r = await h.createResource({ name: 'Changeable', capacity: 2 });
      expect((await t.http.patch(`/api/resources/${r.id}`).set(bearer(orgadmin2)).send({ name: 'Mine now' })).status).toBe(403);
      expect((await t.http.patch(`/api/resources/${r.id}`).set(bearer(coordinator)).send({ capacity: 1 })).status).toBe(409);
      const grown = await t.http
        .patch(`/api/resources/${r.id}`)
        .set(bearer(coordinator))
        .send({ capacity: 3, policy: { maxDurationMinutes: 120 } });
      expect(grown.body.resource).toMatchObject({ capacity: 3, policy: { maxDurationMinutes: 120, slotMinutes: 60 } });
    });

    it('a non-approver cannot approve or reject; others cannot see or cancel a booking; managers can cancel with a reason', async () => {
      const r = await h.createResource({
        name: 'Guarded lab',
        type: 'lab',
        policy: { approval: { required: true, approvers: 'coordinator' } },
      });
      const req = (await h.book(member, { resourceId: r.id, start: iso(base), end: iso(base + H) })).body.booking;
      expect((await t.http.post(`/api/bookings/${req.id}/approve`).set(bearer(member)).send({})).status).toBe(403); // own request
      expect((await t.http.post(`/api/bookings/${req.id}/approve`).set(bearer(jonas)).send({})).status).toBe(404);
      expect((await t.http.post(`/api/bookings/${req.id}/reject`).set(bearer(orgadmin2)).send({})).status).toBe(404);
      expect((await t.http.get(`/api/bookings/${req.id}`).set(bearer(member2))).status).toBe(404);
      expect((await t.http.post(`/api/bookings/${req.id}/cancel`).set(bearer(member2)).send({})).status).toBe(404);
      const cancelled = await t.http
        .post(`/api/bookings/${req.id}/cancel`)
        .set(bearer(coordinator))
        .send({ reason: 'Lab closed for audit' });
      expect(cancelled.status).toBe(200);
      expect(cancelled.body).toMatchObject({ cancelled: 1, booking: { status: 'cancelled', decisionNote: 'Lab closed for audit' } });
      expect((await t.http.get('/api/notifications').set(bearer(member))).body.items[0]).toMatchObject({ kind: 'booking.cancelled' });
      expect((await t.http.post(`/api/bookings/${req.id}/cancel`).set(bearer(member)).send({})).body.code).toBe('BOOKING_STATE_CONFLICT');
      expect((await h.book(member2, { resourceId: r.id, start: iso(base), end: iso(base + H) })).status).toBe(201);
    });
  });

  it('project-only resources and bookings linked to a project and its card', async () => {
    const project = (await t.http.post('/api/projects').set(bearer(member)).send({ name: 'Fraud detection pilot' })).body.project;
    const board = (await t.http.get(`/api/projects/${project.id}/board`).set(bearer(member))).body;
    const card = (
      await t.http
        .post('/api/cards')
        .set(bearer(member))
        .send({ projectId: project.id, columnId: board.columns[0].id, title: 'Train the model' })
    ).body.card;
    const r = await h.createResource({
      name: 'Pilot GPU',
      type: 'gpu_pool',
      capacity: 2,
      policy: { access: { mode: 'project', projectId: project.id } },
    });
    expect((await t.http.get(`/api/resources/${r.id}`).set(bearer(member))).body.resource.canBook).toBe(true);
    expect((await t.http.get(`/api/resources/${r.id}`).set(bearer(member2))).body.resource.canBook).toBe(false);
    expect((await h.book(member2, { resourceId: r.id, start: iso(base), end: iso(base + H) })).status).toBe(403);

    const linked = await h.book(member, { resourceId: r.id, start: iso(base), end: iso(base + H), cardId: card.id });
    expect(linked.status).toBe(201);
    expect(linked.body.booking).toMatchObject({ projectId: project.id, cardId: card.id });
    const onBoard = await t.http.get(`/api/bookings/project/${project.id}`).set(bearer(member));
    expect(onBoard.body.items.map((b: { id: string }) => b.id)).toEqual([linked.body.booking.id]);
    expect((await t.http.get(`/api/bookings/project/${project.id}`).set(bearer(member2))).status).toBe(404);
    // Linking to someone else's project is refused without revealing it.
    const open = await h.createResource({ name: 'Open GPU', type: 'gpu_pool' });
    expect((await h.book(member2, { resourceId: open.id, start: iso(base), end: iso(base + H), projectId: project.id })).status).toBe(404);
    expect((await h.book(member2, { resourceId: open.id, start: iso(base), end: iso(base + H), cardId: card.id })).status).toBe(404);
    expect(await h.createResource({ name: 'Ghost', policy: { access: { mode: 'project' } } }).catch((e: Error) => e.message)).toContain(
      '400',
    );
  });

  it('recurring bookings: every occurrence checked, "none" books nothing on a clash, "skip" books the rest; cancel from one on', async () => {
    const r = await h.createResource({ name: 'Weekly room', policy: { maxAdvanceDays: 120 } });
    expect((await h.book(member2, { resourceId: r.id, start: iso(base + 14 * 24 * H), end: iso(base + 14 * 24 * H + H) })).status).toBe(
      201,
    );
    const series = { resourceId: r.id, start: iso(base), end: iso(base + H), recurrence: { frequency: 'weekly', count: 4 } };
    const none = await h.book(member, series);
    expect(none.status).toBe(409);
    expect(none.body.details.occurrences).toEqual([expect.objectContaining({ start: iso(base + 14 * 24 * H), code: 'BOOKING_CONFLICT' })]);
    expect(
      (await t.http.get('/api/bookings/mine').query({ status: 'confirmed' }).set(bearer(member))).body.items.filter(
        (b: { resourceId: string }) => b.resourceId === r.id,
      ),
    ).toEqual([]);
    const skip = await h.book(member, { ...series, onConflict: 'skip' });
    expect(skip.status).toBe(201);
    expect(skip.body.bookings).toHaveLength(3);
    expect(skip.body.skipped).toHaveLength(1);
    const second = skip.body.bookings[1];
    const cut = await t.http.post(`/api/bookings/${second.id}/cancel`).set(bearer(member)).send({ scope: 'following' });
    expect(cut.body.cancelled).toBe(2);
    const left = (await t.http.get('/api/bookings/mine').query({ status: 'confirmed' }).set(bearer(member))).body.items.filter(
      (b: { resourceId: string }) => b.resourceId === r.id,
    );
    expect(left.map((b: { start: string }) => b.start)).toEqual([iso(base)]);
  });
});
