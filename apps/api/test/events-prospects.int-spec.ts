import type { ApplicationReport, EventProspect, EventProspectsResponse } from '@klasteris/contracts';
import { eventHelpers } from './support/events';
import { startTestSmtp, type TestSmtp } from './support/smtp';
import { sleep } from './support/sockets';
import { bearer, createTestApp, login, newMember, TestApp } from './support/test-app';

/**
 * Issue 12, item 4: an event's organisers turn a prospect into an invitation to apply for
 * membership (a mail with a link to the apply page, prefilled); the application submitted from it
 * keeps the event as its source; a report counts applications by source event and by country.
 */
describe('events: prospects invited to apply for membership; the report by source event and country', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let ev: ReturnType<typeof eventHelpers>;
  let coordinator: string;
  let member: string;
  /** the report before this suite's applications (the demo data has a few of its own) */
  let baseline: ApplicationReport;

  const register = (id: string, p: { name: string; email: string; organisation: string; country: string; language?: string }) =>
    t.http.post(`/api/public/events/${id}/registrations`).send(p);
  const prospects = async (id: string, token = coordinator): Promise<EventProspect[]> => {
    const res = await t.http.get(`/api/events/${id}/prospects`).set(bearer(token));
    expect(res.status).toBe(200);
    return (res.body as EventProspectsResponse).items;
  };
  const invite = (id: string, registrationId: string, body: Record<string, unknown> = {}, token = coordinator) =>
    t.http.post(`/api/events/${id}/prospects/${registrationId}/invite`).set(bearer(token)).send(body);
  const publicEvent = (title: string, over: Record<string, unknown> = {}) =>
    ev.created(coordinator, {
      title,
      kind: 'presentation',
      visibility: 'public',
      timeZone: 'Asia/Almaty',
      venue: { address: 'Al-Farabi Ave 77', city: 'Almaty', country: 'KZ' },
      ...over,
    });
  const application = (email: string, org: string, invitation?: string, country = 'KZ') => ({
    organisation: { name: org, type: 'company', country, city: 'Almaty' },
    contact: { displayName: 'Aigerim Nurlanova', email, password: 'a long password' },
    motivation: 'We met the cluster in Almaty and want to build cloud projects together.',
    ...(invitation ? { invitation } : {}),
  });
  const tokenOf = (link: string): string => new URL(link).searchParams.get('invitation')!;
  const invitations = () => t.connection.collection('apply_invitations').countDocuments();

  beforeAll(async () => {
    smtp = await startTestSmtp();
    t = await createTestApp({ SMTP_URL: smtp.url });
    ev = eventHelpers(t);
    coordinator = (await login(t, 'coordinator@klasteris.demo')).accessToken;
    member = (await login(t, 'member@klasteris.demo')).accessToken;
    baseline = (await t.http.get('/api/applications/report').set(bearer(coordinator))).body as ApplicationReport;
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  it('the organiser invites a prospect: a mail in their language with a link to the apply page; the application keeps the event as its source', async () => {
    const e = await publicEvent('Cluster presentation in Almaty');
    const reg = await register(e.id, {
      name: 'Aigerim Nurlanova',
      email: 'Aigerim@AlmatyCloud.example',
      organisation: 'Almaty Cloud',
      country: 'KZ',
      language: 'lt',
    });
    expect(reg.status).toBe(201);
    const registrationId = reg.body.registration.id as string;

    const listed = await t.http.get(`/api/events/${e.id}/prospects`).set(bearer(coordinator));
    expect(listed.body.items).toEqual([
      {
        id: registrationId,
        name: 'Aigerim Nurlanova',
        organisationName: 'Almaty Cloud',
        country: 'KZ',
        status: 'going',
        registeredAt: expect.any(String),
        state: 'new',
        invitation: null,
      },
    ]);
    expect(JSON.stringify(listed.body)).not.toContain('almatycloud.example'); // the e-mail is not shown

    const res = await invite(e.id, registrationId, { message: 'It was good to meet you in Almaty.' });
    expect(res.status).toBe(200);
    expect(res.body.prospect).toMatchObject({
      id: registrationId,
      state: 'invited',
      invitation: {
        eventId: e.id,
        eventTitle: 'Cluster presentation in Almaty',
        invitedByName: expect.any(String),
        applicationStatus: null,
      },
    });
    const days = (Date.parse(res.body.prospect.invitation.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThan(30.1);

    const mail = await smtp.waitFor(
      (m) => m.to.includes('aigerim@almatycloud.example') && m.header('x-klasteris-kind') === 'application.invitation',
    );
    expect(mail.subject).toMatch(/^Kvietimas teikti paraišką/);
    expect(mail.text).toContain('Cluster presentation in Almaty');
    expect(mail.text).toContain('It was good to meet you in Almaty.');
    const token = tokenOf(mail.link(`${t.config.publicUrl}/apply?invitation=`));
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    // the apply page prefills from the link (no sign-in)
    const preview = await t.http.get(`/api/applications/invitations/${token}`);
    expect(preview.status).toBe(200);
    expect(preview.body.invitation).toEqual({
      name: 'Aigerim Nurlanova',
      email: 'aigerim@almatycloud.example',
      organisation: 'Almaty Cloud',
      country: 'KZ',
      source: { eventId: e.id, eventTitle: 'Cluster presentation in Almaty' },
      invitedByName: expect.any(String),
      message: 'It was good to meet you in Almaty.',
      expiresAt: res.body.prospect.invitation.expiresAt,
    });

    // a second invitation: 409, nothing sent
    const again = await invite(e.id, registrationId);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'ALREADY_INVITED', details: { state: 'invited', eventId: e.id } });
    expect(await invitations()).toBe(1);

    // the application through the link records the event as its source
    const applied = await t.http.post('/api/applications').send(application('aigerim@almatycloud.example', 'Almaty Cloud', token));
    expect(applied.status).toBe(201);
    expect(applied.body.application).toMatchObject({
      status: 'pending',
      organisation: { name: 'Almaty Cloud', country: 'KZ' },
      source: { eventId: e.id, eventTitle: 'Cluster presentation in Almaty' },
    });
    const stored = await t.http.get(`/api/applications/${applied.body.application.id}`).set(bearer(coordinator));
    expect(stored.body.application.source).toEqual({ eventId: e.id, eventTitle: 'Cluster presentation in Almaty' });

    // the link is used up; the prospect shows as applied
    const usedPreview = await t.http.get(`/api/applications/invitations/${token}`);
    expect(usedPreview.status).toBe(410);
    expect(usedPreview.body.code).toBe('INVITATION_USED');
    const twice = await t.http.post('/api/applications').send(application('other@almatycloud.example', 'Almaty Cloud Two', token));
    expect(twice.status).toBe(410);
    expect(twice.body.code).toBe('INVITATION_USED');
    expect((await prospects(e.id))[0]).toMatchObject({ state: 'applied', invitation: { applicationStatus: 'pending' } });
    const afterApplying = await invite(e.id, registrationId);
    expect(afterApplying.status).toBe(409);
    expect(afterApplying.body.code).toBe('ALREADY_MEMBER');

    // applications without an invitation have no source
    const direct = await t.http.post('/api/applications').send(application('direct@example.test', 'Direct Applicants'));
    expect(direct.status).toBe(201);
    expect(direct.body.application.source).toBeNull();
  });

  it('who may see and invite: organisers only (403 for a member who sees the event, 404 when not visible, 401 without a token)', async () => {
    const e = await publicEvent('Cluster presentation in Muscat', { timeZone: 'Asia/Muscat' });
    const reg = await register(e.id, {
      name: 'Fatma Al-Balushi',
      email: 'fatma@muscat.example',
      organisation: 'Muscat Cloud',
      country: 'OM',
    });
    const rid = reg.body.registration.id as string;
    const draft = await publicEvent('Draft presentation', { publish: false });
    const outsider = await newMember(t);

    expect((await t.http.get(`/api/events/${e.id}/prospects`).set(bearer(member))).body.code).toBe('FORBIDDEN');
    const forbidden = await invite(e.id, rid, {}, member);
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.code).toBe('FORBIDDEN');
    expect((await invite(draft.id, rid, {}, outsider.accessToken)).status).toBe(404);
    expect((await t.http.get(`/api/events/${draft.id}/prospects`).set(bearer(outsider.accessToken))).status).toBe(404);
    expect((await invite('0123456789abcdef01234567', rid)).status).toBe(404);
    expect((await t.http.get(`/api/events/${e.id}/prospects`)).status).toBe(401);
    expect((await t.http.post(`/api/events/${e.id}/prospects/${rid}/invite`).send({})).status).toBe(401);
    expect(await invitations()).toBe(1); // only the first test's
    await sleep(200);
    expect(
      smtp.received.some((m) => m.to.includes('fatma@muscat.example') && m.header('x-klasteris-kind') === 'application.invitation'),
    ).toBe(false);
  });

  it('bad input: 400 with a stable code for malformed ids, an oversized note and a malformed token; 404 for unknown prospects; nothing written', async () => {
    const e = await publicEvent('Cluster presentation in Baku', { timeZone: 'Asia/Baku' });
    const other = await publicEvent('Another presentation');
    const reg = await register(e.id, { name: 'Elvin Mammadov', email: 'elvin@baku.example', organisation: 'Baku Smart', country: 'AZ' });
    const rid = reg.body.registration.id as string;
    const memberRsvp = await ev.rsvp(member, e.id, 'going');
    expect(memberRsvp.status).toBe(200);
    const memberRow = (await t.http.get(`/api/events/${e.id}/attendees`).set(bearer(coordinator))).body.items.find(
      (a: { kind: string }) => a.kind === 'member',
    ) as { id: string };

    const before = await invitations();
    const bad = await invite(e.id, 'not-an-id');
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    const long = await invite(e.id, rid, { message: 'x'.repeat(501) });
    expect(long.status).toBe(400);
    expect(long.body).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [expect.objectContaining({ field: 'message' })] } });
    const unknownField = await invite(e.id, rid, { email: 'someone@else.example' });
    expect(unknownField.status).toBe(400);
    expect((await invite(e.id, '0123456789abcdef01234567')).status).toBe(404);
    expect((await invite(other.id, rid)).status).toBe(404); // a registration of another event
    expect((await invite(e.id, memberRow.id)).status).toBe(404); // a member is not a prospect
    expect(await invitations()).toBe(before);

    // the apply form's invitation: malformed → 400, unknown → 404, both before anything is written
    const orgs = await t.connection.collection('organisations').countDocuments();
    const users = await t.connection.collection('users').countDocuments();
    const malformed = await t.http.post('/api/applications').send(application('x1@baku.example', 'Baku One', 'short'));
    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toBe('VALIDATION_FAILED');
    const unknown = await t.http.post('/api/applications').send(application('x2@baku.example', 'Baku Two', 'x'.repeat(43)));
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('INVITATION_INVALID');
    expect((await t.http.get(`/api/applications/invitations/${'x'.repeat(43)}`)).body.code).toBe('INVITATION_INVALID');
    expect((await t.http.get('/api/applications/invitations/short')).status).toBe(404);
    expect(await t.connection.collection('organisations').countDocuments()).toBe(orgs);
    expect(await t.connection.collection('users').countDocuments()).toBe(users);
  });

  it('a prospect with an account is 409 ALREADY_MEMBER; an expired invitation is 410 and may be sent again (the old link then is invalid)', async () => {
    const e = await publicEvent('Cluster presentation in Tashkent', { timeZone: 'Asia/Tashkent' });
    const known = await register(e.id, { name: 'Known Member', email: 'member@klasteris.demo', organisation: 'Demo', country: 'LT' });
    const asMember = await invite(e.id, known.body.registration.id);
    expect(asMember.status).toBe(409);
    expect(asMember.body.code).toBe('ALREADY_MEMBER');
    expect((await prospects(e.id)).find((p) => p.name === 'Known Member')!.state).toBe('member');

    const reg = await register(e.id, {
      name: 'Dilnoza Karimova',
      email: 'dilnoza@tashkent.example',
      organisation: 'Tashkent IT',
      country: 'UZ',
    });
    const rid = reg.body.registration.id as string;
    expect((await invite(e.id, rid)).status).toBe(200);
    const first = await smtp.waitFor(
      (m) => m.to.includes('dilnoza@tashkent.example') && m.header('x-klasteris-kind') === 'application.invitation',
    );
    expect(first.subject).toMatch(/^An invitation to apply for membership/);
    const oldToken = tokenOf(first.link(`${t.config.publicUrl}/apply?invitation=`));
    await t.connection
      .collection('apply_invitations')
      .updateOne({ email: 'dilnoza@tashkent.example' }, { $set: { expiresAt: new Date(Date.now() - 1000) } });

    const gone = await t.http.get(`/api/applications/invitations/${oldToken}`);
    expect(gone.status).toBe(410);
    expect(gone.body.code).toBe('INVITATION_EXPIRED');
    const orgs = await t.connection.collection('organisations').countDocuments();
    const late = await t.http.post('/api/applications').send(application('dilnoza@tashkent.example', 'Tashkent IT', oldToken));
    expect(late.status).toBe(410);
    expect(late.body.code).toBe('INVITATION_EXPIRED');
    expect(await t.connection.collection('organisations').countDocuments()).toBe(orgs);
    expect((await prospects(e.id)).find((p) => p.id === rid)!.state).toBe('expired');

    const renewed = await invite(e.id, rid);
    expect(renewed.status).toBe(200);
    expect(renewed.body.prospect.state).toBe('invited');
    const mails = await smtp.waitForCount(
      2,
      (m) => m.to.includes('dilnoza@tashkent.example') && m.header('x-klasteris-kind') === 'application.invitation',
    );
    const newToken = tokenOf(mails[1]!.link(`${t.config.publicUrl}/apply?invitation=`));
    expect(newToken).not.toBe(oldToken);
    expect((await t.http.get(`/api/applications/invitations/${oldToken}`)).status).toBe(404);
    expect((await t.http.get(`/api/applications/invitations/${newToken}`)).status).toBe(200);
  });

  it('two submissions through one link at once: exactly one application, the other 410; the loser writes nothing', async () => {
    const e = await publicEvent('Cluster presentation in Tbilisi', { timeZone: 'Asia/Tbilisi' });
    const reg = await register(e.id, { name: 'Nino Beridze', email: 'nino@tbilisi.example', organisation: 'Tbilisi Cloud', country: 'GE' });
    await invite(e.id, reg.body.registration.id);
    const mail = await smtp.waitFor(
      (m) => m.to.includes('nino@tbilisi.example') && m.header('x-klasteris-kind') === 'application.invitation',
    );
    const token = tokenOf(mail.link(`${t.config.publicUrl}/apply?invitation=`));
    const orgs = await t.connection.collection('organisations').countDocuments();
    const results = await Promise.all([
      t.http.post('/api/applications').send(application('nino@tbilisi.example', 'Tbilisi Cloud', token, 'GE')),
      t.http.post('/api/applications').send(application('nino2@tbilisi.example', 'Tbilisi Cloud Two', token, 'GE')),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 410]);
    expect(await t.connection.collection('organisations').countDocuments()).toBe(orgs + 1);
    expect(
      await t.connection
        .collection('membership_applications')
        .countDocuments({ 'source.eventId': { $exists: true }, 'organisation.country': 'GE' }),
    ).toBe(1);
  });

  it('the report: applications by source event (with invitations sent) and by country, coordinators and admins only', async () => {
    const res = await t.http.get('/api/applications/report').set(bearer(coordinator));
    expect(res.status).toBe(200);
    const r = res.body as ApplicationReport;
    const almaty = r.bySource.find((s) => s.eventTitle === 'Cluster presentation in Almaty')!;
    expect(almaty).toMatchObject({ invited: 1, applications: 1, pending: 1, approved: 0, rejected: 0, eventId: expect.any(String) });
    expect(r.bySource.find((s) => s.eventTitle === 'Cluster presentation in Tashkent')).toMatchObject({ invited: 1, applications: 0 });
    expect(r.bySource.find((s) => s.eventTitle === 'Cluster presentation in Tbilisi')).toMatchObject({ invited: 1, applications: 1 });
    const direct = r.bySource[r.bySource.length - 1]!;
    expect(direct).toMatchObject({ eventId: null, eventTitle: null, invited: 0 });
    expect(direct.applications).toBeGreaterThanOrEqual(1);
    const kz = (x: ApplicationReport) => x.byCountry.find((c) => c.country === 'KZ')?.applications ?? 0;
    expect(kz(r) - kz(baseline)).toBe(2); // Almaty Cloud and Direct Applicants
    expect(r.byCountry.find((c) => c.country === 'GE')).toMatchObject({ applications: 1, pending: 1 });
    expect(r.totals.applications - baseline.totals.applications).toBe(3);
    expect(r.totals.applications).toBe(r.byCountry.reduce((n, c) => n + c.applications, 0));
    expect(r.totals.invited).toBe(3);
    expect(r.byCountry.map((c) => c.applications)).toEqual([...r.byCountry.map((c) => c.applications)].sort((a, b) => b - a));

    // a decision moves the counts
    const list = await t.http.get('/api/applications?status=pending&limit=100').set(bearer(coordinator));
    const fromAlmaty = (list.body.items as { id: string; source: { eventId: string } | null }[]).find(
      (a) => a.source?.eventId === almaty.eventId,
    )!;
    expect((await t.http.post(`/api/applications/${fromAlmaty.id}/approve`).set(bearer(coordinator)).send({})).status).toBe(200);
    const after = (await t.http.get('/api/applications/report').set(bearer(coordinator))).body as ApplicationReport;
    expect(after.bySource.find((s) => s.eventId === almaty.eventId)).toMatchObject({ applications: 1, pending: 0, approved: 1 });

    expect((await t.http.get('/api/applications/report').set(bearer(member))).status).toBe(403);
    expect((await t.http.get('/api/applications/report')).status).toBe(401);
  });
  it("the offer mail's confirm link: confirmed, then already confirmed; a hold that ended is expired (a free place, else the line); unknown 404, malformed 400", async () => {
    const e = await publicEvent('One seat in Almaty', { capacity: 1 });
    const a = await register(e.id, { name: 'First Person', email: 'first@seat.example', organisation: 'Seat One', country: 'KZ' });
    await register(e.id, { name: 'Second Person', email: 'second@seat.example', organisation: 'Seat Two', country: 'KZ' });
    await register(e.id, { name: 'Third Person', email: 'third@seat.example', organisation: 'Seat Three', country: 'KZ' });
    expect(a.body.registration.status).toBe('going');
    const cancelToken = (await smtp.waitFor((m) => m.to.includes('first@seat.example'))).link(
      `${t.config.publicUrl}/visit/events/${e.id}/cancel?token=`,
    );
    expect(
      (await t.http.post('/api/public/events/registrations/cancel').send({ token: new URL(cancelToken).searchParams.get('token') })).status,
    ).toBe(204);

    const offer = await smtp.waitFor((m) => m.to.includes('second@seat.example') && m.header('x-klasteris-kind') === 'event.offer');
    const token = new URL(offer.link(`${t.config.publicUrl}/visit/events/${e.id}/confirm?token=`)).searchParams.get('token')!;
    const confirm = (tk: string) => t.http.post('/api/public/events/registrations/confirm').send({ token: tk });
    const first = await confirm(token);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ registration: { id: expect.any(String), eventId: e.id, status: 'going' }, outcome: 'confirmed' });
    expect((await confirm(token)).body).toMatchObject({ registration: { status: 'going' }, outcome: 'already_confirmed' });

    // the second person gives the place up: the third is offered it, lets the hold run out, then clicks confirm
    expect((await t.http.post('/api/public/events/registrations/cancel').send({ token })).status).toBe(204);
    const offer3 = await smtp.waitFor((m) => m.to.includes('third@seat.example') && m.header('x-klasteris-kind') === 'event.offer');
    const token3 = new URL(offer3.link(`${t.config.publicUrl}/visit/events/${e.id}/confirm?token=`)).searchParams.get('token')!;
    await t.connection
      .collection('event_attendance')
      .updateOne(
        { eventId: new (await import('mongoose')).Types.ObjectId(e.id), email: 'third@seat.example' },
        { $set: { offerExpiresAt: new Date(Date.now() - 1000) } },
      );
    const late = await confirm(token3);
    expect(late.status).toBe(200);
    expect(late.body).toMatchObject({ registration: { status: 'going' }, outcome: 'expired' }); // the place was still free
    // a member takes nothing away: the second person asking again through the old link queues behind nobody — the event is full
    const full = await confirm(token);
    expect(full.body).toMatchObject({ registration: { status: 'waitlisted', position: 1 }, outcome: 'expired' });

    expect((await confirm('x'.repeat(43))).status).toBe(404);
    const malformed = await confirm('short');
    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toBe('VALIDATION_FAILED');
  });
});
