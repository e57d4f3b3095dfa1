import { startTestSmtp, type TestSmtp } from './support/smtp';
import { bearer, createTestApp, login, TestApp } from './support/test-app';

const application = (n: string, displayName = 'Simona Kavaliauskaitė') => ({
  organisation: {
    name: `Vilnius Data Labs ${n}`,
    type: 'company',
    country: 'lt',
    city: 'Vilnius',
    website: 'https://vdl.example',
    sectors: ['Data'],
    description: 'Data platform',
  },
  contact: { displayName, email: `contact${n}@vdl.example`, password: 'a long password', title: 'CEO' },
  motivation: 'We want to join the **data** working group <script>alert(1)</script> & bid together.',
});

/** The mails of existing flows, each read from a real SMTP server: invitations and membership applications. */
describe('mails of invitations and applications', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let coordinator: string;
  let orgAdmin: string;
  let etronikaId: string;

  beforeAll(async () => {
    smtp = await startTestSmtp();
    t = await createTestApp({ SMTP_URL: smtp.url, MAIL_FROM: 'INFOBALT ICT Cluster <portal@cluster.example>', MAIL_POLL_MS: '200' });
    coordinator = (await login(t, 'coordinator@klasteris.demo')).accessToken;
    orgAdmin = (await login(t, 'orgadmin@klasteris.demo')).accessToken;
    etronikaId = (await t.http.get('/api/organisations?q=etronika')).body.items[0].id;
    const admin = (await login(t, 'admin@klasteris.demo')).accessToken;
    expect((await t.http.patch('/api/auth/me').set(bearer(admin)).send({ language: 'lt' })).status).toBe(200);
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  it('an invitation mails its link, which opens and accepts the invitation', async () => {
    const res = await t.http
      .post(`/api/organisations/${etronikaId}/invitations`)
      .set(bearer(orgAdmin))
      .send({ email: 'Naujokas@Etronika.example', message: 'Welcome aboard <b>friend</b>!' });
    expect(res.status).toBe(201);
    const mail = await smtp.waitFor((m) => m.to.includes('naujokas@etronika.example'));
    expect(mail.from).toBe('portal@cluster.example');
    expect(mail.parsed.from?.value[0]).toEqual({ address: 'portal@cluster.example', name: 'INFOBALT ICT Cluster' });
    expect(mail.subject).toBe('Vaidas Urbonas invites you to Etronika on INFOBALT ICT Cluster');
    expect(mail.messageId).toMatch(/^<[0-9a-f]{24}\.invitation@localhost>$/);
    // essential: no unsubscribe
    expect(mail.header('List-Unsubscribe')).toBeUndefined();
    // the user's text is quoted, escaped in HTML
    expect(mail.text).toContain('> Welcome aboard <b>friend</b>!');
    expect(mail.html).toContain('Welcome aboard &#60;b&#62;friend&#60;/b&#62;!');
    expect(mail.html).not.toContain('<b>friend</b>');
    const link = mail.link(`${t.config.publicUrl}/invite/`);
    expect(link).toBe(res.body.link);
    expect(mail.html).toContain(`href="${link}"`);
    const token = link.split('/invite/')[1];
    const accepted = await t.http
      .post(`/api/invitations/${token}/accept`)
      .send({ displayName: 'Naujas Kolega', password: 'a long password' });
    expect(accepted.status).toBe(201);
    expect(accepted.body.user.email).toBe('naujokas@etronika.example');
  });

  it('refuses invitation addresses that could carry a second recipient or a header', async () => {
    for (const email of ['a@b.example, c@d.example', 'a@b.example\r\nBcc: c@d.example', '"a b"@c.example', 'a@b', '<a@b.example>']) {
      const res = await t.http.post(`/api/organisations/${etronikaId}/invitations`).set(bearer(orgAdmin)).send({ email });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.details.fields[0].field).toBe('email');
    }
  });

  it('an application mails every coordinator and admin in their language; a decision mails the applicant', async () => {
    const res = await t.http.post('/api/applications').send(application('a'));
    expect(res.status).toBe(201);
    const toCoordinator = await smtp.waitFor(
      (m) => m.to.includes('coordinator@klasteris.demo') && m.subject.includes('Vilnius Data Labs a'),
    );
    expect(toCoordinator.subject).toBe('Membership application: Vilnius Data Labs a');
    expect(toCoordinator.text).toContain(`${t.config.publicUrl}/admin/applications`);
    expect(toCoordinator.html).not.toContain('<script>');
    expect(toCoordinator.html).toContain('&#60;script&#62;');
    // non-essential: RFC 8058 one-click unsubscribe
    expect(toCoordinator.header('List-Unsubscribe')).toMatch(
      new RegExp(`^<${t.config.publicUrl}/api/mail/unsubscribe\\?token=[\\w-]+\\.[\\w-]+>$`),
    );
    expect(toCoordinator.header('List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    const toAdmin = await smtp.waitFor((m) => m.to.includes('admin@klasteris.demo') && m.subject.includes('Vilnius Data Labs a'));
    expect(toAdmin.subject).toBe('Narystės paraiška: Vilnius Data Labs a');
    expect(toAdmin.text).toMatch(/^Sveiki, Boleta Senkienė,/);

    const approved = await t.http
      .post(`/api/applications/${res.body.application.id}/approve`)
      .set(bearer(coordinator))
      .send({ reason: 'Welcome to the data group!' });
    expect(approved.status).toBe(200);
    const mail = await smtp.waitFor((m) => m.to.includes('contacta@vdl.example'));
    expect(mail.subject).toBe('Welcome to the cluster: Vilnius Data Labs a is now a member');
    expect(mail.text).toContain('> Welcome to the data group!');
    expect(mail.parsed.to).toMatchObject({ value: [{ address: 'contacta@vdl.example', name: 'Simona Kavaliauskaitė' }] });
    // the link in the mail is the organisation's page, and the applicant can now sign in
    expect(mail.link(t.config.publicUrl)).toBe(`${t.config.publicUrl}/directory/organisations/${res.body.application.organisationId}`);
    expect((await t.http.post('/api/auth/login').send({ email: 'contacta@vdl.example', password: 'a long password' })).status).toBe(200);
  });

  it('a rejection mails the reason; a name with CR/LF cannot add a header or a recipient', async () => {
    const forged = 'Eve Example\r\nBcc: victim@evil.example';
    // refused at the edge (names carry no control characters) ...
    const refused = await t.http.post('/api/applications').send(application('b', forged));
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('VALIDATION_FAILED');
    const res = await t.http.post('/api/applications').send(application('b', 'Eve Example'));
    expect(res.status).toBe(201);
    // ... and one stored before that rule (older data) still can never become a header
    await t.connection.collection('users').updateMany({ email: 'contactb@vdl.example' }, { $set: { displayName: forged } });
    await t.connection
      .collection('membership_applications')
      .updateMany({ 'contact.email': 'contactb@vdl.example' }, { $set: { 'contact.displayName': forged } });
    await t.http
      .post(`/api/applications/${res.body.application.id}/reject`)
      .set(bearer(coordinator))
      .send({ reason: 'Not an ICT company.\nApply again when you are.' });
    const mail = await smtp.waitFor((m) => m.to.includes('contactb@vdl.example'));
    expect(mail.to).toEqual(['contactb@vdl.example']);
    expect(mail.subject).toBe('Your membership application for Vilnius Data Labs b');
    expect(mail.parsed.headers.has('bcc')).toBe(false);
    expect(mail.raw).not.toMatch(/^Bcc:/im);
    expect(mail.parsed.to).toMatchObject({ value: [{ address: 'contactb@vdl.example' }] });
    expect(mail.text).toContain('> Not an ICT company.\n> Apply again when you are.');
    expect(smtp.received.some((m) => m.to.includes('victim@evil.example'))).toBe(false);
  });

  it('the same cause never queues a second mail', async () => {
    const before = await t.connection.collection('mail_outbox').countDocuments({ kind: 'application.approved' });
    const outbox = t.app.get((await import('../src/modules/mail/outbox.service')).OutboxService);
    const mail = {
      kind: 'application.approved' as const,
      key: 'same-cause',
      to: { email: 'once@vdl.example' },
      language: 'en' as const,
      data: { organisationName: 'Once Ltd', reason: null },
    };
    const [a, b] = await Promise.all([outbox.enqueue(mail), outbox.enqueue(mail)]);
    expect([a?.created, b?.created].sort()).toEqual([false, true]);
    expect(a?.id).toBe(b?.id);
    expect(await t.connection.collection('mail_outbox').countDocuments({ kind: 'application.approved' })).toBe(before + 1);
    await smtp.waitFor((m) => m.to.includes('once@vdl.example'));
    await new Promise((r) => setTimeout(r, 500));
    expect(smtp.received.filter((m) => m.to.includes('once@vdl.example'))).toHaveLength(1);
  });
});
