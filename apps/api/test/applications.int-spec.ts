import { bearer, createTestApp, login, TestApp } from './support/test-app';

const application = (n: string) => ({
  organisation: {
    name: `Kaunas Cloud Works ${n}`,
    type: 'company',
    country: 'lt',
    city: 'Kaunas',
    website: 'https://kcw.example',
    sectors: ['Cloud computing'],
    description: 'Cloud consultancy',
  },
  contact: { displayName: 'Simona Kavaliauskaitė', email: `simona${n}@kcw.example`, password: 'a long password', title: 'CEO' },
  motivation: 'We want to join the cloud computing working group and bid for UK projects together.',
});

describe('membership applications', () => {
  let t: TestApp;
  let coordinator: string;
  let member: string;
  beforeAll(async () => {
    t = await createTestApp();
    coordinator = (await login(t, 'coordinator@klasteris.demo')).accessToken;
    member = (await login(t, 'member@klasteris.demo')).accessToken;
  });
  afterAll(() => t.close());

  it('a visitor applies; the contact cannot sign in yet; coordinators are notified', async () => {
    const res = await t.http.post('/api/applications').send(application('a'));
    expect(res.status).toBe(201);
    expect(res.body.application).toMatchObject({
      status: 'pending',
      organisation: { name: 'Kaunas Cloud Works a', country: 'LT' },
      contact: { email: 'simonaa@kcw.example' },
    });
    expect(JSON.stringify(res.body)).not.toContain('a long password');
    const signIn = await t.http.post('/api/auth/login').send({ email: 'simonaa@kcw.example', password: 'a long password' });
    expect(signIn.status).toBe(403);
    expect(signIn.body.code).toBe('ACCOUNT_PENDING');
    const notes = await t.http.get('/api/notifications').set(bearer(coordinator));
    expect(notes.body.items[0]).toMatchObject({ kind: 'application.submitted', title: 'Kaunas Cloud Works a applied for membership' });
    expect(notes.body.unread).toBeGreaterThan(0);
    // the applicant is not in the public directory
    expect((await t.http.get('/api/organisations?q=kaunas')).body.items).toEqual([]);
  });

  it('notifies each reviewer in their own language', async () => {
    const admin = (await login(t, 'admin@klasteris.demo')).accessToken;
    await t.http.patch('/api/auth/me').set(bearer(admin)).send({ language: 'lt' });
    await t.http.post('/api/applications').send(application('lt'));
    const adminNotes = await t.http.get('/api/notifications').set(bearer(admin));
    expect(adminNotes.body.items[0].title).toBe('Kaunas Cloud Works lt pateikė narystės paraišką');
    const coordinatorNotes = await t.http.get('/api/notifications').set(bearer(coordinator));
    expect(coordinatorNotes.body.items[0].title).toBe('Kaunas Cloud Works lt applied for membership');
  });

  it('refuses a duplicate organisation name (diacritics and case folded) and a taken e-mail, writing nothing', async () => {
    const orgsBefore = await t.connection.collection('organisations').countDocuments();
    const dupName = await t.http
      .post('/api/applications')
      .send({ ...application('b'), organisation: { ...application('b').organisation, name: 'DUOMENU CENTRAS' } });
    expect(dupName.status).toBe(409);
    expect(dupName.body.code).toBe('ORGANISATION_NAME_TAKEN');
    const dupEmail = await t.http
      .post('/api/applications')
      .send({ ...application('c'), contact: { ...application('c').contact, email: 'member@klasteris.demo' } });
    expect(dupEmail.status).toBe(409);
    expect(dupEmail.body.code).toBe('EMAIL_TAKEN');
    expect(await t.connection.collection('organisations').countDocuments()).toBe(orgsBefore);
  });

  it('validates nested fields with their paths', async () => {
    const res = await t.http
      .post('/api/applications')
      .send({ ...application('d'), organisation: { ...application('d').organisation, country: 'XX', type: 'bank', extra: 1 } });
    expect(res.status).toBe(400);
    const fields = (res.body.details.fields as { field: string }[]).map((f) => f.field).sort();
    expect(fields).toEqual(['organisation.country', 'organisation.extra', 'organisation.type']);
  });

  it('members cannot see or decide applications', async () => {
    const list = await t.http.get('/api/applications').set(bearer(member));
    expect(list.status).toBe(403);
    const pending = await t.http.get('/api/applications?status=pending').set(bearer(coordinator));
    expect(pending.body.pending).toBe(pending.body.items.length);
    const id = pending.body.items[0].id as string;
    expect((await t.http.post(`/api/applications/${id}/approve`).set(bearer(member)).send({})).status).toBe(403);
    expect((await t.http.post(`/api/applications/${id}/approve`).send({})).status).toBe(401);
  });

  it('approval makes the organisation a member and its contact an active organisation admin, once', async () => {
    const created = await t.http.post('/api/applications').send(application('e'));
    const id = created.body.application.id as string;
    const ok = await t.http.post(`/api/applications/${id}/approve`).set(bearer(coordinator)).send({ reason: 'Welcome!' });
    expect(ok.status).toBe(200);
    expect(ok.body.application).toMatchObject({ status: 'approved', reason: 'Welcome!' });
    const again = await t.http.post(`/api/applications/${id}/reject`).set(bearer(coordinator)).send({ reason: 'changed my mind' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('APPLICATION_ALREADY_DECIDED');

    const org = await t.http.get(`/api/organisations/${created.body.application.organisationId}`);
    expect(org.body.organisation).toMatchObject({ membershipStatus: 'member', name: 'Kaunas Cloud Works e' });
    expect(org.body.organisation.joinedAt).not.toBeNull();
    const contact = await login(t, 'simonae@kcw.example', 'a long password');
    expect(contact.user.roles.sort()).toEqual(['member', 'org_admin']);
    expect(contact.user.organisationId).toBe(created.body.application.organisationId);
    const notes = await t.http.get('/api/notifications').set(bearer(contact.accessToken));
    expect(notes.body.items[0].kind).toBe('application.approved');
  });

  it('concurrent decisions: exactly one wins', async () => {
    const created = await t.http.post('/api/applications').send(application('f'));
    const id = created.body.application.id as string;
    const results = await Promise.all([
      t.http.post(`/api/applications/${id}/approve`).set(bearer(coordinator)).send({}),
      t.http.post(`/api/applications/${id}/reject`).set(bearer(coordinator)).send({ reason: 'Not an ICT company' }),
      t.http.post(`/api/applications/${id}/approve`).set(bearer(coordinator)).send({}),
    ]);
    expect(results.map((r) => r.status).filter((s) => s === 200)).toHaveLength(1);
    expect(results.map((r) => r.status).filter((s) => s === 409)).toHaveLength(2);
  });

  it('rejection needs a reason; the applicant learns it when signing in', async () => {
    const created = await t.http.post('/api/applications').send(application('g'));
    const id = created.body.application.id as string;
    expect((await t.http.post(`/api/applications/${id}/reject`).set(bearer(coordinator)).send({})).status).toBe(400);
    const res = await t.http.post(`/api/applications/${id}/reject`).set(bearer(coordinator)).send({ reason: 'Outside the ICT sector' });
    expect(res.status).toBe(200);
    const signIn = await t.http.post('/api/auth/login').send({ email: 'simonag@kcw.example', password: 'a long password' });
    expect(signIn.status).toBe(403);
    expect(signIn.body.code).toBe('ACCOUNT_DISABLED');
    expect(signIn.body.details.reason).toContain('Outside the ICT sector');
    // the name is free again for a later application
    expect(
      (
        await t.http
          .post('/api/applications')
          .send({ ...application('h'), organisation: { ...application('h').organisation, name: 'Kaunas Cloud Works g' } })
      ).status,
    ).toBe(201);
  });
});
