import { bearer, createTestApp, login, newMember, TestApp } from './support/test-app';

describe('user administration', () => {
  let t: TestApp;
  let admin: string;
  let coordinator: string;
  let member: string;
  let orgAdmin: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = (await login(t, 'admin@klasteris.demo')).accessToken;
    coordinator = (await login(t, 'coordinator@klasteris.demo')).accessToken;
    member = (await login(t, 'member@klasteris.demo')).accessToken;
    orgAdmin = (await login(t, 'orgadmin@klasteris.demo')).accessToken;
  });
  afterAll(() => t.close());

  it('a member cannot list users (403 FORBIDDEN)', async () => {
    const res = await t.http.get('/api/users').set(bearer(member));
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('FORBIDDEN');
  });

  it('admins search everyone, diacritic-insensitively, with cursor paging', async () => {
    const res = await t.http.get('/api/users?q=zukauskas').set(bearer(admin));
    expect(res.status).toBe(200);
    expect(res.body.items.map((u: { email: string }) => u.email)).toEqual(['coordinator@klasteris.demo']);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { id: string }[]; nextCursor: string | null } } = await t.http
        .get(`/api/users?limit=4${cursor ? `&cursor=${cursor}` : ''}`)
        .set(bearer(admin));
      seen.push(...page.body.items.map((u) => u.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(await t.connection.collection('users').countDocuments());
  });

  it('an organisation admin sees only their own organisation', async () => {
    const res = await t.http.get('/api/users').set(bearer(orgAdmin));
    expect(res.status).toBe(200);
    expect(new Set(res.body.items.map((u: { organisationName: string }) => u.organisationName))).toEqual(new Set(['Etronika']));
    const other = await t.http.get('/api/organisations?q=data%20house');
    const denied = await t.http.get(`/api/users?organisationId=${other.body.items[0].id}`).set(bearer(orgAdmin));
    expect(denied.status).toBe(403);
  });

  it('only admins change roles; the change applies to the next request', async () => {
    const p = await newMember(t);
    const byCoordinator = await t.http
      .patch(`/api/users/${p.user.id}/roles`)
      .set(bearer(coordinator))
      .send({ roles: ['coordinator'] });
    expect(byCoordinator.status).toBe(403);
    const res = await t.http
      .patch(`/api/users/${p.user.id}/roles`)
      .set(bearer(admin))
      .send({ roles: ['coordinator'] });
    expect(res.status).toBe(200);
    expect(res.body.user.roles.sort()).toEqual(['coordinator', 'member']);
    expect((await t.http.get('/api/applications').set(bearer(p.accessToken))).status).toBe(200);
    const bad = await t.http
      .patch(`/api/users/${p.user.id}/roles`)
      .set(bearer(admin))
      .send({ roles: ['superuser'] });
    expect(bad.status).toBe(400);
  });

  it('the last admin cannot be demoted', async () => {
    const me = await t.http.get('/api/auth/me').set(bearer(admin));
    const res = await t.http
      .patch(`/api/users/${me.body.user.id}/roles`)
      .set(bearer(admin))
      .send({ roles: ['member'] });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('LAST_ADMIN');
  });

  it('disabling a user ends their sessions at once: tokens and refresh stop working', async () => {
    const p = await newMember(t);
    expect((await t.http.get('/api/auth/me').set(bearer(p.accessToken))).status).toBe(200);
    const res = await t.http
      .patch(`/api/users/${p.user.id}/status`)
      .set(bearer(admin))
      .send({ status: 'disabled', reason: 'left the company' });
    expect(res.status).toBe(200);
    expect(res.body.user.status).toBe('disabled');
    expect((await t.http.get('/api/auth/me').set(bearer(p.accessToken))).status).toBe(401);
    expect((await t.http.post('/api/auth/refresh').set('Cookie', p.cookie)).status).toBe(401);
    const relog = await t.http.post('/api/auth/login').send({ email: p.email, password: p.password });
    expect(relog.status).toBe(403);
    expect(relog.body.code).toBe('ACCOUNT_DISABLED');
    const audit = await t.connection.collection('audit_log').findOne({ action: 'user.status.changed', targetId: p.user.id });
    expect(audit).toMatchObject({ reason: 'left the company', before: { status: 'active' }, after: { status: 'disabled' } });
  });

  it('an organisation admin may disable people of their own organisation only', async () => {
    const orgs = await t.http.get('/api/organisations');
    const byName = (n: string) => orgs.body.items.find((o: { name: string }) => o.name === n).id as string;
    const colleague = await newMember(t, { organisationId: byName('Etronika') });
    const stranger = await newMember(t, { organisationId: byName('Data House') });
    expect((await t.http.patch(`/api/users/${stranger.user.id}/status`).set(bearer(orgAdmin)).send({ status: 'disabled' })).status).toBe(
      403,
    );
    expect((await t.http.patch(`/api/users/${colleague.user.id}/status`).set(bearer(orgAdmin)).send({ status: 'disabled' })).status).toBe(
      200,
    );
    expect((await t.http.patch(`/api/users/${colleague.user.id}/status`).set(bearer(member)).send({ status: 'active' })).status).toBe(403);
  });
});
