import type { MyGroup } from '@klasteris/contracts';
import { startTestSmtp, type TestSmtp } from './support/smtp';
import { bearer, createTestApp, login, newMember, type TestApp } from './support/test-app';

type Person = Awaited<ReturnType<typeof newMember>>;

/** Working-group mails (issue 11), each read from a real SMTP server: join requests, decisions, announcements to acknowledge. */
describe('mails of working groups', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let staff: string;
  let coordinator: Person;
  let group: MyGroup;

  beforeAll(async () => {
    smtp = await startTestSmtp();
    t = await createTestApp({ SMTP_URL: smtp.url, MAIL_POLL_MS: '200' });
    staff = (await login(t, 'coordinator@klasteris.demo')).accessToken;
    coordinator = await newMember(t, { displayName: 'Gintarė Coordinator' });
    expect((await t.http.patch('/api/auth/me').set(bearer(coordinator.accessToken)).send({ language: 'lt' })).status).toBe(200);
    const res = await t.http
      .post('/api/groups')
      .set(bearer(staff))
      .send({
        name: 'Gulf data centres',
        visibility: 'request',
        description: 'Oman and beyond',
        tags: ['datacentre'],
        coordinatorIds: [coordinator.user.id],
      });
    expect(res.status).toBe(201);
    group = res.body.group as MyGroup;
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  it('a join request mails the coordinators (in their language); the decision mails the person who asked', async () => {
    const asker = await newMember(t, { displayName: 'Salim Al-Harthy' });
    expect(
      (
        await t.http
          .post(`/api/groups/${group.id}/join`)
          .set(bearer(asker.accessToken))
          .send({ message: 'We run a data centre in Muscat.' })
      ).status,
    ).toBe(200);
    const toCoordinator = await smtp.waitFor((m) => m.to.includes(coordinator.email) && m.subject.includes('Salim Al-Harthy'));
    expect(toCoordinator.subject).toBe('Salim Al-Harthy prašo priimti į grupę „Gulf data centres“');
    expect(toCoordinator.text).toContain('We run a data centre in Muscat.');
    expect(toCoordinator.link(`${t.config.publicUrl}/groups/`)).toBe(`${t.config.publicUrl}/groups/${group.id}/console`);
    expect(toCoordinator.header('List-Unsubscribe')).toMatch(/^<http/);

    const queue = await t.http.get(`/api/groups/${group.id}/requests?status=pending`).set(bearer(coordinator.accessToken));
    const requestId = queue.body.items[0].id as string;
    expect(
      (
        await t.http
          .post(`/api/groups/${group.id}/requests/${requestId}/decision`)
          .set(bearer(coordinator.accessToken))
          .send({ approve: true })
      ).status,
    ).toBe(204);
    const decided = await smtp.waitFor((m) => m.to.includes(asker.email));
    expect(decided.subject).toBe('Welcome to Gulf data centres');
    expect(decided.link(`${t.config.publicUrl}/groups/`)).toBe(`${t.config.publicUrl}/groups/${group.id}`);

    const declined = await newMember(t);
    await t.http.post(`/api/groups/${group.id}/join`).set(bearer(declined.accessToken)).send({ message: null });
    const pending = (await t.http.get(`/api/groups/${group.id}/requests?status=pending`).set(bearer(coordinator.accessToken))).body
      .items as { id: string; userId: string }[];
    const mine = pending.find((r) => r.userId === declined.user.id)!;
    await t.http
      .post(`/api/groups/${group.id}/requests/${mine.id}/decision`)
      .set(bearer(coordinator.accessToken))
      .send({ approve: false, reason: 'Only data-centre operators, for now.' });
    const no = await smtp.waitFor((m) => m.to.includes(declined.email));
    expect(no.subject).toBe('Your request to join Gulf data centres was declined');
    expect(no.text).toContain('Only data-centre operators, for now.');
  });

  it('an announcement that asks for acknowledgement mails each member a link that acknowledges without signing in, once', async () => {
    const member = await newMember(t, { displayName: 'Rūta Member' });
    const removed = await newMember(t);
    for (const p of [member, removed]) {
      await t.http.post(`/api/groups/${group.id}/join`).set(bearer(p.accessToken)).send({});
      const pending = (await t.http.get(`/api/groups/${group.id}/requests?status=pending`).set(bearer(coordinator.accessToken))).body
        .items as { id: string; userId: string }[];
      const r = pending.find((x) => x.userId === p.user.id)!;
      expect(
        (
          await t.http
            .post(`/api/groups/${group.id}/requests/${r.id}/decision`)
            .set(bearer(coordinator.accessToken))
            .send({ approve: true })
        ).status,
      ).toBe(204);
    }
    const posted = await t.http
      .post(`/api/groups/${group.id}/announcements`)
      .set(bearer(coordinator.accessToken))
      .send({ body: `**Rack move** on Friday, <@${member.user.id}> leads it.`, requireAck: true, clientMsgId: 'ack-mail-0001' });
    expect(posted.status).toBe(201);
    const announcementId = posted.body.announcement.id as string;

    const mail = await smtp.waitFor((m) => m.to.includes(member.email) && m.subject.includes('acknowledge'));
    expect(mail.subject).toBe('Gulf data centres: please acknowledge an announcement');
    expect(mail.html).toContain('<strong>Rack move</strong>');
    expect(mail.text).toContain('@Rūta Member leads it');
    expect(mail.text).not.toMatch(/<@[0-9a-f]{24}>/);
    const link = mail.link(`${t.config.publicUrl}/acknowledge?token=`);
    const token = decodeURIComponent(new URL(link).searchParams.get('token')!);

    const ack = await t.http.post('/api/announcements/acknowledge').send({ token });
    expect(ack.status).toBe(200);
    expect(ack.body).toMatchObject({ groupId: group.id, groupName: 'Gulf data centres' });
    expect((await t.http.post('/api/announcements/acknowledge').send({ token })).body.acknowledgedAt).toBe(ack.body.acknowledgedAt);
    const report = await t.http.get(`/api/groups/${group.id}/announcements/${announcementId}/acks`).set(bearer(coordinator.accessToken));
    expect(report.body.people.find((p: { userId: string }) => p.userId === member.user.id).acknowledgedAt).toBe(ack.body.acknowledgedAt);
    expect(report.body.acknowledged).toBe(1);

    // a forged or altered token, a token of another purpose, or a non-string → 400
    const [payload, mac] = token.split('.');
    const forged = Buffer.from(JSON.stringify([group.id, announcementId, removed.user.id])).toString('base64url');
    for (const bad of [`${forged}.${mac}`, `${payload}.x${mac}`, 'nonsense']) {
      const res = await t.http.post('/api/announcements/acknowledge').send({ token: bad });
      expect([res.status, res.body.code]).toEqual([400, 'MAIL_TOKEN_INVALID']);
    }
    expect((await t.http.post('/api/announcements/acknowledge').send({ token: { $ne: null } })).body.code).toBe('VALIDATION_FAILED');

    // someone removed from the group meanwhile can no longer acknowledge with their link
    const removedMail = await smtp.waitFor((m) => m.to.includes(removed.email) && m.subject.includes('acknowledge'));
    const removedToken = decodeURIComponent(
      new URL(removedMail.link(`${t.config.publicUrl}/acknowledge?token=`)).searchParams.get('token')!,
    );
    expect(
      (
        await t.http
          .post(`/api/groups/${group.id}/removals`)
          .set(bearer(coordinator.accessToken))
          .send({ userId: removed.user.id, reason: 'Left the company' })
      ).status,
    ).toBe(204);
    expect((await t.http.post('/api/announcements/acknowledge').send({ token: removedToken })).status).toBe(403);
    // the author gets no mail of their own announcement
    expect(smtp.received.some((m) => m.to.includes(coordinator.email) && m.subject.includes('acknowledge'))).toBe(false);
  });
});
