import type { AuditEntry, MyGroup, Organisation } from '@klasteris/contracts';
import { bearer, createTestApp, login, newMember, TestApp } from './support/test-app';

/** Issue 14 F10: `groupId` of the audit log names a working group, never an organisation. */
describe('audit log scopes: a group id opens a group, an organisation id opens nothing', () => {
  let t: TestApp;
  let admin: string;
  let coordinator: string;
  let orgId: string;
  let group: MyGroup;

  beforeAll(async () => {
    t = await createTestApp();
    admin = (await login(t, 'admin@klasteris.demo')).accessToken;
    coordinator = (await login(t, 'coordinator@klasteris.demo')).accessToken;
    orgId = ((await t.http.get('/api/organisations')).body.items as Organisation[])[0]!.id;
    // an organisation-scoped entry: an admin disables a person of that organisation
    const person = await newMember(t, { organisationId: orgId });
    expect(
      (await t.http.patch(`/api/users/${person.user.id}/status`).set(bearer(admin)).send({ status: 'disabled', reason: 'F10 org-scoped' }))
        .status,
    ).toBe(200);
    group = (await t.http.post('/api/groups').set(bearer(admin)).send({ name: 'F10 group', visibility: 'open' })).body.group as MyGroup;
  });
  afterAll(() => t.close());

  it('admins see the organisation-scoped entry', async () => {
    const res = await t.http.get(`/api/audit?groupId=${orgId}&limit=100`).set(bearer(admin));
    expect(res.status).toBe(200);
    expect((res.body.items as AuditEntry[]).map((e) => e.reason)).toContain('F10 org-scoped');
  });

  it('a coordinator passing an organisation id (or any id that is not a group) as groupId gets 404, over JSON and CSV', async () => {
    for (const id of [orgId, '0123456789abcdef01234567']) {
      const list = await t.http.get(`/api/audit?groupId=${id}`).set(bearer(coordinator));
      expect(`${list.status} ${list.body.code}`).toBe('404 NOT_FOUND');
      const csv = await t.http.get(`/api/audit.csv?groupId=${id}`).set(bearer(coordinator));
      expect(csv.status).toBe(404);
      expect(csv.text).not.toContain('F10 org-scoped');
    }
  });

  it("a group's audit stays readable by cluster coordinators, not by members (403)", async () => {
    const ok = await t.http.get(`/api/audit?groupId=${group.id}`).set(bearer(coordinator));
    expect(ok.status).toBe(200);
    expect((ok.body.items as AuditEntry[]).every((e) => e.scopeId === group.id)).toBe(true);
    expect((ok.body.items as AuditEntry[]).map((e) => e.action)).toContain('group.create');
    const member = await newMember(t);
    expect((await t.http.get(`/api/audit?groupId=${group.id}`).set(bearer(member.accessToken))).status).toBe(403);
    expect((await t.http.get(`/api/audit?groupId=${orgId}`).set(bearer(member.accessToken))).status).toBe(404);
  });
});
