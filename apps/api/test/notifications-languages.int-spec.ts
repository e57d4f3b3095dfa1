import type { MyGroup, Notification } from '@klasteris/contracts';
import { boardApi } from './support/boards-helpers';
import { bookingHelpers, H, iso, mondayUtc } from './support/bookings';
import { bearer, createTestApp, login, newMember, TestApp } from './support/test-app';

/** Notifications are written from domain events, each in the language of the person who reads it. */
describe('notifications: in the reader’s language', () => {
  let t: TestApp;
  let api: ReturnType<typeof boardApi>;

  beforeAll(async () => {
    t = await createTestApp();
    api = boardApi(t);
  });
  afterAll(() => t.close());

  const inbox = async (token: string): Promise<Notification[]> =>
    (await t.http.get('/api/notifications').set(bearer(token)).expect(200)).body.items as Notification[];
  const speaks = async (token: string, language: 'en' | 'lt'): Promise<void> => {
    await t.http.patch('/api/auth/me').set(bearer(token)).send({ language }).expect(200);
  };

  it('card assignment, project membership and a mention on a card reach an LT reader in LT and an EN reader in EN', async () => {
    const owner = await newMember(t, { displayName: 'Rūta Savininkė' });
    const lt = await newMember(t, { displayName: 'Jonas Lietuvis' });
    const en = await newMember(t, { displayName: 'Jane English' });
    await speaks(lt.accessToken, 'lt');
    await speaks(en.accessToken, 'en');
    const project = await api.createProject(owner.accessToken, { name: 'Debesų rinka' });
    await api.addMember(owner.accessToken, project.id, lt.user.id, 'member');
    await api.addMember(owner.accessToken, project.id, en.user.id, 'member');
    const todo = (await api.board(owner.accessToken, project.id)).columns[0]!.id;

    // assigned on creation
    const card = await api.createCard(owner.accessToken, {
      projectId: project.id,
      columnId: todo,
      title: 'Apklausa',
      assigneeIds: [lt.user.id, en.user.id],
    });
    const ltAssigned = (await inbox(lt.accessToken)).find((n) => n.kind === 'card.assigned');
    const enAssigned = (await inbox(en.accessToken)).find((n) => n.kind === 'card.assigned');
    expect(ltAssigned).toMatchObject({
      title: 'Rūta Savininkė priskyrė jums kortelę „Apklausa“',
      body: 'Debesų rinka',
      link: `/projects/${project.id}/board?card=${card.id}`,
    });
    expect(enAssigned).toMatchObject({ title: 'Rūta Savininkė assigned you "Apklausa"', body: 'Debesų rinka' });

    // added to the project
    expect((await inbox(lt.accessToken)).find((n) => n.link === `/projects/${project.id}`)?.title).toBe(
      'Rūta Savininkė įtraukė jus į projektą „Debesų rinka“',
    );
    expect((await inbox(en.accessToken)).find((n) => n.link === `/projects/${project.id}`)?.title).toBe(
      'Rūta Savininkė added you to the project "Debesų rinka"',
    );

    // assigned by an edit: only the new assignee hears of it
    const other = await newMember(t, { displayName: 'Antanas' });
    await speaks(other.accessToken, 'lt');
    await api.addMember(owner.accessToken, project.id, other.user.id, 'member');
    await t.http
      .patch(`/api/cards/${card.id}`)
      .set(bearer(owner.accessToken))
      .send({ version: card.version, assigneeIds: [lt.user.id, en.user.id, other.user.id] })
      .expect(200);
    expect((await inbox(other.accessToken)).filter((n) => n.kind === 'card.assigned').map((n) => n.title)).toEqual([
      'Rūta Savininkė priskyrė jums kortelę „Apklausa“',
    ]);
    expect((await inbox(lt.accessToken)).filter((n) => n.kind === 'card.assigned')).toHaveLength(1);

    // a mention in a comment
    await t.http
      .post(`/api/cards/${card.id}/comments`)
      .set(bearer(owner.accessToken))
      .send({ body: '@Jonas Lietuvis, peržiūrėk' })
      .expect(201);
    const mention = (await inbox(lt.accessToken)).find((n) => n.kind === 'mention');
    expect(mention?.title).toBe('Rūta Savininkė paminėjo jus kortelėje „Apklausa“');
  });

  it('a booking request and its decision: each side reads it in their own language, the time with weekday and month in that language', async () => {
    const coordinatorLogin = await login(t, 'coordinator@klasteris.demo');
    const coordinator = coordinatorLogin.accessToken;
    const infobaltId = (await t.http.get('/api/organisations?q=infobalt')).body.items[0].id as string;
    const h = bookingHelpers(t, () => ({ token: coordinator, organisationId: infobaltId }));
    const r = await h.createResource({
      name: 'Posėdžių salė',
      timeZone: 'Europe/Vilnius',
      policy: { approval: { required: true, approvers: 'coordinator' } },
    });
    const requester = await newMember(t, { displayName: 'Eglė Prašytoja' });
    await speaks(requester.accessToken, 'lt');
    await speaks(coordinator, 'en');
    const start = mondayUtc(4) + 8 * H;
    const booked = await h.book(requester.accessToken, {
      resourceId: r.id,
      start: iso(start),
      end: iso(start + 2 * H),
      purpose: 'Strategijos dirbtuvės',
    });
    expect(booked.status).toBe(201);
    const id = booked.body.booking.id as string;

    const asked = (await inbox(coordinator)).find((n) => n.link === `/infrastructure/bookings/${id}`);
    expect(asked?.title).toBe('Eglė Prašytoja requests Posėdžių salė');
    expect(asked?.body).toMatch(/^Mon \d+ \w{3} \d{4}, 10:00–12:00 \(Europe\/Vilnius\) — Strategijos dirbtuvės$/);

    await t.http.post(`/api/bookings/${id}/approve`).set(bearer(coordinator)).send({ note: 'Gerai' }).expect(200);
    const decided = (await inbox(requester.accessToken)).find((n) => n.kind === 'booking.approved');
    expect(decided?.title).toBe('Posėdžių salė: jūsų rezervacija patvirtinta');
    expect(decided?.body).toMatch(/^\d{4}-\d\d-\d\d \(pr\), 10:00–12:00 \(Europe\/Vilnius\) — Gerai$/);
  });
  it('a working group: a join request, its decision, an invitation, a mute and an announcement, each in the reader’s language', async () => {
    const staff = (await login(t, 'coordinator@klasteris.demo')).accessToken;
    const coordLt = await newMember(t, { displayName: 'Gintarė Koordinatorė' });
    const coordEn = await newMember(t, { displayName: 'Grace Coordinator' });
    await speaks(coordLt.accessToken, 'lt');
    await speaks(coordEn.accessToken, 'en');
    const created = await t.http
      .post('/api/groups')
      .set(bearer(staff))
      .send({
        name: 'Duomenų centrai',
        visibility: 'request',
        description: 'Baltijos šalys',
        coordinatorIds: [coordLt.user.id, coordEn.user.id],
      })
      .expect(201);
    const group = created.body.group as MyGroup;
    const coordinate = coordLt.accessToken;

    // a join request: to the coordinators; its approval: to the person who asked
    const asker = await newMember(t, { displayName: 'Tomas Prašytojas' });
    await speaks(asker.accessToken, 'lt');
    await t.http.post(`/api/groups/${group.id}/join`).set(bearer(asker.accessToken)).send({ message: 'Turime duomenų centrą' }).expect(200);
    const ltAsked = (await inbox(coordLt.accessToken)).find((n) => n.kind === 'group.join_requested');
    expect(ltAsked).toMatchObject({
      title: 'Tomas Prašytojas prašo priimti į grupę „Duomenų centrai“',
      body: 'Turime duomenų centrą',
      link: `/groups/${group.id}/console`,
    });
    expect((await inbox(coordEn.accessToken)).find((n) => n.kind === 'group.join_requested')?.title).toBe(
      'Tomas Prašytojas asks to join Duomenų centrai',
    );
    const requestId = (await t.http.get(`/api/groups/${group.id}/requests?status=pending`).set(bearer(coordinate))).body.items[0]
      .id as string;
    await t.http.post(`/api/groups/${group.id}/requests/${requestId}/decision`).set(bearer(coordinate)).send({ approve: true }).expect(204);
    expect((await inbox(asker.accessToken)).find((n) => n.kind === 'group.request_decided')).toMatchObject({
      title: 'Sveiki prisijungę prie grupės „Duomenų centrai“',
      link: `/groups/${group.id}`,
    });

    // an invitation
    const invitee = await newMember(t);
    await speaks(invitee.accessToken, 'lt');
    await t.http.post(`/api/groups/${group.id}/invitations`).set(bearer(coordinate)).send({ userId: invitee.user.id }).expect(204);
    expect((await inbox(invitee.accessToken)).find((n) => n.kind === 'group.invited')?.title).toBe(
      'Gintarė Koordinatorė kviečia jus į grupę „Duomenų centrai“',
    );

    // a mute
    const muted = await t.http
      .post(`/api/groups/${group.id}/mutes`)
      .set(bearer(coordinate))
      .send({ userId: asker.user.id, durationSeconds: 600, reason: 'Per daug reklamos' })
      .expect(201);
    const until = (muted.body.mute.until as string).slice(0, 16).replace('T', ' ');
    expect((await inbox(asker.accessToken)).find((n) => n.kind === 'group.moderation')).toMatchObject({
      title: `Negalite rašyti grupėje „Duomenų centrai“ iki ${until} UTC`,
      body: 'Per daug reklamos',
    });

    // an announcement to acknowledge
    await t.http
      .post(`/api/groups/${group.id}/announcements`)
      .set(bearer(coordEn.accessToken))
      .send({ clientMsgId: 'lt-announcement-1', body: 'Susitikimas penktadienį', requireAck: true })
      .expect(201);
    expect((await inbox(asker.accessToken)).find((n) => n.kind === 'group.announcement')).toMatchObject({
      title: 'Duomenų centrai: patvirtinkite, kad perskaitėte pranešimą',
      body: 'Susitikimas penktadienį',
    });
    expect((await inbox(coordLt.accessToken)).find((n) => n.kind === 'group.announcement')?.title).toBe(
      'Duomenų centrai: patvirtinkite, kad perskaitėte pranešimą',
    );
  });

  it('an accepted invitation and a membership application reach an LT reader in LT; people who join in LT are written to in LT', async () => {
    const orgAdmin = (await login(t, 'orgadmin@klasteris.demo')).accessToken;
    await speaks(orgAdmin, 'lt');
    const etronikaId = (await t.http.get('/api/organisations?q=etronika')).body.items[0].id as string;
    const invited = await t.http
      .post(`/api/organisations/${etronikaId}/invitations`)
      .set(bearer(orgAdmin))
      .send({ email: 'kalbos@etronika.example' })
      .expect(201);
    const token = (invited.body.link as string).split('/invite/')[1];
    const joined = await t.http
      .post(`/api/invitations/${token}/accept`)
      .send({ displayName: 'Rasa Naujokė', password: 'a long password', language: 'lt' })
      .expect(201);
    expect(joined.body.user.language).toBe('lt');
    expect((await inbox(orgAdmin)).find((n) => n.kind === 'invitation.accepted')).toMatchObject({
      title: 'Rasa Naujokė priėmė jūsų kvietimą į Etronika',
      link: `/directory/organisations/${etronikaId}`,
    });

    const admin = (await login(t, 'admin@klasteris.demo')).accessToken;
    await speaks(admin, 'lt');
    const applied = await t.http
      .post('/api/applications')
      .send({
        organisation: {
          name: 'Šiaulių duomenys',
          type: 'company',
          country: 'lt',
          city: 'Šiauliai',
          sectors: ['Data'],
          description: 'Duomenų analizė',
        },
        contact: { displayName: 'Ieva Kontaktė', email: 'ieva@siauliai.example', password: 'a long password', language: 'lt' },
        motivation: 'Norime prisijungti prie duomenų darbo grupės.',
      })
      .expect(201);
    expect((await inbox(admin)).find((n) => n.kind === 'application.submitted')).toMatchObject({
      title: 'Šiaulių duomenys pateikė narystės paraišką',
      body: 'Norime prisijungti prie duomenų darbo grupės.',
      link: '/admin/applications',
    });

    // a self-registration in LT
    const registered = await t.http
      .post('/api/auth/register')
      .send({ email: 'lt@registruota.example', password: 'a long password', displayName: 'Lina Registruota', language: 'lt' })
      .expect(201);
    expect(registered.body.user.language).toBe('lt');
    const id = applied.body.application.id as string;
    await t.http.post(`/api/applications/${id}/approve`).set(bearer(admin)).send({}).expect(200);
    const contact = await login(t, 'ieva@siauliai.example', 'a long password');
    expect(contact.user.language).toBe('lt');
    expect((await inbox(contact.accessToken)).find((n) => n.kind === 'application.approved')).toMatchObject({
      title: 'Sveiki atvykę į klasterį: Šiaulių duomenys dabar yra narė',
    });
  });

  it('a mention in a channel and in a direct message reaches an LT reader in LT and an EN reader in EN', async () => {
    const author = await newMember(t, { displayName: 'Rūta Rašytoja' });
    const lt = await newMember(t, { displayName: 'Jonas Skaitytojas' });
    const en = await newMember(t, { displayName: 'Jane Reader' });
    await speaks(lt.accessToken, 'lt');
    await speaks(en.accessToken, 'en');
    const channel = (
      await t.http.post('/api/channels').set(bearer(author.accessToken)).send({ name: 'Debesu rinka', type: 'public' }).expect(201)
    ).body.channel as { id: string; name: string };
    for (const p of [lt, en])
      await t.http.post(`/api/channels/${channel.id}/members`).set(bearer(author.accessToken)).send({ userId: p.user.id }).expect(201);
    const sent = await t.http
      .post(`/api/channels/${channel.id}/messages`)
      .set(bearer(author.accessToken))
      .send({ clientMsgId: `m-${Date.now()}`, body: `<@${lt.user.id}> <@${en.user.id}> the offer is ready` })
      .expect(201);
    const link = `/chat/${channel.id}?seq=${sent.body.message.seq as number}`;
    expect((await inbox(lt.accessToken)).find((n) => n.kind === 'mention')).toMatchObject({
      title: `Rūta Rašytoja paminėjo jus kanale #${channel.name}`,
      body: '@… @… the offer is ready',
      link,
    });
    expect((await inbox(en.accessToken)).find((n) => n.kind === 'mention')).toMatchObject({
      title: `Rūta Rašytoja mentioned you in #${channel.name}`,
      link,
    });
    expect((await inbox(author.accessToken)).some((n) => n.kind === 'mention')).toBe(false);

    const dm = (
      await t.http
        .post('/api/channels/direct')
        .set(bearer(author.accessToken))
        .send({ userIds: [lt.user.id] })
        .expect(201)
    ).body.channel as { id: string };
    await t.http
      .post(`/api/channels/${dm.id}/messages`)
      .set(bearer(author.accessToken))
      .send({ clientMsgId: `d-${Date.now()}`, body: `<@${lt.user.id}> see the contract` })
      .expect(201);
    expect((await inbox(lt.accessToken)).find((n) => n.kind === 'mention' && n.link?.startsWith(`/chat/${dm.id}`))?.title).toBe(
      'Rūta Rašytoja paminėjo jus asmeninėje žinutėje',
    );
  });
});
