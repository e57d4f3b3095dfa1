import request from 'supertest';
import { bearer, createTestApp, login, newMember, TestApp } from './support/test-app';

describe('accounts: register, login, refresh, logout, me', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('registers an active member in demo mode, in the chosen organisation', async () => {
    const orgs = await t.http.get('/api/organisations?q=etronika');
    const etronika = orgs.body.items[0];
    const res = await t.http.post('/api/auth/register').send({
      email: '  New.Person@Example.test ',
      password: 'a long password',
      displayName: 'Nauja Asmenybė',
      organisationId: etronika.id,
    });
    expect(res.status).toBe(201);
    expect(res.body.user).toMatchObject({
      email: 'new.person@example.test',
      displayName: 'Nauja Asmenybė',
      roles: ['member'],
      organisationId: etronika.id,
      organisationName: 'Etronika',
      status: 'active',
      initials: 'NA',
    });
    expect(res.body.user.passwordHash).toBeUndefined();
  });

  it('refuses a second account with the same e-mail (any case)', async () => {
    const res = await t.http
      .post('/api/auth/register')
      .send({ email: 'MEMBER@klasteris.demo', password: 'a long password', displayName: 'Dup' });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('EMAIL_TAKEN');
  });

  it('refuses registration into an applicant or unknown organisation', async () => {
    const res = await t.http
      .post('/api/auth/register')
      .send({ email: 'x1@example.test', password: 'a long password', displayName: 'Xavier', organisationId: '0123456789abcdef01234567' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.details.fields[0].field).toBe('organisationId');
  });

  it('logs in with an access token, the user and an httpOnly refresh cookie', async () => {
    const res = await t.http.post('/api/auth/login').send({ email: 'member@klasteris.demo', password: 'klasteris-demo' });
    expect(res.status).toBe(200);
    expect(typeof res.body.accessToken).toBe('string');
    expect(res.body.expiresIn).toBe(900);
    expect(res.body.user).toMatchObject({ email: 'member@klasteris.demo', roles: ['member'], status: 'active' });
    const cookie = (res.headers['set-cookie'] as unknown as string[])[0];
    expect(cookie).toMatch(/^klasteris_rt=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/Path=\/api\/auth/);
    expect(cookie).toMatch(/SameSite=Strict/);
  });

  it('answers a wrong password and an unknown e-mail the same way', async () => {
    const wrong = await t.http.post('/api/auth/login').send({ email: 'member@klasteris.demo', password: 'not-the-password' });
    const unknown = await t.http.post('/api/auth/login').send({ email: 'nobody@klasteris.demo', password: 'not-the-password' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
  });

  it('returns me with the organisation, and 401 UNAUTHENTICATED without or with a bad token', async () => {
    const s = await login(t, 'member2@klasteris.demo');
    const me = await t.http.get('/api/auth/me').set(bearer(s.accessToken));
    expect(me.status).toBe(200);
    expect(me.body.user).toMatchObject({ email: 'member2@klasteris.demo', organisationName: 'Data House', roles: ['member'] });
    const none = await t.http.get('/api/auth/me');
    expect(none.status).toBe(401);
    expect(none.body.code).toBe('UNAUTHENTICATED');
    const forged = await t.http.get('/api/auth/me').set(bearer(`${s.accessToken.slice(0, -4)}AAAA`));
    expect(forged.status).toBe(401);
  });

  it('rotates the refresh token; replaying an old one revokes the whole session', async () => {
    const s = await login(t, 'coordinator@klasteris.demo');
    const r1 = await t.http.post('/api/auth/refresh').set('Cookie', s.cookie);
    expect(r1.status).toBe(200);
    expect(typeof r1.body.accessToken).toBe('string');
    const cookie2 = (r1.headers['set-cookie'] as unknown as string[])[0].split(';')[0];
    expect(cookie2).not.toBe(s.cookie);

    const r2 = await t.http.post('/api/auth/refresh').set('Cookie', cookie2);
    expect(r2.status).toBe(200);
    const cookie3 = (r2.headers['set-cookie'] as unknown as string[])[0].split(';')[0];

    // the first token, used long ago (outside the concurrent-refresh grace), is a replay
    const replay = await t.http.post('/api/auth/refresh').set('Cookie', s.cookie);
    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('SESSION_REVOKED');
    // ... so the legitimate newest token and the access tokens of that session die too
    const after = await t.http.post('/api/auth/refresh').set('Cookie', cookie3);
    expect(after.status).toBe(401);
    const me = await t.http.get('/api/auth/me').set(bearer(r2.body.accessToken));
    expect(me.status).toBe(401);
  });

  it('refuses a refresh without a cookie or with garbage', async () => {
    expect((await t.http.post('/api/auth/refresh')).status).toBe(401);
    const garbage = await t.http.post('/api/auth/refresh').set('Cookie', 'klasteris_rt=abc.def');
    expect(garbage.status).toBe(401);
    expect(garbage.body.code).toBe('UNAUTHENTICATED');
  });

  it('logs out: the access token and the refresh token stop working', async () => {
    const s = await login(t, 'member@klasteris.demo');
    const out = await t.http.post('/api/auth/logout').set(bearer(s.accessToken));
    expect(out.status).toBe(204);
    expect((await t.http.get('/api/auth/me').set(bearer(s.accessToken))).status).toBe(401);
    expect((await t.http.post('/api/auth/refresh').set('Cookie', s.cookie)).status).toBe(401);
  });

  it('edits the profile and validates it', async () => {
    const s = await newMember(t);
    const ok = await t.http
      .patch('/api/auth/me')
      .set(bearer(s.accessToken))
      .send({
        displayName: 'Gintarė Jonaitienė',
        language: 'lt',
        avatarColor: '#00695c',
        initials: 'GJ',
        title: 'Analyst',
        expertise: ['Cloud computing'],
      });
    expect(ok.status).toBe(200);
    expect(ok.body.user).toMatchObject({
      displayName: 'Gintarė Jonaitienė',
      language: 'lt',
      avatarColor: '#00695c',
      initials: 'GJ',
      expertise: ['Cloud computing'],
    });
    const bad = await t.http
      .patch('/api/auth/me')
      .set(bearer(s.accessToken))
      .send({ language: 'de', avatarColor: 'red', roles: ['admin'] });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    const fields = (bad.body.details.fields as { field: string }[]).map((f) => f.field).sort();
    expect(fields).toEqual(['avatarColor', 'language', 'roles']);
    const me = await t.http.get('/api/auth/me').set(bearer(s.accessToken));
    expect(me.body.user.roles).toEqual(['member']);
    expect(me.body.user.language).toBe('lt');
  });

  it('changes the password: checks the current one and ends the other sessions', async () => {
    const s = await newMember(t);
    const other = await login(t, s.email, s.password);
    const wrong = await t.http
      .post('/api/auth/me/password')
      .set(bearer(s.accessToken))
      .send({ currentPassword: 'nope', newPassword: 'another long password' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe('WRONG_PASSWORD');
    const short = await t.http
      .post('/api/auth/me/password')
      .set(bearer(s.accessToken))
      .send({ currentPassword: s.password, newPassword: 'short' });
    expect(short.status).toBe(400);
    const ok = await t.http
      .post('/api/auth/me/password')
      .set(bearer(s.accessToken))
      .send({ currentPassword: s.password, newPassword: 'another long password' });
    expect(ok.status).toBe(204);
    expect((await t.http.get('/api/auth/me').set(bearer(s.accessToken))).status).toBe(200);
    expect((await t.http.get('/api/auth/me').set(bearer(other.accessToken))).status).toBe(401);
    expect((await t.http.post('/api/auth/login').send({ email: s.email, password: s.password })).status).toBe(401);
    await login(t, s.email, 'another long password');
  });
});

describe('login throttling', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ LOGIN_MAX_FAILURES: '3' });
  });
  afterAll(() => t.close());

  it('answers 429 TOO_MANY_REQUESTS after repeated failures, even with the right password, for that e-mail only', async () => {
    for (let i = 0; i < 3; i++) {
      expect((await t.http.post('/api/auth/login').send({ email: 'member@klasteris.demo', password: `wrong-${i}` })).status).toBe(401);
    }
    const locked = await t.http.post('/api/auth/login').send({ email: 'member@klasteris.demo', password: 'klasteris-demo' });
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('TOO_MANY_REQUESTS');
    expect(locked.body.details.retryAfter).toBeGreaterThan(0);
    expect(locked.headers['retry-after']).toBeDefined();
    // another account is not affected
    expect((await t.http.post('/api/auth/login').send({ email: 'member2@klasteris.demo', password: 'klasteris-demo' })).status).toBe(200);
  });

  it('a success before the limit clears the count', async () => {
    for (let i = 0; i < 2; i++) await t.http.post('/api/auth/login').send({ email: 'coordinator@klasteris.demo', password: 'wrong' });
    expect((await t.http.post('/api/auth/login').send({ email: 'coordinator@klasteris.demo', password: 'klasteris-demo' })).status).toBe(
      200,
    );
    for (let i = 0; i < 2; i++) await t.http.post('/api/auth/login').send({ email: 'coordinator@klasteris.demo', password: 'wrong' });
    expect((await t.http.post('/api/auth/login').send({ email: 'coordinator@klasteris.demo', password: 'klasteris-demo' })).status).toBe(
      200,
    );
  });
});

describe('public write rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ PUBLIC_WRITE_RATE_PER_MINUTE: '3' });
  });
  afterAll(() => t.close());

  it('limits registrations per client', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await request(t.app.getHttpServer())
        .post('/api/auth/register')
        .send({ email: `rl${i}@example.test`, password: 'a long password', displayName: 'Rate Limited' });
      codes.push(res.status);
      if (res.status === 429) expect(res.body.code).toBe('TOO_MANY_REQUESTS');
    }
    expect(codes).toEqual([201, 201, 201, 429]);
  });
});

describe('production mode', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ KLASTERIS_MODE: 'production' });
  });
  afterAll(() => t.close());

  it('seeds no demo data and keeps registrations pending until approved', async () => {
    expect((await t.http.get('/api/organisations')).body.items).toEqual([]);
    const reg = await t.http
      .post('/api/auth/register')
      .send({ email: 'pending@example.test', password: 'a long password', displayName: 'Pending Person' });
    expect(reg.status).toBe(201);
    expect(reg.body.user.status).toBe('pending');
    const res = await t.http.post('/api/auth/login').send({ email: 'pending@example.test', password: 'a long password' });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('ACCOUNT_PENDING');
  });
});
