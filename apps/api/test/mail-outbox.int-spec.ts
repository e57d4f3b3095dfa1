import { startTestSmtp, type TestSmtp } from './support/smtp';
import { bearer, createTestApp, login, TestApp } from './support/test-app';
import { OutboxService } from '../src/modules/mail/outbox.service';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function until<T>(what: string, fn: () => Promise<T | null | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

/** The outbox's promises against a real SMTP server: outages, 4xx and 5xx answers, admin retry, suppression. */
describe('mail outbox', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let outbox: OutboxService;
  let admin: string;
  const mailTo = (email: string, key = email) =>
    outbox.enqueue({
      kind: 'application.rejected',
      key,
      to: { email },
      language: 'en',
      data: { organisationName: 'Outbox Ltd', reason: 'test' },
    });

  beforeAll(async () => {
    smtp = await startTestSmtp();
    t = await createTestApp({ SMTP_URL: smtp.url, MAIL_POLL_MS: '200', MAIL_RETRY_BASE_SECONDS: '1', MAIL_LEASE_SECONDS: '6' });
    outbox = t.app.get(OutboxService);
    admin = (await login(t, 'admin@klasteris.demo')).accessToken;
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  it('SMTP down for a while: every mail waits, then arrives once it is back', async () => {
    await smtp.down();
    const addresses = Array.from({ length: 12 }, (_, i) => `outage${i}@example.test`);
    for (const a of addresses) await mailTo(a);
    // they are attempted, refused (connection refused), and queued for a retry with the error kept
    const waiting = await until('retries recorded', async () => {
      const rows = await t.connection
        .collection('mail_outbox')
        .find({ toEmail: { $in: addresses } })
        .toArray();
      return rows.every((r) => r['attempts'] >= 1 && r['state'] === 'queued') ? rows : null;
    });
    expect(waiting[0]!['lastResponse']).toMatch(/ECONNREFUSED|ESOCKET|ECONNECTION/);
    const health = await t.http.get('/api/health');
    expect(health.status).toBe(200);
    expect(health.body.info.mail).toMatchObject({ status: 'up', mode: 'smtp', target: `127.0.0.1:${smtp.port}` });
    expect(health.body.info.mail.queued).toBeGreaterThanOrEqual(12);
    await sleep(1500);
    await smtp.up();
    const got = await smtp.waitForCount(12, (m) => addresses.includes(m.to[0]!), 60_000);
    await sleep(1000);
    expect(smtp.received.filter((m) => addresses.includes(m.to[0]!))).toHaveLength(12);
    expect(new Set(got.map((m) => m.messageId)).size).toBe(12);
    expect(await t.connection.collection('mail_outbox').countDocuments({ toEmail: { $in: addresses }, state: 'sent' })).toBe(12);
  });

  it('a 4xx answer is retried with backoff; a 5xx answer fails at once with the SMTP answer; an admin retries it', async () => {
    let busy = 2;
    smtp.rcptAnswer = (a) => {
      if (a === 'busy@example.test' && busy > 0) {
        busy--;
        return { code: 451, message: '4.3.0 Mailbox busy, try later' };
      }
      if (a === 'bounce@example.test') return { code: 550, message: '5.1.1 No such user here' };
      return null;
    };
    await mailTo('busy@example.test');
    const bounced = await mailTo('bounce@example.test');
    const busyMail = await smtp.waitFor((m) => m.to.includes('busy@example.test'), 30_000);
    expect(busyMail.subject).toContain('Outbox Ltd');
    const row = await t.connection.collection('mail_outbox').findOne({ toEmail: 'busy@example.test' });
    expect(row).toMatchObject({ state: 'sent', attempts: 3 });

    const failed = await until('the bounce to fail', async () => {
      const res = await t.http.get('/api/admin/mail?state=failed').set(bearer(admin));
      return res.body.items.find((m: { to: { email: string } }) => m.to.email === 'bounce@example.test');
    });
    expect(failed).toMatchObject({ id: bounced!.id, state: 'failed', attempts: 1, kind: 'application.rejected' });
    expect(failed.lastResponse).toContain('550 5.1.1 No such user here');
    const list = await t.http.get('/api/admin/mail').set(bearer(admin));
    expect(list.body.counts.failed).toBeGreaterThanOrEqual(1);
    expect(list.body.counts.sent).toBeGreaterThanOrEqual(13);
    const detail = await t.http.get(`/api/admin/mail/${bounced!.id}`).set(bearer(admin));
    expect(detail.status).toBe(200);
    expect(detail.body.mail.text).toContain('Outbox Ltd');

    // the mailbox exists now: an admin retries and it goes
    smtp.rcptAnswer = () => null;
    const retried = await t.http.post(`/api/admin/mail/${bounced!.id}/retry`).set(bearer(admin));
    expect(retried.status).toBe(200);
    expect(retried.body.mail.state).toBe('queued');
    await smtp.waitFor((m) => m.to.includes('bounce@example.test'));
    const again = await t.http.post(`/api/admin/mail/${bounced!.id}/retry`).set(bearer(admin));
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('MAIL_NOT_FAILED');
  });

  it('only admins see the outbox; bad ids and filters are 400, unknown ones 404', async () => {
    const coordinator = (await login(t, 'coordinator@klasteris.demo')).accessToken;
    expect((await t.http.get('/api/admin/mail').set(bearer(coordinator))).status).toBe(403);
    expect((await t.http.get('/api/admin/mail')).status).toBe(401);
    expect((await t.http.post('/api/admin/mail/64b7f0c2a1b2c3d4e5f60718/retry').set(bearer(coordinator))).status).toBe(403);
    const bad = await t.http.get('/api/admin/mail?state=lost').set(bearer(admin));
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect((await t.http.get('/api/admin/mail/nope').set(bearer(admin))).status).toBe(400);
    expect((await t.http.get('/api/admin/mail/64b7f0c2a1b2c3d4e5f60718').set(bearer(admin))).body.code).toBe('NOT_FOUND');
    const filtered = await t.http.get('/api/admin/mail?q=outage1&limit=2').set(bearer(admin));
    expect(filtered.body.items).toHaveLength(2);
    expect(filtered.body.nextCursor).toEqual(expect.any(String));
    const next = await t.http.get(`/api/admin/mail?q=outage1&limit=2&cursor=${filtered.body.nextCursor}`).set(bearer(admin));
    expect(next.body.items.map((m: { to: { email: string } }) => m.to.email)).toEqual(['outage1@example.test']);
  });

  it('an invalid address is recorded as failed without being attempted', async () => {
    const r = await outbox.enqueue({
      kind: 'application.rejected',
      key: 'x',
      to: { email: 'not an address' },
      language: 'en',
      data: { organisationName: 'X', reason: null },
    });
    expect(r).toMatchObject({ created: true, state: 'failed' });
    const row = await t.connection.collection('mail_outbox').findOne({ key: /^application\.rejected:x:/ });
    expect(row).toMatchObject({ attempts: 0, state: 'failed' });
  });

  it('one-click unsubscribe (RFC 8058) stops that kind to that address, and only that kind', async () => {
    const first = await outbox.enqueue({
      kind: 'application.submitted',
      key: 'u1',
      to: { email: 'reviewer@example.test', name: 'Reviewer' },
      language: 'lt',
      data: { organisationName: 'Unsub Ltd', country: 'LT', contactName: 'A', contactEmail: 'a@unsub.example', motivation: 'm' },
    });
    const mail = await smtp.waitFor((m) => m.to.includes('reviewer@example.test'));
    expect(mail.text).toContain('Nebegauti tokių laiškų: ');
    const link = mail.header('List-Unsubscribe')!.slice(1, -1);
    expect(link.startsWith(`${t.config.publicUrl}/api/mail/unsubscribe?token=`)).toBe(true);
    const url = link.replace(t.config.publicUrl, t.url);
    // opening the link does not unsubscribe; it shows a page with a button
    const page = await fetch(url, { redirect: 'manual' });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('reviewer@example.test');
    // what mail clients do
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(res.status).toBe(200);
    const second = await outbox.enqueue({
      kind: 'application.submitted',
      key: 'u2',
      to: { email: 'reviewer@example.test' },
      language: 'en',
      data: { organisationName: 'Unsub Two', country: 'LT', contactName: 'A', contactEmail: 'a@unsub.example', motivation: 'm' },
    });
    expect(second?.state).toBe('suppressed');
    expect(first?.state).toBe('queued');
    // essential mails still go
    await mailTo('reviewer@example.test', 'essential');
    await smtp.waitFor((m) => m.to.includes('reviewer@example.test') && m.subject.includes('Outbox Ltd'));
    const forged = await fetch(url.replace(/token=[^.]+/, 'token=eyJmb3JnZWQiOjF9'), { method: 'POST' });
    expect(forged.status).toBe(400);
    expect(((await forged.json()) as { code: string }).code).toBe('MAIL_TOKEN_INVALID');
  });
});
