import { randomBytes } from 'node:crypto';
import type { MyChannel } from '@klasteris/contracts';
import { startTestSmtp, type TestSmtp } from './support/smtp';
import { emitAck, sleep, SocketPool } from './support/sockets';
import { bearer, createTestApp, newMember, TestApp } from './support/test-app';

const PREFS = '/api/users/me/notification-preferences';
const cid = (): string => randomBytes(8).toString('hex');
/** DIGEST_MINUTE_MS=100: the default 15-minute delay lasts 1.5 s here */
const DELAY_MS = 1500;

type Person = Awaited<ReturnType<typeof newMember>>;

/** The offline digest of mentions and direct messages, read from a real SMTP server. */
describe('chat digest mails', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let pool: SocketPool;

  beforeAll(async () => {
    smtp = await startTestSmtp();
    t = await createTestApp({ SMTP_URL: smtp.url, MAIL_POLL_MS: '100', DIGEST_MINUTE_MS: '100', DIGEST_POLL_MS: '100' });
    pool = new SocketPool(() => t.url);
  });
  afterEach(() => pool.closeAll());
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  const dm = async (from: Person, to: Person): Promise<MyChannel> =>
    (
      await t.http
        .post('/api/channels/direct')
        .set(bearer(from.accessToken))
        .send({ userIds: [to.user.id] })
    ).body.channel as MyChannel;
  const say = async (from: Person, channelId: string, body: string): Promise<{ seq: number; createdAt: string }> => {
    const res = await t.http.post(`/api/channels/${channelId}/messages`).set(bearer(from.accessToken)).send({ clientMsgId: cid(), body });
    expect(res.status).toBe(201);
    return res.body.message;
  };
  const mailsTo = (p: Person) => smtp.received.filter((m) => m.to.includes(p.email));
  const outboxRows = (p: Person) => t.connection.collection('mail_outbox').countDocuments({ kind: 'chat.digest', toEmail: p.email });

  it('a direct message to an offline person: one digest after their delay, with the message and its link', async () => {
    const ruta = await newMember(t, { displayName: 'Rūta Sender' });
    const jonas = await newMember(t, { displayName: 'Jonas Away' });
    const ch = await dm(ruta, jonas);
    const sent = await say(ruta, ch.id, 'Can you check the **rack** plan? <script>x</script>');
    await say(ruta, ch.id, `And ping <@${ruta.user.id}> back`);
    const mail = await smtp.waitFor((m) => m.to.includes(jonas.email), 15_000);
    expect(mail.receivedAt - new Date(sent.createdAt).getTime()).toBeGreaterThanOrEqual(DELAY_MS);
    expect(mail.subject).toBe('2 unread messages for you on INFOBALT ICT Cluster');
    expect(mail.text).toContain('Direct message from Rūta Sender');
    expect(mail.text).toContain('Can you check the rack plan?');
    expect(mail.text).toContain('And ping @Rūta Sender back');
    expect(mail.html).toContain('<strong>rack</strong>');
    expect(mail.html).not.toContain('<script>');
    expect(mail.link(`${t.config.publicUrl}/chat/`)).toBe(`${t.config.publicUrl}/chat/${ch.id}?seq=${sent.seq}`);
    expect(mail.header('List-Unsubscribe')).toMatch(/\/api\/mail\/unsubscribe\?token=/);
    expect(mail.header('X-Klasteris-Kind')).toBe('chat.digest');
    // the same unread messages never make a second digest
    await sleep(DELAY_MS * 2);
    expect(mailsTo(jonas)).toHaveLength(1);
  });

  it('read on another device before the delay: no mail at all', async () => {
    const ruta = await newMember(t);
    const jonas = await newMember(t);
    const ch = await dm(ruta, jonas);
    const m = await say(ruta, ch.id, 'read me on your phone');
    const phone = await pool.connect(jonas.accessToken);
    expect((await emitAck(phone, 'channel:read', { channelId: ch.id, seq: m.seq })).ok).toBe(true);
    await sleep(DELAY_MS * 3);
    expect(mailsTo(jonas)).toHaveLength(0);
    expect(await outboxRows(jonas)).toBe(0);
  });

  it('half read: the digest reports only what is still unread', async () => {
    const ruta = await newMember(t);
    const jonas = await newMember(t);
    const ch = await dm(ruta, jonas);
    const first = await say(ruta, ch.id, 'first, read on the laptop');
    await say(ruta, ch.id, 'second, still unread');
    const laptop = await pool.connect(jonas.accessToken);
    await emitAck(laptop, 'channel:read', { channelId: ch.id, seq: first.seq });
    const mail = await smtp.waitFor((x) => x.to.includes(jonas.email), 15_000);
    expect(mail.subject).toBe('1 unread message for you on INFOBALT ICT Cluster');
    expect(mail.text).toContain('second, still unread');
    expect(mail.text).not.toContain('first, read on the laptop');
  });

  it('a muted conversation or channel sends no digest; mentions elsewhere do, in the person’s language', async () => {
    const ruta = await newMember(t);
    const jonas = await newMember(t);
    expect((await t.http.patch('/api/auth/me').set(bearer(jonas.accessToken)).send({ language: 'lt' })).status).toBe(200);
    const quiet = await dm(ruta, jonas);
    expect(
      (await t.http.patch(`/api/channels/${quiet.id}/membership`).set(bearer(jonas.accessToken)).send({ notify: 'muted' })).status,
    ).toBe(200);
    const name = `digest-${cid()}`;
    const muted = (
      await t.http
        .post('/api/channels')
        .set(bearer(ruta.accessToken))
        .send({ name: `${name}-m`, type: 'public' })
    ).body.channel as MyChannel;
    const open = (
      await t.http
        .post('/api/channels')
        .set(bearer(ruta.accessToken))
        .send({ name: `${name}-o`, type: 'public' })
    ).body.channel as MyChannel;
    for (const c of [muted, open]) await t.http.post(`/api/channels/${c.id}/join`).set(bearer(jonas.accessToken));
    await t.http.patch(`/api/channels/${muted.id}/membership`).set(bearer(jonas.accessToken)).send({ notify: 'muted' });
    await say(ruta, quiet.id, 'muted direct message');
    await say(ruta, muted.id, `muted mention <@${jonas.user.id}>`);
    await say(ruta, open.id, 'not a mention: no digest for this');
    await sleep(DELAY_MS * 3);
    expect(mailsTo(jonas)).toHaveLength(0);
    await say(ruta, open.id, `now a mention <@${jonas.user.id}>`);
    const mail = await smtp.waitFor((x) => x.to.includes(jonas.email), 15_000);
    expect(mail.subject).toBe('Neperskaitytų žinučių jums portale „INFOBALT ICT Cluster“: 1');
    expect(mail.text).toMatch(/^Sveiki, /);
    expect(mail.text).toContain(`Paminėta kanale #${name}-o`);
    expect(mail.text).toContain(`now a mention @`);
    expect(mail.text).not.toContain('muted');
    expect(mail.text).not.toContain('not a mention');
  });

  it('at most one digest per delay window, however much arrives', async () => {
    const ruta = await newMember(t);
    const jonas = await newMember(t);
    const ch = await dm(ruta, jonas);
    await say(ruta, ch.id, 'one');
    const first = await smtp.waitFor((x) => x.to.includes(jonas.email), 15_000);
    for (let i = 0; i < 5; i++) await say(ruta, ch.id, `burst ${i}`);
    const second = (await smtp.waitForCount(2, (x) => x.to.includes(jonas.email), 15_000))[1];
    expect(second.receivedAt - first.receivedAt).toBeGreaterThanOrEqual(DELAY_MS);
    // only what came after the first digest, in one mail
    expect(second.subject).toBe('5 unread messages for you on INFOBALT ICT Cluster');
    expect(second.text).not.toMatch(/^one$/m);
    await sleep(DELAY_MS * 2);
    expect(mailsTo(jonas)).toHaveLength(2);
  });

  it('quiet hours defer the digest to their end; e-mail off for direct messages sends none', async () => {
    const ruta = await newMember(t);
    const night = await newMember(t);
    const off = await newMember(t);
    // quiet from now until an hour and a half from now, in the person's zone
    const now = new Date();
    const hm = (d: Date) => d.toISOString().slice(11, 16);
    await t.http
      .put(PREFS)
      .set(bearer(night.accessToken))
      .send({
        timeZone: 'UTC',
        quietHours: { start: hm(new Date(now.getTime() - 60_000)), end: hm(new Date(now.getTime() + 90 * 60_000)) },
      });
    await t.http
      .put(PREFS)
      .set(bearer(off.accessToken))
      .send({ topics: { directMessages: 'in_app' } });
    await say(ruta, (await dm(ruta, night)).id, 'at night');
    await say(ruta, (await dm(ruta, off)).id, 'no mail please');
    await sleep(DELAY_MS * 3);
    expect(mailsTo(night)).toHaveLength(0);
    expect(mailsTo(off)).toHaveLength(0);
    const state = await t.connection
      .collection('chat_digests')
      .findOne({ userId: new (await import('mongoose')).Types.ObjectId(night.user.id) });
    const end = new Date(now.getTime() + 90 * 60_000);
    end.setUTCSeconds(0, 0);
    expect((state?.dueAt as Date).toISOString()).toBe(end.toISOString());
    expect(
      await t.connection.collection('chat_digests').countDocuments({ userId: new (await import('mongoose')).Types.ObjectId(off.user.id) }),
    ).toBe(0);
  });
});
