import type { MyChannel, MyGroup, Notification } from '@klasteris/contracts';
import { bearer, createTestApp, login, newMember, TestApp } from './support/test-app';
import { collect, eventually, SocketPool } from './support/sockets';

type Person = Awaited<ReturnType<typeof newMember>>;

describe('working groups: creation, joining, requests, invitations, bans', () => {
  let t: TestApp;
  const pool = new SocketPool(() => t.url);
  let staff: string;
  let coordA: Person;
  let coordB: Person;
  let m1: Person;
  let m2: Person;
  let open: MyGroup;
  let onRequest: MyGroup;
  let inviteOnly: MyGroup;

  const create = async (name: string, visibility: string, coordinatorIds: string[]): Promise<MyGroup> => {
    const res = await t.http
      .post('/api/groups')
      .set(bearer(staff))
      .send({ name, visibility, description: `${name} group`, tags: ['cloud'], coordinatorIds });
    expect(res.status).toBe(201);
    return res.body.group as MyGroup;
  };
  const myChannels = async (p: Person): Promise<string[]> => {
    const res = await t.http.get('/api/channels').set(bearer(p.accessToken));
    expect(res.status).toBe(200);
    const items = (Array.isArray(res.body) ? res.body : res.body.items) as MyChannel[];
    return items.map((c) => c.id);
  };

  beforeAll(async () => {
    t = await createTestApp();
    staff = (await login(t, 'coordinator@klasteris.demo')).accessToken;
    [coordA, coordB, m1, m2] = [await newMember(t), await newMember(t), await newMember(t), await newMember(t)];
    open = await create('Test cloud computing UK DE FR', 'open', [coordA.user.id]);
    onRequest = await create('Test Gulf market entry', 'request', [coordA.user.id]);
    inviteOnly = await create('Test shared operations', 'invite', [coordA.user.id]);
    await create('Other group', 'open', [coordB.user.id]);
  });
  afterEach(() => pool.closeAll());
  afterAll(() => t.close());

  it('demo groups are seeded with coordinators, pending join requests and reports', async () => {
    const all = await t.http.get('/api/groups?limit=100').set(bearer(m1.accessToken));
    const names = all.body.items.map((g: MyGroup) => g.name);
    expect(names).toEqual(
      expect.arrayContaining(['Cloud computing — UK, DE, FR markets', 'Middle East market entry', 'Shared data-centre operations']),
    );
    const middle = all.body.items.find((g: MyGroup) => g.name === 'Middle East market entry') as MyGroup;
    const cloud = all.body.items.find((g: MyGroup) => g.name === 'Cloud computing — UK, DE, FR markets') as MyGroup;
    const salim = (await login(t, 'salim@klasteris.demo')).accessToken;
    expect((await t.http.get(`/api/groups/${middle.id}/requests?status=pending`).set(bearer(salim))).body.items).toHaveLength(2);
    const jonas = (await login(t, 'jonas@klasteris.demo')).accessToken;
    const reports = await t.http.get(`/api/groups/${cloud.id}/reports?status=open`).set(bearer(jonas));
    expect(reports.body.items.length).toBeGreaterThanOrEqual(2);
    expect(reports.body.items.map((r: { reporterId: string | null }) => r.reporterId)).toContain(null);
  });

  it('creating a group creates its general and announcements channels; only cluster staff create groups', async () => {
    expect(open.slug).toBe('test-cloud-computing-uk-de-fr');
    const general = await t.http.get(`/api/channels/${open.channelIds.general}`).set(bearer(staff));
    expect(general.body.channel ?? general.body).toMatchObject({ name: 'test-cloud-computing-uk-de-fr-general', groupId: open.id });
    const ann = await t.http.get(`/api/channels/${open.channelIds.announcements}`).set(bearer(staff));
    expect(ann.body.channel ?? ann.body).toMatchObject({
      name: 'test-cloud-computing-uk-de-fr-announcements',
      type: 'announcement',
      groupId: open.id,
    });
    expect(await myChannels(coordA)).toEqual(expect.arrayContaining([open.channelIds.general, open.channelIds.announcements]));
    const denied = await t.http.post('/api/groups').set(bearer(m1.accessToken)).send({ name: 'Mine', visibility: 'open' });
    expect(denied.status).toBe(403);
    const dup = await t.http.post('/api/groups').set(bearer(staff)).send({ name: 'Test cloud computing UK DE FR', visibility: 'open' });
    expect(dup.status).toBe(409);
    const bad = await t.http.post('/api/groups').set(bearer(staff)).send({ name: 'X y z', visibility: 'secret' });
    expect(bad.status).toBe(400);
  });

  it('the directory searches by name and tag and shows my role; the group page lists coordinators and members with organisations', async () => {
    const res = await t.http.get('/api/groups?q=gulf').set(bearer(m1.accessToken));
    expect(res.status).toBe(200);
    expect(res.body.items.map((g: MyGroup) => g.id)).toEqual([onRequest.id]);
    const page = await t.http.get(`/api/groups/${open.id}`).set(bearer(coordA.accessToken));
    expect(page.body.group).toMatchObject({ myRole: 'coordinator', canModerate: true });
    expect(page.body.coordinators.map((c: { userId: string }) => c.userId)).toEqual([coordA.user.id]);
    const members = await t.http.get(`/api/groups/${open.id}/members`).set(bearer(m1.accessToken));
    expect(members.body.items).toEqual([expect.objectContaining({ userId: coordA.user.id, role: 'coordinator', organisationName: null })]);
  });

  it('open groups: join at once (channels follow), leave (channels follow)', async () => {
    const res = await t.http.post(`/api/groups/${open.id}/join`).set(bearer(m1.accessToken)).send({});
    expect(res.status).toBe(200);
    expect(res.body.group).toMatchObject({ myRole: 'member', memberCount: 2 });
    expect(await myChannels(m1)).toEqual(expect.arrayContaining([open.channelIds.general, open.channelIds.announcements]));
    expect((await t.http.post(`/api/groups/${open.id}/leave`).set(bearer(m1.accessToken))).status).toBe(204);
    const mine = await myChannels(m1);
    expect(mine).not.toContain(open.channelIds.general);
    expect(mine).not.toContain(open.channelIds.announcements);
    expect((await t.http.post(`/api/groups/${open.id}/leave`).set(bearer(m1.accessToken))).status).toBe(404);
  });

  it('on request: one pending request, only the group coordinators decide, the requester hears the decision live', async () => {
    const s = await pool.connect(m2.accessToken);
    const got = collect<{ notification: Notification }>(s, 'notification:new');
    const req = await t.http.post(`/api/groups/${onRequest.id}/join`).set(bearer(m2.accessToken)).send({ message: 'We export to Oman' });
    expect(req.status).toBe(200);
    expect(req.body.group).toMatchObject({ myRole: null, requested: true });
    const again = await t.http.post(`/api/groups/${onRequest.id}/join`).set(bearer(m2.accessToken)).send({});
    expect(again.body.code).toBe('ALREADY_REQUESTED');

    expect((await t.http.get(`/api/groups/${onRequest.id}/requests`).set(bearer(coordB.accessToken))).status).toBe(403);
    expect((await t.http.get(`/api/groups/${onRequest.id}/requests`).set(bearer(m1.accessToken))).status).toBe(403);
    const queue = await t.http.get(`/api/groups/${onRequest.id}/requests?status=pending`).set(bearer(coordA.accessToken));
    expect(queue.body.items).toEqual([expect.objectContaining({ userId: m2.user.id, message: 'We export to Oman', status: 'pending' })]);
    const id = queue.body.items[0].id as string;
    expect(
      (await t.http.post(`/api/groups/${onRequest.id}/requests/${id}/decision`).set(bearer(coordB.accessToken)).send({ approve: true }))
        .status,
    ).toBe(403);
    expect(
      (await t.http.post(`/api/groups/${onRequest.id}/requests/${id}/decision`).set(bearer(m2.accessToken)).send({ approve: true })).status,
    ).toBe(403);

    const no = await t.http
      .post(`/api/groups/${onRequest.id}/requests/${id}/decision`)
      .set(bearer(coordA.accessToken))
      .send({ approve: false, reason: 'Only exporters with a partner in the region' });
    expect(no.status).toBe(204);
    const twice = await t.http
      .post(`/api/groups/${onRequest.id}/requests/${id}/decision`)
      .set(bearer(coordA.accessToken))
      .send({ approve: true });
    expect(twice.body.code).toBe('REQUEST_ALREADY_DECIDED');
    await eventually(() =>
      expect(got.map((g) => g.notification)).toEqual([
        expect.objectContaining({ kind: 'group.request_decided', body: 'Only exporters with a partner in the region' }),
      ]),
    );
    expect(await myChannels(m2)).not.toContain(onRequest.channelIds.general);

    // asks again, approved this time
    await t.http.post(`/api/groups/${onRequest.id}/join`).set(bearer(m2.accessToken)).send({});
    const q2 = await t.http.get(`/api/groups/${onRequest.id}/requests?status=pending`).set(bearer(coordA.accessToken));
    expect(
      (
        await t.http
          .post(`/api/groups/${onRequest.id}/requests/${q2.body.items[0].id}/decision`)
          .set(bearer(coordA.accessToken))
          .send({ approve: true })
      ).status,
    ).toBe(204);
    expect(await myChannels(m2)).toContain(onRequest.channelIds.general);
  });

  it('invite only: joining needs an invitation from a coordinator of that group', async () => {
    const denied = await t.http.post(`/api/groups/${inviteOnly.id}/join`).set(bearer(m1.accessToken)).send({});
    expect(denied.status).toBe(403);
    expect(
      (await t.http.post(`/api/groups/${inviteOnly.id}/invitations`).set(bearer(coordB.accessToken)).send({ userId: m1.user.id })).status,
    ).toBe(403);
    expect(
      (await t.http.post(`/api/groups/${inviteOnly.id}/invitations`).set(bearer(coordA.accessToken)).send({ userId: m1.user.id })).status,
    ).toBe(204);
    const view = await t.http.get(`/api/groups/${inviteOnly.id}`).set(bearer(m1.accessToken));
    expect(view.body.group.invited).toBe(true);
    const joined = await t.http.post(`/api/groups/${inviteOnly.id}/join`).set(bearer(m1.accessToken)).send({});
    expect(joined.body.group.myRole).toBe('member');
  });

  it('a banned person is removed and cannot request again until unbanned; members and other coordinators cannot ban', async () => {
    expect(
      (await t.http.post(`/api/groups/${onRequest.id}/bans`).set(bearer(m1.accessToken)).send({ userId: m2.user.id, reason: 'x' })).status,
    ).toBe(403);
    expect(
      (await t.http.post(`/api/groups/${onRequest.id}/bans`).set(bearer(coordB.accessToken)).send({ userId: m2.user.id, reason: 'x' }))
        .status,
    ).toBe(403);
    expect(
      (await t.http.post(`/api/groups/${onRequest.id}/bans`).set(bearer(coordA.accessToken)).send({ userId: m2.user.id, reason: 'Spam' }))
        .status,
    ).toBe(204);
    expect(await myChannels(m2)).not.toContain(onRequest.channelIds.general);
    const again = await t.http.post(`/api/groups/${onRequest.id}/join`).set(bearer(m2.accessToken)).send({ message: 'please' });
    expect(again.status).toBe(403);
    expect(again.body.code).toBe('GROUP_BANNED');
    expect((await t.http.delete(`/api/groups/${onRequest.id}/bans/${m2.user.id}`).set(bearer(coordA.accessToken))).status).toBe(204);
    expect((await t.http.post(`/api/groups/${onRequest.id}/join`).set(bearer(m2.accessToken)).send({})).body.group.requested).toBe(true);
  });

  it('a group coordinator cannot remove another coordinator; only cluster staff appoint coordinators', async () => {
    expect((await t.http.put(`/api/groups/${open.id}/coordinators/${m1.user.id}`).set(bearer(coordA.accessToken))).status).toBe(403);
    expect((await t.http.put(`/api/groups/${open.id}/coordinators/${coordB.user.id}`).set(bearer(staff))).status).toBe(204);
    expect(
      (await t.http.post(`/api/groups/${open.id}/removals`).set(bearer(coordA.accessToken)).send({ userId: coordB.user.id, reason: 'x' }))
        .status,
    ).toBe(403);
    expect((await t.http.delete(`/api/groups/${open.id}/coordinators/${coordB.user.id}`).set(bearer(staff))).status).toBe(204);
    expect(
      (
        await t.http
          .post(`/api/groups/${open.id}/removals`)
          .set(bearer(coordA.accessToken))
          .send({ userId: coordB.user.id, reason: 'Left the company' })
      ).status,
    ).toBe(204);
  });

  it('announcements with acknowledgement: counts per person and per organisation; only the coordinators post and read the report', async () => {
    const etronika = await login(t, 'member@klasteris.demo');
    const dataHouse = await login(t, 'member2@klasteris.demo');
    for (const p of [etronika, dataHouse])
      expect((await t.http.post(`/api/groups/${open.id}/join`).set(bearer(p.accessToken)).send({})).status).toBe(200);
    const body = { body: 'Market study draft due Friday', requireAck: true, clientMsgId: 'announce-0001' };
    expect((await t.http.post(`/api/groups/${open.id}/announcements`).set(bearer(etronika.accessToken)).send(body)).status).toBe(403);
    expect((await t.http.post(`/api/groups/${open.id}/announcements`).set(bearer(coordB.accessToken)).send(body)).status).toBe(403);
    const res = await t.http.post(`/api/groups/${open.id}/announcements`).set(bearer(coordA.accessToken)).send(body);
    expect(res.status).toBe(201);
    const a = res.body.announcement as { id: string; messageId: string };
    const again = await t.http.post(`/api/groups/${open.id}/announcements`).set(bearer(coordA.accessToken)).send(body);
    expect(again.body.announcement.id).toBe(a.id);
    const inChannel = await t.http.get(`/api/channels/${open.channelIds.announcements}/messages`).set(bearer(etronika.accessToken));
    expect(inChannel.body.items.map((m: { id: string }) => m.id)).toContain(a.messageId);

    const ack = await t.http.post(`/api/groups/${open.id}/announcements/${a.id}/ack`).set(bearer(etronika.accessToken));
    expect(ack.status).toBe(201);
    expect(ack.body.announcement.myAckAt).not.toBeNull();
    await t.http.post(`/api/groups/${open.id}/announcements/${a.id}/ack`).set(bearer(etronika.accessToken));
    expect((await t.http.post(`/api/groups/${open.id}/announcements/${a.id}/ack`).set(bearer(m2.accessToken))).status).toBe(403);

    expect((await t.http.get(`/api/groups/${open.id}/announcements/${a.id}/acks`).set(bearer(etronika.accessToken))).status).toBe(403);
    const report = await t.http.get(`/api/groups/${open.id}/announcements/${a.id}/acks`).set(bearer(coordA.accessToken));
    expect(report.status).toBe(200);
    expect(report.body.acknowledged).toBe(1);
    expect(report.body.total).toBe(report.body.people.length);
    expect(report.body.people).toContainEqual(expect.objectContaining({ userId: dataHouse.user.id, acknowledgedAt: null }));
    expect(report.body.organisations).toContainEqual(
      expect.objectContaining({ organisationName: etronika.user.organisationName, acknowledged: 1, total: 1 }),
    );
    expect(report.body.organisations).toContainEqual(
      expect.objectContaining({ organisationName: dataHouse.user.organisationName, acknowledged: 0, total: 1 }),
    );
    const list = await t.http.get(`/api/groups/${open.id}/announcements`).set(bearer(etronika.accessToken));
    expect(list.body.items[0]).toMatchObject({ id: a.id, ackCount: 1, requireAck: true });
    expect(list.body.items[0].myAckAt).not.toBeNull();
  });

  it('a coordinator adds all members of an organisation at once; others cannot', async () => {
    const etronika = await login(t, 'member@klasteris.demo');
    const orgId = etronika.user.organisationId as string;
    expect(
      (await t.http.post(`/api/groups/${inviteOnly.id}/organisations`).set(bearer(coordB.accessToken)).send({ organisationId: orgId }))
        .status,
    ).toBe(403);
    expect(
      (await t.http.post(`/api/groups/${inviteOnly.id}/organisations`).set(bearer(etronika.accessToken)).send({ organisationId: orgId }))
        .status,
    ).toBe(403);
    const res = await t.http
      .post(`/api/groups/${inviteOnly.id}/organisations`)
      .set(bearer(coordA.accessToken))
      .send({ organisationId: orgId });
    expect(res.status).toBe(201);
    expect(res.body.added).toBeGreaterThanOrEqual(2); // member@ and orgadmin@ of Etronika
    expect((await t.http.get(`/api/groups/${inviteOnly.id}`).set(bearer(etronika.accessToken))).body.group.myRole).toBe('member');
    expect(await myChannels({ ...m1, accessToken: etronika.accessToken })).toContain(inviteOnly.channelIds.general);
  });

  it('F2: the channels and announcements of invite- and request-only groups are for their members; open groups and cluster announcement channels stay open', async () => {
    const outsider = await newMember(t);
    const insider = await newMember(t);
    expect(
      (await t.http.post(`/api/groups/${inviteOnly.id}/invitations`).set(bearer(coordA.accessToken)).send({ userId: insider.user.id }))
        .status,
    ).toBe(204);
    expect((await t.http.post(`/api/groups/${inviteOnly.id}/join`).set(bearer(insider.accessToken)).send({})).body.group.myRole).toBe(
      'member',
    );
    const closedGroup = await create('Test closed announcements', 'request', [coordA.user.id]);
    const posted = await t.http
      .post(`/api/groups/${inviteOnly.id}/announcements`)
      .set(bearer(coordA.accessToken))
      .send({ body: 'Members only: the rack plan', requireAck: true, clientMsgId: 'announce-f2-0001' });
    expect(posted.status).toBe(201);
    const a = posted.body.announcement as { id: string };

    // the outsider reads nothing of the invite-only and request-only groups' announcements
    for (const g of [inviteOnly, closedGroup]) {
      const list = await t.http.get(`/api/groups/${g.id}/announcements`).set(bearer(outsider.accessToken));
      expect(list.status).toBe(403);
      expect(list.body.code).toBe('FORBIDDEN');
      for (const path of [`/api/channels/${g.channelIds.announcements}`, `/api/channels/${g.channelIds.announcements}/messages`]) {
        expect((await t.http.get(path).set(bearer(outsider.accessToken))).status).toBe(404);
      }
      expect((await t.http.post(`/api/channels/${g.channelIds.announcements}/join`).set(bearer(outsider.accessToken))).status).toBe(404);
    }
    expect((await t.http.post(`/api/groups/${inviteOnly.id}/announcements/${a.id}/ack`).set(bearer(outsider.accessToken))).status).toBe(
      403,
    );
    const browse = await t.http.get('/api/channels/browse?q=announcements&limit=100').set(bearer(outsider.accessToken));
    expect(browse.body.items.map((c: { id: string }) => c.id)).not.toEqual(expect.arrayContaining([inviteOnly.channelIds.announcements]));
    expect(browse.body.items.map((c: { id: string }) => c.id)).toContain(open.channelIds.announcements);

    // ... and hears no new announcement live; a member does
    const outsiderSocket = await pool.connect(outsider.accessToken);
    const insiderSocket = await pool.connect(insider.accessToken);
    const outsiderGot = collect<{ message: { channelId: string } }>(outsiderSocket, 'message:new');
    const insiderGot = collect<{ message: { channelId: string; body: string } }>(insiderSocket, 'message:new');
    expect(
      (
        await t.http
          .post(`/api/groups/${inviteOnly.id}/announcements`)
          .set(bearer(coordA.accessToken))
          .send({ body: 'Second members-only note', requireAck: false, clientMsgId: 'announce-f2-0002' })
      ).status,
    ).toBe(201);
    await eventually(() => expect(insiderGot.map((g) => g.message.body)).toContain('Second members-only note'));
    expect(outsiderGot.filter((g) => g.message.channelId === inviteOnly.channelIds.announcements)).toEqual([]);

    // members read and acknowledge as before
    const mine = await t.http.get(`/api/groups/${inviteOnly.id}/announcements`).set(bearer(insider.accessToken));
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((x: { id: string }) => x.id)).toContain(a.id);
    expect(
      (await t.http.get(`/api/channels/${inviteOnly.channelIds.announcements}/messages`).set(bearer(insider.accessToken))).status,
    ).toBe(200);
    expect((await t.http.post(`/api/groups/${inviteOnly.id}/announcements/${a.id}/ack`).set(bearer(insider.accessToken))).status).toBe(201);
    expect((await t.http.get(`/api/groups/${inviteOnly.id}/announcements`).set(bearer(staff))).status).toBe(200);

    // open groups and cluster-wide announcement channels: readable and joinable by anyone signed in, as before
    expect((await t.http.get(`/api/groups/${open.id}/announcements`).set(bearer(outsider.accessToken))).status).toBe(200);
    expect((await t.http.get(`/api/channels/${open.channelIds.announcements}/messages`).set(bearer(outsider.accessToken))).status).toBe(
      200,
    );
    const cluster = await t.http.post('/api/channels').set(bearer(staff)).send({ name: 'test-f2-cluster-news', type: 'announcement' });
    expect(cluster.status).toBe(201);
    const clusterId = (cluster.body.channel ?? cluster.body).id as string;
    expect((await t.http.get(`/api/channels/${clusterId}/messages`).set(bearer(outsider.accessToken))).status).toBe(200);
    expect((await t.http.post(`/api/channels/${clusterId}/join`).set(bearer(outsider.accessToken))).status).toBe(200);

    // a group made invite-only later closes its channels too; opened again, they open
    const later = await create('Test later closed', 'open', [coordA.user.id]);
    expect((await t.http.patch(`/api/groups/${later.id}`).set(bearer(staff)).send({ visibility: 'invite' })).status).toBe(200);
    expect((await t.http.get(`/api/groups/${later.id}/announcements`).set(bearer(outsider.accessToken))).status).toBe(403);
    expect((await t.http.get(`/api/channels/${later.channelIds.announcements}`).set(bearer(outsider.accessToken))).status).toBe(404);
    expect((await t.http.patch(`/api/groups/${later.id}`).set(bearer(staff)).send({ visibility: 'open' })).status).toBe(200);
    expect((await t.http.get(`/api/channels/${later.channelIds.announcements}`).set(bearer(outsider.accessToken))).status).toBe(200);
  });
});
