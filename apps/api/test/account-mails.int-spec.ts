import type { Socket } from 'socket.io-client';
import { startTestSmtp, type TestSmtp } from './support/smtp';
import { SocketPool } from './support/sockets';
import { bearer, createTestApp, login, newMember, TestApp } from './support/test-app';

/** Password reset and e-mail change, each mail read from a real SMTP server and its link followed. */
describe('account mails: password reset and e-mail change', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  const pool = new SocketPool(() => t.url);

  beforeAll(async () => {
    smtp = await startTestSmtp();
    t = await createTestApp({ SMTP_URL: smtp.url, MAIL_POLL_MS: '200' });
  });
  afterEach(() => pool.closeAll());
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  const tokenOf = (link: string): string => new URL(link).searchParams.get('token')!;

  it('mails a reset link (EN) whose token sets the password once, ends every session and drops the sockets', async () => {
    const m = await newMember(t);
    const socket: Socket = await pool.connect(m.accessToken);
    const disconnected = new Promise<void>((ok) => socket.once('disconnect', () => ok()));
    const res = await t.http.post('/api/auth/password-reset').send({ email: m.email.toUpperCase() });
    expect(res.status).toBe(202);
    const mail = await smtp.waitFor((x) => x.to.includes(m.email) && x.subject === 'Reset your password');
    expect(mail.header('List-Unsubscribe')).toBeUndefined();
    const link = mail.link(`${t.config.publicUrl}/reset-password?token=`);
    const token = tokenOf(link);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(mail.html).toContain(`href="${link}"`);

    expect((await t.http.post('/api/auth/password-reset/confirm').send({ token, password: 'short' })).body.code).toBe('VALIDATION_FAILED');
    const done = await t.http.post('/api/auth/password-reset/confirm').send({ token, password: 'a brand new password' });
    expect(done.status).toBe(204);
    await disconnected;
    const refresh = await t.http.post('/api/auth/refresh').set('Cookie', m.cookie);
    expect(refresh.status).toBe(401);
    expect((await t.http.post('/api/auth/login').send({ email: m.email, password: m.password })).status).toBe(401);
    await login(t, m.email, 'a brand new password');

    const again = await t.http.post('/api/auth/password-reset/confirm').send({ token, password: 'another new password' });
    expect(again.status).toBe(400);
    expect(again.body.code).toBe('RESET_TOKEN_USED');
  });

  it("writes in the person's language (LT)", async () => {
    const m = await newMember(t);
    expect((await t.http.patch('/api/auth/me').set(bearer(m.accessToken)).send({ language: 'lt' })).status).toBe(200);
    expect((await t.http.post('/api/auth/password-reset').send({ email: m.email })).status).toBe(202);
    const mail = await smtp.waitFor((x) => x.to.includes(m.email));
    expect(mail.subject).toBe('Slaptažodžio atkūrimas');
  });

  it('refuses tokens that are not plain strings, unknown and expired tokens, missing fields', async () => {
    const regex = await t.http.post('/api/auth/password-reset/confirm').send({ token: { $regex: '.' }, password: 'a brand new password' });
    expect(regex.status).toBe(400);
    expect(regex.body.code).toBe('VALIDATION_FAILED');
    expect(regex.body.details.fields[0].field).toMatch(/^token/);
    expect((await t.http.post('/api/auth/password-reset/confirm').send({})).body.code).toBe('VALIDATION_FAILED');
    expect((await t.http.post('/api/auth/password-reset').send({ email: { $ne: null } })).body.code).toBe('VALIDATION_FAILED');
    const unknown = await t.http.post('/api/auth/password-reset/confirm').send({ token: 'x'.repeat(43), password: 'a brand new password' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.code).toBe('RESET_TOKEN_INVALID');

    const m = await newMember(t);
    await t.http.post('/api/auth/password-reset').send({ email: m.email });
    const token = tokenOf((await smtp.waitFor((x) => x.to.includes(m.email))).link(`${t.config.publicUrl}/reset-password?token=`));
    await t.connection
      .collection('account_tokens')
      .updateMany({ kind: 'password_reset' }, { $set: { expiresAt: new Date(Date.now() - 1000) } });
    const expired = await t.http.post('/api/auth/password-reset/confirm').send({ token, password: 'a brand new password' });
    expect(expired.status).toBe(400);
    expect(expired.body.code).toBe('RESET_TOKEN_EXPIRED');
  });

  it('sends nothing for an unknown address, and at most 3 mails per address in 15 minutes, answering 202 throughout', async () => {
    expect((await t.http.post('/api/auth/password-reset').send({ email: 'nobody@nowhere.example' })).status).toBe(202);
    const m = await newMember(t);
    for (let i = 0; i < 5; i++) expect((await t.http.post('/api/auth/password-reset').send({ email: m.email })).status).toBe(202);
    await smtp.waitForCount(3, (x) => x.to.includes(m.email));
    await new Promise((r) => setTimeout(r, 1500));
    expect(smtp.received.filter((x) => x.to.includes(m.email))).toHaveLength(3);
    expect(smtp.received.filter((x) => x.to.includes('nobody@nowhere.example'))).toHaveLength(0);
  });

  it('changes the address after confirmation at the new one; the old one gets a notice', async () => {
    const m = await newMember(t);
    const newEmail = `moved${Date.now()}@example.test`;
    expect((await t.http.post('/api/users/me/email').send({ email: newEmail, password: m.password })).status).toBe(401);
    const wrong = await t.http.post('/api/users/me/email').set(bearer(m.accessToken)).send({ email: newEmail, password: 'not it' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe('WRONG_PASSWORD');
    expect(
      (await t.http.post('/api/users/me/email').set(bearer(m.accessToken)).send({ email: 'member@klasteris.demo', password: m.password }))
        .status,
    ).toBe(409);
    expect(
      (await t.http.post('/api/users/me/email').set(bearer(m.accessToken)).send({ email: 'a@b\r\nBcc: c@d.example', password: m.password }))
        .body.code,
    ).toBe('VALIDATION_FAILED');
    expect(
      (await t.http.post('/api/users/me/email').set(bearer(m.accessToken)).send({ email: newEmail, password: m.password })).status,
    ).toBe(202);
    const mail = await smtp.waitFor((x) => x.to.includes(newEmail));
    expect(mail.subject).toBe('Confirm your new e-mail address');
    const token = tokenOf(mail.link(`${t.config.publicUrl}/confirm-email?token=`));
    expect((await t.http.post('/api/auth/email-change/confirm').send({ token: { $regex: '.' } })).body.code).toBe('VALIDATION_FAILED');
    expect((await t.http.post('/api/auth/email-change/confirm').send({ token })).status).toBe(204);
    expect((await t.http.get('/api/auth/me').set(bearer(m.accessToken))).body.user.email).toBe(newEmail);
    const notice = await smtp.waitFor((x) => x.to.includes(m.email) && x.subject === 'The e-mail address of your account was changed');
    expect(notice.text).toContain(newEmail);
    await login(t, newEmail, m.password);
    const reused = await t.http.post('/api/auth/email-change/confirm').send({ token });
    expect(reused.status).toBe(400);
    expect(reused.body.code).toBe('MAIL_TOKEN_INVALID');
  });

  it('answers 429 with an integer Retry-After after too many requests from one address', async () => {
    let res = await t.http.post('/api/auth/password-reset').send({ email: 'flood@nowhere.example' });
    for (let i = 0; i < 30 && res.status === 202; i++)
      res = await t.http.post('/api/auth/password-reset').send({ email: 'flood@nowhere.example' });
    expect(res.status).toBe(429);
    expect(res.body.code).toBe('TOO_MANY_REQUESTS');
    expect(res.headers['retry-after']).toMatch(/^\d+$/);
  });
});

describe('account mails in production mode: e-mail verification at registration', () => {
  let t: TestApp;
  let smtp: TestSmtp;

  beforeAll(async () => {
    smtp = await startTestSmtp();
    t = await createTestApp({ KLASTERIS_MODE: 'production', SMTP_URL: smtp.url, MAIL_POLL_MS: '200' });
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  it('a registration mails a verification link that proves the address once; admins see it proven', async () => {
    const email = `verify${Date.now()}@example.test`;
    const reg = await t.http.post('/api/auth/register').send({ email, password: 'a long password', displayName: 'Verifying Person' });
    expect(reg.status).toBe(201);
    expect(reg.body.user).toMatchObject({ status: 'pending', emailVerified: false });
    const mail = await smtp.waitFor((m) => m.to.includes(email));
    expect(mail.header('List-Unsubscribe')).toBeUndefined();
    const token = new URL(mail.link(`${t.config.publicUrl}/verify-email?token=`)).searchParams.get('token')!;
    expect((await t.http.post('/api/auth/verify-email').send({ token: { $gt: '' } })).body.code).toBe('VALIDATION_FAILED');
    expect((await t.http.post('/api/auth/verify-email').send({ token: 'y'.repeat(43) })).body.code).toBe('MAIL_TOKEN_INVALID');
    expect((await t.http.post('/api/auth/verify-email').send({ token })).status).toBe(204);
    const again = await t.http.post('/api/auth/verify-email').send({ token });
    expect([again.status, again.body.code]).toEqual([400, 'MAIL_TOKEN_INVALID']);
    const users = await t.connection.collection('users').findOne({ email });
    expect(users?.['emailVerifiedAt']).toBeInstanceOf(Date);
  });
});
