import { bearer, createTestApp, login, TestApp } from './support/test-app';

/** Bad input gets a clear 4xx with a stable code, never a 500, and nothing is written. */
describe('bad input', () => {
  let t: TestApp;
  let userCount: () => Promise<number>;
  beforeAll(async () => {
    t = await createTestApp();
    userCount = () => t.connection.collection('users').countDocuments();
  });
  afterAll(() => t.close());

  it.each([
    ['operator as email', { email: { $gt: '' }, password: 'x' }],
    ['operator as password', { email: 'member@klasteris.demo', password: { $ne: null } }],
    ['$where key', { email: 'member@klasteris.demo', password: 'x', $where: 'sleep(100)' }],
    ['nested $ key', { email: 'member@klasteris.demo', password: { nested: { $regex: '.*' } } }],
  ])('login with %s → 400 VALIDATION_FAILED', async (_name, body) => {
    const res = await t.http.post('/api/auth/login').send(body);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.details.fields.length).toBeGreaterThan(0);
  });

  it('rejects operators and brackets in query strings', async () => {
    const a = await t.http.get('/api/organisations?q[$regex]=.*');
    expect(a.status).toBe(400);
    expect(a.body.code).toBe('VALIDATION_FAILED');
    const b = await t.http.get('/api/organisations?country[$ne]=LT');
    expect(b.status).toBe(400);
  });

  it('treats a regex-looking search as plain text (no injection, no catastrophic pattern)', async () => {
    const res = await t.http.get(`/api/organisations?q=${encodeURIComponent('(a+)+$.*')}`);
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([]);
  });

  it('registration: wrong types, oversized fields and unknown fields are refused; nothing is written', async () => {
    const before = await userCount();
    const cases = [
      { email: 12, password: 'a long password', displayName: 'X Y' },
      { email: 'ok@example.test', password: 'a long password', displayName: 'x'.repeat(81) },
      { email: 'ok@example.test', password: 'a long password', displayName: 'Valid Name', roles: ['admin'] },
      { email: 'not-an-email', password: 'a long password', displayName: 'Valid Name' },
      { email: 'ok@example.test', password: 'short', displayName: 'Valid Name' },
      { email: 'ok@example.test', password: 'a long password', displayName: 'Valid Name', organisationId: 'zzz' },
      { email: 'ok@example.test', password: 'a long password', displayName: 'Valid Name', status: 'active' },
    ];
    for (const body of cases) {
      const res = await t.http.post('/api/auth/register').send(body);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    }
    expect(await userCount()).toBe(before);
  });

  it('oversized bodies → 413 PAYLOAD_TOO_LARGE', async () => {
    const res = await t.http
      .post('/api/auth/register')
      .send({ email: 'big@example.test', password: 'a long password', displayName: 'x'.repeat(2_000_000) });
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('malformed JSON → 400 BAD_REQUEST without internals', async () => {
    const res = await t.http.post('/api/auth/login').set('Content-Type', 'application/json').send('{"email": ');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('BAD_REQUEST');
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.js|SyntaxError/);
  });

  it('bad ids, limits and cursors → 400 naming the field', async () => {
    const s = await login(t, 'admin@klasteris.demo');
    const id = await t.http.get('/api/organisations/not-an-id');
    expect(id.status).toBe(400);
    expect(id.body.details.fields[0].field).toBe('id');
    const limit = await t.http.get('/api/organisations?limit=1000');
    expect(limit.status).toBe(400);
    expect(limit.body.details.fields[0].field).toBe('limit');
    const cursor = await t.http.get('/api/users?cursor=bm90LWEtY3Vyc29y').set(bearer(s.accessToken));
    expect(cursor.status).toBe(400);
    expect(cursor.body.code).toBe('VALIDATION_FAILED');
  });
});
