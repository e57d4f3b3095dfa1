import { bearer, createTestApp, login, TestApp } from './support/test-app';

describe('invitations', () => {
  let t: TestApp;
  let orgAdmin: string; // Etronika
  let otherOrgAdmin: string; // Data House
  let member: string; // Etronika, not an org admin
  let etronikaId: string;
  const tokenOf = (link: string) => link.split('/invite/')[1];

  beforeAll(async () => {
    t = await createTestApp();
    orgAdmin = (await login(t, 'orgadmin@klasteris.demo')).accessToken;
    otherOrgAdmin = (await login(t, 'orgadmin2@klasteris.demo')).accessToken;
    member = (await login(t, 'member@klasteris.demo')).accessToken;
    etronikaId = (await t.http.get('/api/organisations?q=etronika')).body.items[0].id;
  });
  afterAll(() => t.close());

  it('an organisation admin invites a colleague; the link is shown once and joins them to the organisation', async () => {
    const res = await t.http
      .post(`/api/organisations/${etronikaId}/invitations`)
      .set(bearer(orgAdmin))
      .send({ email: 'Kolega@Etronika.example', message: 'Sveiki!' });
    expect(res.status).toBe(201);
    expect(res.body.invitation).toMatchObject({ email: 'kolega@etronika.example', organisationName: 'Etronika', acceptedAt: null });
    expect(res.body.link).toMatch(/^http:\/\/localhost:\d+\/invite\/[A-Za-z0-9_-]{40,}$/);
    const token = tokenOf(res.body.link);
    const stored = await t.connection.collection('invitations').findOne({});
    expect(JSON.stringify(stored)).not.toContain(token);

    const preview = await t.http.get(`/api/invitations/${token}`);
    expect(preview.status).toBe(200);
    expect(preview.body.invitation).toMatchObject({
      email: 'kolega@etronika.example',
      organisationName: 'Etronika',
      invitedByName: 'Vaidas Urbonas',
      message: 'Sveiki!',
    });

    const accepted = await t.http
      .post(`/api/invitations/${token}/accept`)
      .send({ displayName: 'Kolega Naujokas', password: 'a long password' });
    expect(accepted.status).toBe(201);
    expect(accepted.body.user).toMatchObject({
      email: 'kolega@etronika.example',
      organisationId: etronikaId,
      status: 'active',
      roles: ['member'],
    });
    expect((await t.http.get('/api/auth/me').set(bearer(accepted.body.accessToken))).status).toBe(200);

    const reuse = await t.http.post(`/api/invitations/${token}/accept`).send({ displayName: 'Someone Else', password: 'a long password' });
    expect(reuse.status).toBe(410);
    expect(reuse.body.code).toBe('INVITATION_USED');
    const notes = await t.http.get('/api/notifications').set(bearer(orgAdmin));
    expect(notes.body.items[0].kind).toBe('invitation.accepted');
  });

  it('only admins of that organisation may invite into it', async () => {
    const byMember = await t.http.post(`/api/organisations/${etronikaId}/invitations`).set(bearer(member)).send({ email: 'a@b.example' });
    expect(byMember.status).toBe(403);
    const byOtherOrg = await t.http
      .post(`/api/organisations/${etronikaId}/invitations`)
      .set(bearer(otherOrgAdmin))
      .send({ email: 'a@b.example' });
    expect(byOtherOrg.status).toBe(403);
    expect((await t.http.get(`/api/organisations/${etronikaId}/invitations`).set(bearer(otherOrgAdmin))).status).toBe(403);
    expect(await t.connection.collection('invitations').countDocuments({ email: 'a@b.example' })).toBe(0);
  });

  it('refuses inviting someone who already has an account', async () => {
    const res = await t.http
      .post(`/api/organisations/${etronikaId}/invitations`)
      .set(bearer(orgAdmin))
      .send({ email: 'member2@klasteris.demo' });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('EMAIL_TAKEN');
  });

  it('revoked, unknown and expired links are refused with their reason', async () => {
    const a = await t.http
      .post(`/api/organisations/${etronikaId}/invitations`)
      .set(bearer(orgAdmin))
      .send({ email: 'revoked@etronika.example' });
    expect(
      (await t.http.delete(`/api/organisations/${etronikaId}/invitations/${a.body.invitation.id}`).set(bearer(otherOrgAdmin))).status,
    ).toBe(403);
    expect((await t.http.delete(`/api/organisations/${etronikaId}/invitations/${a.body.invitation.id}`).set(bearer(orgAdmin))).status).toBe(
      204,
    );
    const revoked = await t.http.get(`/api/invitations/${tokenOf(a.body.link)}`);
    expect(revoked.status).toBe(404);
    expect(revoked.body.code).toBe('INVITATION_INVALID');

    expect((await t.http.get('/api/invitations/not-a-real-token-at-all-xxxxxxxx')).body.code).toBe('INVITATION_INVALID');

    const b = await t.http
      .post(`/api/organisations/${etronikaId}/invitations`)
      .set(bearer(orgAdmin))
      .send({ email: 'late@etronika.example' });
    await t.connection
      .collection('invitations')
      .updateOne({ email: 'late@etronika.example' }, { $set: { expiresAt: new Date(Date.now() - 1000) } });
    const expired = await t.http
      .post(`/api/invitations/${tokenOf(b.body.link)}/accept`)
      .send({ displayName: 'Late Person', password: 'a long password' });
    expect(expired.status).toBe(410);
    expect(expired.body.code).toBe('INVITATION_EXPIRED');
    expect(await t.connection.collection('users').countDocuments({ email: 'late@etronika.example' })).toBe(0);
  });

  it('lists the organisation invitations for its admins', async () => {
    const res = await t.http.get(`/api/organisations/${etronikaId}/invitations`).set(bearer(orgAdmin));
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThanOrEqual(3);
    expect(res.body.items[0].tokenHash).toBeUndefined();
  });
});
