import { randomBytes } from 'node:crypto';
import type { MyChannel, NotificationPreferences } from '@klasteris/contracts';
import { startTestSmtp, type TestSmtp } from './support/smtp';
import { bearer, createTestApp, login, newMember, TestApp } from './support/test-app';

const PREFS = '/api/users/me/notification-preferences';
const cid = (): string => randomBytes(8).toString('hex');

/** Notification preferences, the profile's time zone, per-channel levels and the one-click unsubscribe writing the preferences. */
describe('notification preferences', () => {
  let t: TestApp;
  let smtp: TestSmtp;

  beforeAll(async () => {
    smtp = await startTestSmtp();
    t = await createTestApp({ SMTP_URL: smtp.url, MAIL_POLL_MS: '200' });
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  const fieldsOf = (body: { code: string; details?: { fields?: { field: string }[] } }): string[] => {
    expect(body.code).toBe('VALIDATION_FAILED');
    return (body.details?.fields ?? []).map((f) => f.field);
  };

  it('starts from the defaults, per person; signed-out callers are refused', async () => {
    const a = await newMember(t);
    const res = await t.http.get(PREFS).set(bearer(a.accessToken));
    expect(res.status).toBe(200);
    const p = res.body.preferences as NotificationPreferences;
    expect(p).toEqual({
      topics: {
        mentions: 'both',
        directMessages: 'both',
        applications: 'both',
        groups: 'both',
        announcements: 'both',
        bookings: 'both',
        cards: 'both',
      },
      digestDelayMinutes: 15,
      quietHours: null,
      timeZone: 'Europe/Vilnius',
    });
    expect((await t.http.get(PREFS)).status).toBe(401);
    expect((await t.http.put(PREFS).send({ digestDelayMinutes: 30 })).status).toBe(401);
    expect((await t.http.put(PREFS).set(bearer('not-a-token')).send({ digestDelayMinutes: 30 })).status).toBe(401);
  });

  it('PUT changes only what it names, for the caller only', async () => {
    const a = await newMember(t);
    const b = await newMember(t);
    const res = await t.http
      .put(PREFS)
      .set(bearer(a.accessToken))
      .send({
        topics: { mentions: 'in_app', bookings: 'off' },
        digestDelayMinutes: 30,
        quietHours: { start: '22:00', end: '07:00' },
        timeZone: 'Asia/Muscat',
      });
    expect(res.status).toBe(200);
    expect(res.body.preferences).toMatchObject({
      topics: { mentions: 'in_app', bookings: 'off', cards: 'both' },
      digestDelayMinutes: 30,
      quietHours: { start: '22:00', end: '07:00' },
      timeZone: 'Asia/Muscat',
    });
    const again = await t.http
      .put(PREFS)
      .set(bearer(a.accessToken))
      .send({ topics: { cards: 'email' }, quietHours: null });
    expect(again.body.preferences).toMatchObject({
      topics: { mentions: 'in_app', bookings: 'off', cards: 'email' },
      digestDelayMinutes: 30,
      quietHours: null,
    });
    // the time zone is the profile's
    expect((await t.http.get('/api/auth/me').set(bearer(a.accessToken))).body.user.timeZone).toBe('Asia/Muscat');
    // someone else's are untouched
    expect((await t.http.get(PREFS).set(bearer(b.accessToken))).body.preferences.topics.mentions).toBe('both');
  });

  it('refuses every bad field with a 400 naming it', async () => {
    const a = await newMember(t);
    const bad: [unknown, string][] = [
      [{ topics: { sms: 'both' } }, 'topics.sms'],
      [{ topics: { mentions: 'loud' } }, 'topics.mentions'],
      [{ topics: 'all' }, 'topics'],
      [{ topics: ['both'] }, 'topics'],
      [{ digestDelayMinutes: 1 }, 'digestDelayMinutes'],
      [{ digestDelayMinutes: 1441 }, 'digestDelayMinutes'],
      [{ digestDelayMinutes: 7.5 }, 'digestDelayMinutes'],
      [{ digestDelayMinutes: 'soon' }, 'digestDelayMinutes'],
      [{ quietHours: { start: '25:00', end: '07:00' } }, 'quietHours.start'],
      [{ quietHours: { start: '22:00' } }, 'quietHours.end'],
      [{ quietHours: { start: '22:00', end: '22:00' } }, 'quietHours.end'],
      [{ quietHours: '22-07' }, 'quietHours'],
      [{ timeZone: 'Mars/Olympus' }, 'timeZone'],
      [{ timeZone: 'Europe/Vilnius\n' }, 'timeZone'],
      [{ timeZone: 3 }, 'timeZone'],
      [{ timeZone: { $ne: null } }, 'timeZone.$ne'],
      [{ security: 'off' }, 'security'],
      [{ timeZone: null }, 'timeZone'],
      [{ digestDelayMinutes: null }, 'digestDelayMinutes'],
      [{ topics: null }, 'topics'],
      [{ topics: { mentions: null } }, 'topics.mentions'],
    ];
    for (const [body, field] of bad) {
      const res = await t.http
        .put(PREFS)
        .set(bearer(a.accessToken))
        .send(body as object);
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
      expect(fieldsOf(res.body)).toContain(field);
    }
    // nothing of it was stored
    expect((await t.http.get(PREFS).set(bearer(a.accessToken))).body.preferences.digestDelayMinutes).toBe(15);
  });

  it('the profile takes a valid IANA time zone (also at registration) and refuses others', async () => {
    const a = await newMember(t);
    expect((await t.http.patch('/api/auth/me').set(bearer(a.accessToken)).send({ timeZone: 'Europe/Riga' })).body.user.timeZone).toBe(
      'Europe/Riga',
    );
    for (const timeZone of ['Vilnius', 'Europe/Nowhere', '', 'x'.repeat(80), 12, null]) {
      const res = await t.http.patch('/api/auth/me').set(bearer(a.accessToken)).send({ timeZone });
      expect(res.status).toBe(400);
      expect(fieldsOf(res.body)).toEqual(['timeZone']);
    }
    const email = `tz${cid()}@example.test`;
    const reg = await t.http
      .post('/api/auth/register')
      .send({ email, password: 'correct horse battery', displayName: 'Zone Person', timeZone: 'Asia/Muscat' });
    expect(reg.status).toBe(201);
    expect(reg.body.user.timeZone).toBe('Asia/Muscat');
    const badReg = await t.http
      .post('/api/auth/register')
      .send({ email: `x${email}`, password: 'correct horse battery', displayName: 'Zone Person', timeZone: 'Moon/Base' });
    expect(badReg.status).toBe(400);
    expect(fieldsOf(badReg.body)).toEqual(['timeZone']);
  });

  it('a channel member sets their level; non-members get 404, bad levels 400', async () => {
    const owner = await newMember(t);
    const other = await newMember(t);
    const ch = (
      await t.http
        .post('/api/channels')
        .set(bearer(owner.accessToken))
        .send({ name: `levels-${cid()}`, type: 'private' })
    ).body.channel as MyChannel;
    expect(ch.notify).toBe('all');
    const res = await t.http.patch(`/api/channels/${ch.id}/membership`).set(bearer(owner.accessToken)).send({ notify: 'mentions' });
    expect(res.status).toBe(200);
    expect(res.body.channel).toMatchObject({ id: ch.id, notify: 'mentions', muted: false });
    const muted = await t.http.patch(`/api/channels/${ch.id}/membership`).set(bearer(owner.accessToken)).send({ notify: 'muted' });
    expect(muted.body.channel).toMatchObject({ notify: 'muted', muted: true });
    const listed = ((await t.http.get('/api/channels').set(bearer(owner.accessToken))).body.items as MyChannel[]).find(
      (c) => c.id === ch.id,
    );
    expect(listed).toMatchObject({ notify: 'muted', muted: true });
    for (const body of [{ notify: 'loud' }, {}, { notify: 'all', muted: true }]) {
      const bad = await t.http.patch(`/api/channels/${ch.id}/membership`).set(bearer(owner.accessToken)).send(body);
      expect(bad.status).toBe(400);
      expect(bad.body.code).toBe('VALIDATION_FAILED');
    }
    expect((await t.http.patch(`/api/channels/${ch.id}/membership`).set(bearer(other.accessToken)).send({ notify: 'all' })).status).toBe(
      404,
    );
    expect((await t.http.patch(`/api/channels/${ch.id}/membership`).send({ notify: 'all' })).status).toBe(401);
    expect((await t.http.patch(`/api/channels/not-an-id/membership`).set(bearer(owner.accessToken)).send({ notify: 'all' })).status).toBe(
      400,
    );
  });

  it('mentions in a muted channel, or with the in-app mention setting off, raise no notification', async () => {
    const author = await newMember(t);
    const listening = await newMember(t);
    const silent = await newMember(t);
    const mailOnly = await newMember(t);
    const ch = (
      await t.http
        .post('/api/channels')
        .set(bearer(author.accessToken))
        .send({ name: `mute-${cid()}`, type: 'public' })
    ).body.channel as MyChannel;
    for (const p of [listening, silent, mailOnly])
      expect((await t.http.post(`/api/channels/${ch.id}/join`).set(bearer(p.accessToken))).status).toBeLessThan(300);
    await t.http.patch(`/api/channels/${ch.id}/membership`).set(bearer(listening.accessToken)).send({ notify: 'mentions' });
    await t.http.patch(`/api/channels/${ch.id}/membership`).set(bearer(silent.accessToken)).send({ notify: 'muted' });
    await t.http
      .put(PREFS)
      .set(bearer(mailOnly.accessToken))
      .send({ topics: { mentions: 'email' } });
    const body = `hello <@${listening.user.id}> <@${silent.user.id}> <@${mailOnly.user.id}>`;
    expect(
      (await t.http.post(`/api/channels/${ch.id}/messages`).set(bearer(author.accessToken)).send({ clientMsgId: cid(), body })).status,
    ).toBe(201);
    const count = async (token: string) =>
      (await t.http.get('/api/notifications').set(bearer(token))).body.items.filter((n: { kind: string }) => n.kind === 'mention').length;
    expect(await count(listening.accessToken)).toBe(1);
    expect(await count(silent.accessToken)).toBe(0);
    expect(await count(mailOnly.accessToken)).toBe(0);
  });

  it('the one-click unsubscribe of a mail to an account turns that topic’s e-mail off in the preferences, which can turn it back on', async () => {
    const coordinator = await login(t, 'coordinator@klasteris.demo');
    const apply = (n: string) =>
      t.http.post('/api/applications').send({
        organisation: {
          name: `Prefs Labs ${n}`,
          type: 'company',
          country: 'lt',
          city: 'Vilnius',
          website: 'https://prefs.example',
          sectors: ['Data'],
          description: 'Data',
        },
        contact: { displayName: 'Prefs Person', email: `prefs${n}@prefs.example`, password: 'a long password', title: 'CEO' },
        motivation: 'We want to join.',
      });
    expect((await apply('a')).status).toBe(201);
    const mail = await smtp.waitFor((m) => m.to.includes('coordinator@klasteris.demo') && m.subject.includes('Prefs Labs a'));
    const link = mail.header('List-Unsubscribe')!.slice(1, -1).replace(t.config.publicUrl, t.url);
    // opening it leads a person with an account to the kind's setting
    const opened = await fetch(link, { redirect: 'manual' });
    expect(opened.status).toBe(303);
    expect(opened.headers.get('location')).toBe(`${t.config.publicUrl}/profile/notifications?kind=application.submitted`);
    const res = await fetch(link, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(res.status).toBe(200);
    // the preferences say so: e-mail off, the portal's bell kept
    expect((await t.http.get(PREFS).set(bearer(coordinator.accessToken))).body.preferences.topics.applications).toBe('in_app');
    // no suppression row: the preferences are the one source of truth for accounts
    expect(await t.connection.collection('mail_suppressions').countDocuments({ email: 'coordinator@klasteris.demo' })).toBe(0);
    expect((await apply('b')).status).toBe(201);
    await smtp.waitFor((m) => m.to.includes('admin@klasteris.demo') && m.subject.includes('Prefs Labs b'));
    const row = await t.connection
      .collection('mail_outbox')
      .findOne({ kind: 'application.submitted', toEmail: 'coordinator@klasteris.demo', subject: /Prefs Labs b/ });
    expect(row?.state).toBe('suppressed');
    const bell = (await t.http.get('/api/notifications').set(bearer(coordinator.accessToken))).body.items as { kind: string }[];
    expect(bell.some((n) => n.kind === 'application.submitted')).toBe(true);
    // turning e-mail back on in the preferences sends the next one
    await t.http
      .put(PREFS)
      .set(bearer(coordinator.accessToken))
      .send({ topics: { applications: 'both' } });
    expect((await apply('c')).status).toBe(201);
    await smtp.waitFor((m) => m.to.includes('coordinator@klasteris.demo') && m.subject.includes('Prefs Labs c'));
    // a second click when e-mail is already off changes nothing else
    await fetch(link, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    await fetch(link, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect((await t.http.get(PREFS).set(bearer(coordinator.accessToken))).body.preferences.topics.applications).toBe('in_app');
  });
});
