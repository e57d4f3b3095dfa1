import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { bookingHelpers, H, iso, mondayUtc } from '../support/bookings';
import { bearer, createTestApp, login, newMember, type TestApp } from '../support/test-app';

/** What every error answer carries, whatever failed (issue 14, F4). */
function expectErrorShape(res: request.Response, status: number, code: string): void {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  expect(res.body).toMatchObject({ statusCode: status, code, message: expect.any(String) });
  expect(res.headers['content-security-policy']).toContain("default-src 'self'");
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  expect(res.headers['permissions-policy']).toContain('camera=()');
  expect(res.headers['x-powered-by']).toBeUndefined();
}

describe('HTTP hardening (issue 14: F3 F4 F5 F6 F9 and the smaller findings)', () => {
  let t: TestApp;
  let webDir: string;
  const raw = (): request.Agent => request.agent(t.app.getHttpServer());

  beforeAll(async () => {
    webDir = mkdtempSync(join(tmpdir(), 'klasteris-web-'));
    writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>Klasteris</title><app-root></app-root>');
    writeFileSync(join(webDir, 'main.js'), 'console.log("app")');
    t = await createTestApp({ WEB_DIST_DIR: webDir, LOGIN_MAX_FAILURES_PER_ADDRESS: '8', LOGIN_MAX_FAILURES_PER_ACCOUNT: '6' });
  });
  afterAll(async () => {
    await t.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  describe('F4: body-parser errors under /api answer in the error shape, with the security headers, while the web app is served', () => {
    it('serves the web app and its client-side routes, and unknown /api paths answer 404 JSON', async () => {
      const home = await raw().get('/');
      expect(home.status).toBe(200);
      expect(home.text).toContain('<app-root>');
      expect((await raw().get('/groups/some-group')).text).toContain('<app-root>');
      expect((await raw().get('/main.js')).text).toContain('console.log');
      expect(home.headers['x-powered-by']).toBeUndefined();
      expectErrorShape(await raw().get('/api/no-such-thing'), 404, 'NOT_FOUND');
    });

    it.each([
      { name: 'malformed JSON', body: '{"email": ', type: 'application/json', status: 400, code: 'BAD_REQUEST' },
      { name: 'a scalar body', body: '"just a string"', type: 'application/json', status: 400, code: 'BAD_REQUEST' },
      { name: 'a null body', body: 'null', type: 'application/json', status: 400, code: 'BAD_REQUEST' },
      {
        name: 'a body of 2 MB',
        body: JSON.stringify({ email: 'a@b.example', password: 'x'.repeat(2 * 1024 * 1024) }),
        type: 'application/json',
        status: 413,
        code: 'PAYLOAD_TOO_LARGE',
      },
      {
        name: 'a UTF-16 declared body that is not UTF-16 JSON',
        body: '{}',
        type: 'application/json; charset=utf-16',
        status: 400,
        code: 'BAD_REQUEST',
      },
      { name: 'a Latin-1 body', body: '{}', type: 'application/json; charset=latin1', status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
    ])('$name → $status $code', async ({ body, type, status, code }) => {
      const res = await raw().post('/api/auth/login').set('Content-Type', type).send(body);
      expectErrorShape(res, status, code);
    });

    it('bad gzip → 400, an unknown Content-Encoding → 415', async () => {
      expectErrorShape(
        await raw().post('/api/auth/login').set('Content-Type', 'application/json').set('Content-Encoding', 'gzip').send('not gzip at all'),
        400,
        'BAD_REQUEST',
      );
      expectErrorShape(
        await raw().post('/api/auth/login').set('Content-Type', 'application/json').set('Content-Encoding', 'x-klingon').send('{}'),
        415,
        'UNSUPPORTED_MEDIA_TYPE',
      );
    });
  });

  describe('F3: control characters in search terms and names', () => {
    it.each(['/api/people', '/api/organisations', '/api/groups', '/api/resources', '/api/projects', '/api/channels/browse', '/api/users'])(
      '%s?q=<NUL> → 400 VALIDATION_FAILED, not 500',
      async (path) => {
        const admin = await login(t, 'admin@klasteris.demo');
        for (const q of ['a\u0000b', 'line\nbreak', '\u202eevil']) {
          const res = await raw().get(path).query({ q }).set(bearer(admin.accessToken));
          expectErrorShape(res, 400, 'VALIDATION_FAILED');
          expect(res.body.details.fields[0].field).toBe('q');
        }
        expect((await raw().get(path).query({ q: 'Duomenų' }).set(bearer(admin.accessToken))).status).toBe(200);
      },
    );

    it('display names and group names refuse NUL, other control characters and direction overrides', async () => {
      const m = await newMember(t);
      for (const displayName of ['Ieva\u0000', 'Ieva\nAdmin', 'Ieva \u202enimda']) {
        const res = await raw().patch('/api/auth/me').set(bearer(m.accessToken)).send({ displayName });
        expectErrorShape(res, 400, 'VALIDATION_FAILED');
      }
      const staff = await login(t, 'coordinator@klasteris.demo');
      const res = await raw()
        .post('/api/groups')
        .set(bearer(staff.accessToken))
        .send({ name: 'Cloud \u202ekcar', description: 'x', visibility: 'open' });
      expectErrorShape(res, 400, 'VALIDATION_FAILED');
      expect(res.body.details.fields.map((f: { field: string }) => f.field)).toContain('name');
      const reg = await raw()
        .post('/api/auth/register')
        .send({ email: `ctl${Date.now()}@example.test`, password: 'correct horse battery', displayName: 'Bad\u0007Bell' });
      expectErrorShape(reg, 400, 'VALIDATION_FAILED');
    });
  });

  it('F5: utilisation.csv neutralises formulas and leading tabs in resource names', async () => {
    const coordinator = (await login(t, 'coordinator@klasteris.demo')).accessToken;
    const member = (await login(t, 'member@klasteris.demo')).accessToken;
    const infobaltId = (await t.http.get('/api/organisations?q=infobalt')).body.items[0].id as string;
    const h = bookingHelpers(t, () => ({ token: coordinator, organisationId: infobaltId }));
    const evil = await h.createResource({ name: 'Formula lab', capacity: 1 });
    const tabbed = await h.createResource({ name: 'Tab lab', capacity: 1 });
    const monday = mondayUtc(3) + 7 * H;
    await h.book(member, { resourceId: evil.id, start: iso(monday), end: iso(monday + H) });
    await h.book(member, { resourceId: tabbed.id, start: iso(monday), end: iso(monday + H) });
    expect(
      (await t.http.patch(`/api/resources/${evil.id}`).set(bearer(coordinator)).send({ name: '=HYPERLINK("http://evil.example","x")' }))
        .status,
    ).toBe(200);
    expect((await t.http.patch(`/api/resources/${tabbed.id}`).set(bearer(coordinator)).send({ name: '\t=1+1 lab' })).status).toBe(200);
    const month = new Date(monday).toISOString().slice(0, 7);
    const csv = await t.http.get('/api/bookings/utilisation.csv').query({ month }).set(bearer(coordinator));
    expect(csv.status).toBe(200);
    const cells = csv.text.split('\r\n').map((line) => line.split(',')[1] ?? '');
    expect(csv.text).toContain(`"'=HYPERLINK(""http://evil.example""`);
    // names are trimmed on the way in; what is left of a leading tab is still neutralised
    expect(cells).toContain("'=1+1 lab");
    expect(cells.some((c) => /^"?[=+\-@\t]/.test(c))).toBe(false);
  });

  describe('F6: login throttling', () => {
    it('ignores a forged X-Forwarded-For (no proxy configured)', async () => {
      const victim = await newMember(t);
      let last = 0;
      for (let i = 0; i < 6; i++) {
        last = (
          await raw()
            .post('/api/auth/login')
            .set('X-Forwarded-For', `203.0.113.${i}`)
            .send({ email: victim.email, password: `wrong-${i}` })
        ).status;
      }
      expect(last).toBe(429);
    });

    it('slows password spraying: many accounts, one password, one address → 429 with an integer Retry-After', async () => {
      const spray = await createTestApp({ LOGIN_MAX_FAILURES_PER_ADDRESS: '8' });
      try {
        const statuses: number[] = [];
        let retryAfter: string | undefined;
        for (let i = 0; i < 12; i++) {
          const res = await request(spray.app.getHttpServer())
            .post('/api/auth/login')
            .send({ email: `person${i}@nowhere.example`, password: 'Summer2026!' });
          statuses.push(res.status);
          if (res.status === 429) retryAfter = res.headers['retry-after'] as string;
        }
        expect(statuses.slice(0, 8).every((s) => s === 401)).toBe(true);
        expect(statuses.slice(8).every((s) => s === 429)).toBe(true);
        expect(retryAfter).toMatch(/^[1-9]\d*$/);
        // a person signing in from that address meanwhile waits too (the address is what is slowed)
        expect(
          (
            await request(spray.app.getHttpServer())
              .post('/api/auth/login')
              .send({ email: 'member@klasteris.demo', password: 'klasteris-demo' })
          ).status,
        ).toBe(429);
      } finally {
        await spray.close();
      }
    });

    it('counts failures per account across addresses and releases the account when the lock passes', async () => {
      const guessed = await createTestApp({ TRUST_PROXY: 'loopback', LOGIN_MAX_FAILURES_PER_ACCOUNT: '6', LOGIN_LOCK_SECONDS: '10' });
      try {
        const victim = await newMember(guessed);
        const from = (ip: string, password: string): Promise<request.Response> =>
          request(guessed.app.getHttpServer()).post('/api/auth/login').set('X-Forwarded-For', ip).send({ email: victim.email, password });
        for (let i = 0; i < 6; i++) expect((await from(`198.51.100.${i}`, 'guess')).status).toBe(401);
        const locked = await from('198.51.100.99', victim.password);
        expect(locked.status).toBe(429);
        expect(locked.body.code).toBe('TOO_MANY_REQUESTS');
        // other accounts are not affected
        expect((await from('198.51.100.99', 'wrong')).status).toBe(429);
        expect(
          (
            await request(guessed.app.getHttpServer())
              .post('/api/auth/login')
              .send({ email: 'member@klasteris.demo', password: 'klasteris-demo' })
          ).status,
        ).toBe(200);
        // a pause, not a permanent lockout
        await guessed.connection.collection('login_failures').updateMany({}, { $set: { lockedUntil: new Date(Date.now() - 1000) } });
        expect((await from('198.51.100.99', victim.password)).status).toBe(200);
      } finally {
        await guessed.close();
      }
    });
  });

  describe('F9: login CSRF', () => {
    it('sign-in takes JSON only: a form-encoded or text/plain body answers 415 and sets no cookie', async () => {
      for (const type of ['application/x-www-form-urlencoded', 'text/plain']) {
        const res = await raw()
          .post('/api/auth/login')
          .set('Content-Type', type)
          .send('email=member%40klasteris.demo&password=klasteris-demo');
        expectErrorShape(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
        expect(res.headers['set-cookie']).toBeUndefined();
      }
    });

    it("a write from a foreign Origin is refused (403 ORIGIN_NOT_ALLOWED); the portal's own origin and non-browser clients pass", async () => {
      const foreign = await raw()
        .post('/api/auth/login')
        .set('Origin', 'https://evil.example')
        .send({ email: 'member@klasteris.demo', password: 'klasteris-demo' });
      expectErrorShape(foreign, 403, 'ORIGIN_NOT_ALLOWED');
      expect(foreign.headers['set-cookie']).toBeUndefined();
      const m = await login(t, 'member2@klasteris.demo');
      const refresh = await raw().post('/api/auth/refresh').set('Origin', 'https://evil.example').set('Cookie', m.cookie);
      expectErrorShape(refresh, 403, 'ORIGIN_NOT_ALLOWED');
      const logout = await raw().post('/api/auth/logout').set('Origin', 'null').set('Cookie', m.cookie);
      expectErrorShape(logout, 403, 'ORIGIN_NOT_ALLOWED');
      // the session survived both attempts
      expect((await raw().post('/api/auth/refresh').set('Origin', t.config.publicUrl).set('Cookie', m.cookie)).status).toBe(200);
      expect((await raw().post('/api/auth/login').send({ email: 'member@klasteris.demo', password: 'klasteris-demo' })).status).toBe(200);
    });
  });

  it('the public-write throttle answers 429 with a whole-second Retry-After that clients can read', async () => {
    const limited = await createTestApp({ PUBLIC_WRITE_RATE_PER_MINUTE: '2' });
    try {
      const statuses: number[] = [];
      let last: request.Response | null = null;
      for (let i = 0; i < 3; i++) {
        last = await request(limited.app.getHttpServer())
          .post('/api/auth/register')
          .send({ email: `rate${i}${Date.now()}@example.test`, password: 'correct horse battery', displayName: 'Rate Person' });
        statuses.push(last.status);
      }
      expect(statuses).toEqual([201, 201, 429]);
      expectErrorShape(last!, 429, 'TOO_MANY_REQUESTS');
      expect(last!.headers['retry-after']).toMatch(/^[1-9]\d*$/);
    } finally {
      await limited.close();
    }
  });

  it("headers: no HSTS over http, connect-src limited to the portal's origin", async () => {
    const res = await raw().get('/api/health');
    expect(res.headers['strict-transport-security']).toBeUndefined();
    const csp = res.headers['content-security-policy'] as string;
    const connect = /connect-src ([^;]+)/.exec(csp)?.[1] ?? '';
    expect(connect.split(' ').sort()).toEqual(["'self'", `ws://${new URL(t.config.publicUrl).host}`].sort());
  });
});
