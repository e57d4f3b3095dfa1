// The coordinators' cockpit on the API side (issue 13, item 1): editing and archiving groups,
// inviting whole organisations, listing and lifting bans, slow mode on any of a group's channels,
// and the reasons each of those actions leaves in the audit log.
import type { AuditEntry, GroupBan, GroupChannel, MyGroup, Organisation } from '@klasteris/contracts';
import { bearer, createTestApp, login, newMember, TestApp } from './support/test-app';

type Person = Awaited<ReturnType<typeof newMember>>;

describe('working groups from the coordinators cockpit', () => {
  let t: TestApp;
  let staff: string;
  let admin: string;
  let coord: Person;
  let other: Person;
  let outsider: Person;
  let group: MyGroup;
  let otherGroup: MyGroup;

  const create = async (name: string, visibility: string, coordinatorIds: string[]): Promise<MyGroup> => {
    const res = await t.http
      .post('/api/groups')
      .set(bearer(staff))
      .send({ name, visibility, description: `${name} group`, tags: ['cloud'], coordinatorIds });
    expect(res.status).toBe(201);
    return res.body.group as MyGroup;
  };
  const audit = async (groupId: string, action: string): Promise<AuditEntry[]> => {
    const res = await t.http.get(`/api/audit?groupId=${groupId}&action=${action}`).set(bearer(admin));
    expect(res.status).toBe(200);
    return res.body.items as AuditEntry[];
  };
  const expectError = (res: { status: number; body: { code?: string } }, status: number, code: string): void => {
    expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
  };

  beforeAll(async () => {
    t = await createTestApp();
    staff = (await login(t, 'coordinator@klasteris.demo')).accessToken;
    admin = (await login(t, 'admin@klasteris.demo')).accessToken;
    [coord, other, outsider] = [await newMember(t), await newMember(t), await newMember(t)];
    group = await create('Cockpit test group', 'invite', [coord.user.id]);
    otherGroup = await create('Cockpit other group', 'open', [other.user.id]);
  });
  afterAll(() => t.close());

  it('a coordinator edits name, description, tags and join policy with a reason; the address stays; others may not', async () => {
    const patch = {
      name: 'Cockpit test group — renamed',
      description: 'Joint cloud offers',
      tags: ['cloud', 'export'],
      visibility: 'request',
      reason: 'Opening up to requests',
    };
    const res = await t.http.patch(`/api/groups/${group.id}`).set(bearer(coord.accessToken)).send(patch);
    expect(res.status).toBe(200);
    expect(res.body.group).toMatchObject({
      name: patch.name,
      description: patch.description,
      tags: patch.tags,
      visibility: 'request',
      slug: group.slug,
      archived: false,
    });
    const [entry] = await audit(group.id, 'group.update');
    expect(entry).toMatchObject({
      reason: 'Opening up to requests',
      before: expect.objectContaining({ name: 'Cockpit test group', visibility: 'invite' }),
    });
    expect((await t.http.get('/api/groups?q=renamed').set(bearer(outsider.accessToken))).body.items.map((g: MyGroup) => g.id)).toEqual([
      group.id,
    ]);

    expectError(
      await t.http.patch(`/api/groups/${group.id}`).set(bearer(outsider.accessToken)).send({ description: 'x' }),
      403,
      'FORBIDDEN',
    );
    expectError(await t.http.patch(`/api/groups/${group.id}`).set(bearer(other.accessToken)).send({ description: 'x' }), 403, 'FORBIDDEN');
    expectError(await t.http.patch('/api/groups/000000000000000000000000').set(bearer(staff)).send({ description: 'x' }), 404, 'NOT_FOUND');
    for (const bad of [
      { name: 'ab' },
      { name: 'x'.repeat(121) },
      { visibility: 'secret' },
      { tags: ['ok', ''] },
      { reason: 'r'.repeat(1001) },
      { owner: 'me' },
    ]) {
      expectError(await t.http.patch(`/api/groups/${group.id}`).set(bearer(coord.accessToken)).send(bad), 400, 'VALIDATION_FAILED');
    }
    expect((await t.http.get(`/api/groups/${group.id}`).set(bearer(coord.accessToken))).body.group.name).toBe(patch.name);
    await t.http.patch(`/api/groups/${group.id}`).set(bearer(coord.accessToken)).send({ visibility: 'invite' });
  });

  it('invites a whole organisation: each person is invited and accepts by joining; members, invitees and banned people are skipped', async () => {
    const orgs = (await t.http.get('/api/organisations?q=informacine').set(bearer(staff))).body.items as Organisation[];
    const orgId = orgs[0]?.id as string;
    const [a, b, c] = [
      await newMember(t, { organisationId: orgId }),
      await newMember(t, { organisationId: orgId }),
      await newMember(t, { organisationId: orgId }),
    ];
    expect(
      (
        await t.http
          .post(`/api/groups/${group.id}/invitations`)
          .set(bearer(coord.accessToken))
          .send({ userId: a.user.id, reason: 'Knows the market' })
      ).status,
    ).toBe(204);
    expect(
      (
        await t.http
          .post(`/api/groups/${group.id}/bans`)
          .set(bearer(coord.accessToken))
          .send({ userId: c.user.id, reason: 'Spam in the general channel' })
      ).status,
    ).toBe(204);

    expectError(
      await t.http.post(`/api/groups/${group.id}/organisation-invitations`).set(bearer(other.accessToken)).send({ organisationId: orgId }),
      403,
      'FORBIDDEN',
    );
    expectError(
      await t.http.post(`/api/groups/${group.id}/organisation-invitations`).set(bearer(b.accessToken)).send({ organisationId: orgId }),
      403,
      'FORBIDDEN',
    );
    expectError(
      await t.http.post(`/api/groups/${group.id}/organisation-invitations`).set(bearer(coord.accessToken)).send({ organisationId: 'nope' }),
      400,
      'VALIDATION_FAILED',
    );
    expectError(
      await t.http.post(`/api/groups/${group.id}/organisation-invitations`).set(bearer(coord.accessToken)).send({}),
      400,
      'VALIDATION_FAILED',
    );
    expectError(
      await t.http
        .post(`/api/groups/${group.id}/organisation-invitations`)
        .set(bearer(coord.accessToken))
        .send({ organisationId: '000000000000000000000000' }),
      404,
      'NOT_FOUND',
    );

    const res = await t.http
      .post(`/api/groups/${group.id}/organisation-invitations`)
      .set(bearer(coord.accessToken))
      .send({ organisationId: orgId, reason: 'Document management expertise' });
    expect(res.status).toBe(200);
    expect(res.body.invited).toBeGreaterThanOrEqual(1); // b, and the demo people of Informacinė raida
    expect(res.body.skipped).toBeGreaterThanOrEqual(2); // a (already invited), c (banned)
    const [entry] = await audit(group.id, 'group.organisation.invite');
    expect(entry).toMatchObject({
      targetId: orgId,
      reason: 'Document management expertise',
      after: { invited: res.body.invited, skipped: res.body.skipped },
    });

    const seen = (await t.http.get(`/api/groups/${group.id}`).set(bearer(b.accessToken))).body.group as MyGroup;
    expect(seen).toMatchObject({ invited: true, myRole: null });
    const notes = (await t.http.get('/api/notifications').set(bearer(b.accessToken))).body.items as { kind: string; link: string }[];
    expect(notes).toContainEqual(expect.objectContaining({ kind: 'group.invited', link: `/groups/${group.id}` }));
    const joined = await t.http.post(`/api/groups/${group.id}/join`).set(bearer(b.accessToken)).send({});
    expect(joined.body.group.myRole).toBe('member');
    expect((await t.http.get(`/api/groups/${group.id}`).set(bearer(c.accessToken))).body.group.invited).toBe(false);
    expectError(await t.http.post(`/api/groups/${group.id}/join`).set(bearer(c.accessToken)).send({}), 403, 'GROUP_BANNED');

    const again = await t.http
      .post(`/api/groups/${group.id}/organisation-invitations`)
      .set(bearer(coord.accessToken))
      .send({ organisationId: orgId });
    expect(again.body.invited).toBe(0);
  });

  it('lists bans with who banned and why, and lifts one with a reason; only the group coordinators and staff', async () => {
    const banned = await newMember(t, { displayName: 'Banned Person' });
    expect(
      (
        await t.http
          .post(`/api/groups/${group.id}/bans`)
          .set(bearer(coord.accessToken))
          .send({ userId: banned.user.id, reason: 'Advertising' })
      ).status,
    ).toBe(204);
    expectError(await t.http.get(`/api/groups/${group.id}/bans`).set(bearer(other.accessToken)), 403, 'FORBIDDEN');
    expectError(await t.http.get(`/api/groups/${group.id}/bans`).set(bearer(banned.accessToken)), 403, 'FORBIDDEN');
    expectError(await t.http.get('/api/groups/000000000000000000000000/bans').set(bearer(staff)), 404, 'NOT_FOUND');
    const list = await t.http.get(`/api/groups/${group.id}/bans`).set(bearer(coord.accessToken));
    expect(list.status).toBe(200);
    expect(list.body.items[0]).toMatchObject<Partial<GroupBan>>({
      userId: banned.user.id,
      displayName: 'Banned Person',
      reason: 'Advertising',
      bannedBy: coord.user.id,
      bannedByName: coord.user.displayName,
    });
    expect((await t.http.get(`/api/groups/${group.id}/bans`).set(bearer(staff))).status).toBe(200);

    expectError(await t.http.delete(`/api/groups/${group.id}/bans/${banned.user.id}`).set(bearer(other.accessToken)), 403, 'FORBIDDEN');
    expectError(
      await t.http.delete(`/api/groups/${group.id}/bans/${banned.user.id}?reason=${'r'.repeat(1001)}`).set(bearer(coord.accessToken)),
      400,
      'VALIDATION_FAILED',
    );
    expectError(await t.http.delete(`/api/groups/${group.id}/bans/not-an-id`).set(bearer(coord.accessToken)), 400, 'VALIDATION_FAILED');
    expect(
      (
        await t.http
          .delete(`/api/groups/${group.id}/bans/${banned.user.id}?reason=${encodeURIComponent('Apologised')}`)
          .set(bearer(coord.accessToken))
      ).status,
    ).toBe(204);
    expectError(await t.http.delete(`/api/groups/${group.id}/bans/${banned.user.id}`).set(bearer(coord.accessToken)), 404, 'NOT_FOUND');
    expect(
      (await t.http.get(`/api/groups/${group.id}/bans`).set(bearer(coord.accessToken))).body.items.map((b: GroupBan) => b.userId),
    ).not.toContain(banned.user.id);
    const [entry] = await audit(group.id, 'group.unban');
    expect(entry).toMatchObject({ targetId: banned.user.id, reason: 'Apologised' });
  });

  it('lists the group channels with their slow mode and sets it on any of them with a reason', async () => {
    expectError(await t.http.get(`/api/groups/${group.id}/channels`).set(bearer(outsider.accessToken)), 403, 'FORBIDDEN');
    const before = await t.http.get(`/api/groups/${group.id}/channels`).set(bearer(coord.accessToken));
    expect(before.status).toBe(200);
    expect(before.body.items.map((c: GroupChannel) => [c.id, c.type, c.slowModeSeconds])).toEqual([
      [group.channelIds.general, 'private', 0],
      [group.channelIds.announcements, 'announcement', 0],
    ]);
    const body = { channelId: group.channelIds.announcements, seconds: 120, reason: 'Heated thread' };
    expect((await t.http.put(`/api/groups/${group.id}/slow-mode`).set(bearer(coord.accessToken)).send(body)).status).toBe(204);
    const after = (await t.http.get(`/api/groups/${group.id}/channels`).set(bearer(coord.accessToken))).body.items as GroupChannel[];
    expect(after.find((c) => c.id === group.channelIds.announcements)?.slowModeSeconds).toBe(120);
    const [entry] = await audit(group.id, 'group.slow_mode');
    expect(entry).toMatchObject({
      targetId: group.channelIds.announcements,
      reason: 'Heated thread',
      before: { seconds: 0 },
      after: { seconds: 120 },
    });

    expectError(
      await t.http
        .put(`/api/groups/${group.id}/slow-mode`)
        .set(bearer(coord.accessToken))
        .send({ ...body, channelId: otherGroup.channelIds.general }),
      404,
      'NOT_FOUND',
    );
    expectError(await t.http.put(`/api/groups/${group.id}/slow-mode`).set(bearer(other.accessToken)).send(body), 403, 'FORBIDDEN');
    for (const bad of [
      { ...body, seconds: 3601 },
      { ...body, seconds: -1 },
      { ...body, seconds: 'soon' },
      { ...body, reason: 5 },
    ]) {
      expectError(await t.http.put(`/api/groups/${group.id}/slow-mode`).set(bearer(coord.accessToken)).send(bad), 400, 'VALIDATION_FAILED');
    }
  });

  it('the word filter and coordinator changes record their reasons', async () => {
    const rules = [{ pattern: 'crypto*', action: 'block' }];
    expect(
      (await t.http.put(`/api/groups/${group.id}/word-filter`).set(bearer(coord.accessToken)).send({ rules, reason: 'Scam wave' })).status,
    ).toBe(200);
    expect((await audit(group.id, 'group.word_filter'))[0]).toMatchObject({ reason: 'Scam wave', after: { rules } });

    expect(
      (
        await t.http
          .put(`/api/groups/${group.id}/coordinators/${outsider.user.id}`)
          .set(bearer(staff))
          .send({ reason: 'Leads the UK study' })
      ).status,
    ).toBe(204);
    expect((await audit(group.id, 'group.coordinator.appoint'))[0]).toMatchObject({
      targetId: outsider.user.id,
      reason: 'Leads the UK study',
    });
    expect((await t.http.get(`/api/groups/${group.id}`).set(bearer(outsider.accessToken))).body.group.myRole).toBe('coordinator');
    expectError(
      await t.http
        .put(`/api/groups/${group.id}/coordinators/${outsider.user.id}`)
        .set(bearer(staff))
        .send({ reason: ['x'] }),
      400,
      'VALIDATION_FAILED',
    );
    expect(
      (
        await t.http
          .delete(`/api/groups/${group.id}/coordinators/${outsider.user.id}?reason=${encodeURIComponent('Study finished')}`)
          .set(bearer(staff))
      ).status,
    ).toBe(204);
    expect((await audit(group.id, 'group.coordinator.dismiss'))[0]).toMatchObject({ targetId: outsider.user.id, reason: 'Study finished' });
  });

  it('cluster staff archive a group with a reason: read-only, channels archived, hidden from the directory; restore brings it back', async () => {
    const member = await newMember(t);
    expect((await t.http.post(`/api/groups/${otherGroup.id}/join`).set(bearer(member.accessToken)).send({})).status).toBe(200);

    expectError(
      await t.http.post(`/api/groups/${otherGroup.id}/archive`).set(bearer(other.accessToken)).send({ reason: 'Done' }),
      403,
      'FORBIDDEN',
    );
    expectError(await t.http.post(`/api/groups/${otherGroup.id}/archive`).set(bearer(staff)).send({}), 400, 'VALIDATION_FAILED');
    expectError(
      await t.http.post(`/api/groups/${otherGroup.id}/archive`).set(bearer(staff)).send({ reason: '   ' }),
      400,
      'VALIDATION_FAILED',
    );
    expectError(
      await t.http.post('/api/groups/000000000000000000000000/archive').set(bearer(staff)).send({ reason: 'Done' }),
      404,
      'NOT_FOUND',
    );
    const res = await t.http.post(`/api/groups/${otherGroup.id}/archive`).set(bearer(staff)).send({ reason: 'The study is finished' });
    expect(res.status).toBe(200);
    expect(res.body.group).toMatchObject({ archived: true, archivedAt: expect.any(String) });
    expectError(
      await t.http.post(`/api/groups/${otherGroup.id}/archive`).set(bearer(staff)).send({ reason: 'again' }),
      409,
      'GROUP_ARCHIVED',
    );
    expect((await audit(otherGroup.id, 'group.archive'))[0]).toMatchObject({ reason: 'The study is finished' });

    const channel = await t.http.get(`/api/channels/${otherGroup.channelIds.general}`).set(bearer(member.accessToken));
    expect((channel.body.channel ?? channel.body).archived).toBe(true);
    expect(
      (await t.http.get('/api/groups?limit=100').set(bearer(outsider.accessToken))).body.items.map((g: MyGroup) => g.id),
    ).not.toContain(otherGroup.id);
    expect(
      (await t.http.get('/api/groups?archived=true&limit=100').set(bearer(outsider.accessToken))).body.items.map((g: MyGroup) => g.id),
    ).toContain(otherGroup.id);
    expectError(await t.http.get('/api/groups?archived=maybe').set(bearer(outsider.accessToken)), 400, 'VALIDATION_FAILED');
    expectError(await t.http.post(`/api/groups/${otherGroup.id}/join`).set(bearer(outsider.accessToken)).send({}), 409, 'GROUP_ARCHIVED');
    expectError(
      await t.http.patch(`/api/groups/${otherGroup.id}`).set(bearer(other.accessToken)).send({ description: 'x' }),
      409,
      'GROUP_ARCHIVED',
    );
    expectError(
      await t.http.post(`/api/groups/${otherGroup.id}/invitations`).set(bearer(other.accessToken)).send({ userId: outsider.user.id }),
      409,
      'GROUP_ARCHIVED',
    );
    expect((await t.http.get(`/api/groups/${otherGroup.id}`).set(bearer(member.accessToken))).body.group.myRole).toBe('member'); // still readable

    expectError(await t.http.post(`/api/groups/${otherGroup.id}/restore`).set(bearer(other.accessToken)).send({}), 403, 'FORBIDDEN');
    const restored = await t.http.post(`/api/groups/${otherGroup.id}/restore`).set(bearer(staff)).send({ reason: 'A follow-up study' });
    expect(restored.status).toBe(200);
    expect(restored.body.group).toMatchObject({ archived: false, archivedAt: null });
    expectError(await t.http.post(`/api/groups/${otherGroup.id}/restore`).set(bearer(staff)).send({}), 409, 'CONFLICT');
    const reopened = await t.http.get(`/api/channels/${otherGroup.channelIds.general}`).set(bearer(member.accessToken));
    expect((reopened.body.channel ?? reopened.body).archived).toBe(false);
    expect((await t.http.post(`/api/groups/${otherGroup.id}/join`).set(bearer(outsider.accessToken)).send({})).body.group.myRole).toBe(
      'member',
    );
  });
});
