import { bearer, createTestApp, login, newMember, TestApp } from './support/test-app';

describe('member directory', () => {
  let t: TestApp;
  let member: string;
  beforeAll(async () => {
    t = await createTestApp();
    member = (await login(t, 'member@klasteris.demo')).accessToken;
  });
  afterAll(() => t.close());

  const names = (body: { items: { name?: string; displayName?: string }[] }) => body.items.map((i) => i.name ?? i.displayName);

  it('lists member and partner organisations publicly, not applicants', async () => {
    const res = await t.http.get('/api/organisations?limit=100');
    expect(res.status).toBe(200);
    expect(names(res.body)).toEqual(
      expect.arrayContaining([
        'Etronika',
        'Data House',
        'Duomenų centras',
        'INFOBALT',
        'Vilnius University, Faculty of Mathematics and Informatics',
      ]),
    );
    expect(names(res.body)).not.toContain('Almaty Cloud Systems');
    expect(res.body.items.find((o: { name: string }) => o.name === 'Etronika').memberCount).toBeGreaterThanOrEqual(2);
  });

  it('summarises the cluster publicly for the front page: counts, countries, a sample without applicants', async () => {
    const res = await t.http.get('/api/organisations/summary');
    expect(res.status).toBe(200);
    const all: { items: { membershipStatus: string; country: string }[] } = (await t.http.get('/api/organisations?limit=100')).body;
    expect(res.body.members).toBe(all.items.filter((o) => o.membershipStatus === 'member').length);
    expect(res.body.partners).toBe(all.items.filter((o) => o.membershipStatus === 'partner').length);
    expect(res.body.members).toBeGreaterThanOrEqual(8);
    expect(res.body.countries[0]).toBe('LT');
    expect(res.body.countries).toEqual(expect.arrayContaining(['LV', 'OM']));
    const sample = res.body.organisations as { name: string; membershipStatus: string }[];
    expect(sample.length).toBeGreaterThan(0);
    expect(sample.length).toBeLessThanOrEqual(12);
    expect(sample[0]?.membershipStatus).toBe('member');
    expect(sample.map((o) => o.name)).not.toContain('Almaty Cloud Systems');
    // a signed-in caller sees the same public figures (applicants are not counted for staff either)
    const coordinator = (await login(t, 'coordinator@klasteris.demo')).accessToken;
    expect((await t.http.get('/api/organisations/summary').set(bearer(coordinator))).body).toEqual(res.body);
  });

  it.each(['duomenu', 'DUOMENŲ', 'Duomenų Centras', 'informacine raida'])('search is case- and diacritic-insensitive: %s', async (q) => {
    const res = await t.http.get(`/api/organisations?q=${encodeURIComponent(q)}`);
    expect(res.body.items).toHaveLength(1);
  });

  it('filters by country, type and sector', async () => {
    expect(names((await t.http.get('/api/organisations?country=om')).body)).toEqual(['Muscat Digital Partners']);
    expect(names((await t.http.get('/api/organisations?type=university')).body)).toEqual([
      'Vilnius University, Faculty of Mathematics and Informatics',
    ]);
    expect(names((await t.http.get('/api/organisations?sector=data%20centre')).body).sort()).toEqual(['Data House', 'Duomenų centras']);
  });

  it('pages with an opaque cursor, without gaps or repeats', async () => {
    const all = names((await t.http.get('/api/organisations?limit=100')).body);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: { items: { name: string }[]; nextCursor: string | null } } = await t.http.get(
        `/api/organisations?limit=3${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...res.body.items.map((o) => o.name));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
  });

  it('applicants are hidden from the public and visible to coordinators', async () => {
    const coordinator = (await login(t, 'coordinator@klasteris.demo')).accessToken;
    const staff = await t.http.get('/api/organisations?membershipStatus=applicant').set(bearer(coordinator));
    expect(names(staff.body).sort()).toEqual(['Almaty Cloud Systems', 'Baku Smart Solutions']);
    const publicView = await t.http.get('/api/organisations?membershipStatus=applicant');
    expect(publicView.body.items).toEqual([]);
    const id = staff.body.items[0].id as string;
    expect((await t.http.get(`/api/organisations/${id}`)).status).toBe(404);
    expect((await t.http.get(`/api/organisations/${id}`).set(bearer(member))).status).toBe(404);
    expect((await t.http.get(`/api/organisations/${id}`).set(bearer(coordinator))).status).toBe(200);
  });

  it('people search needs a sign-in and finds by name, expertise and country', async () => {
    expect((await t.http.get('/api/people')).status).toBe(401);
    const byName = await t.http.get('/api/people?q=ruta%20kazlauskiene').set(bearer(member));
    expect(names(byName.body)).toEqual(['Rūta Kazlauskienė']);
    expect(byName.body.items[0]).toMatchObject({ organisationName: 'Etronika', country: 'LT' });
    expect(byName.body.items[0].email).toBeUndefined();
    const byExpertise = await t.http.get('/api/people?q=gpu').set(bearer(member));
    expect(names(byExpertise.body)).toEqual(['Jonas Jankauskas']);
    const byCountry = await t.http.get('/api/people?country=LV').set(bearer(member));
    expect(names(byCountry.body)).toEqual(['Andris Bērziņš']);
  });

  it('looks people up by id, former and disabled ones included, for names in old messages', async () => {
    const leaver = await newMember(t, { displayName: 'Leaving Person' });
    const admin = (await login(t, 'admin@klasteris.demo')).accessToken;
    expect(
      (
        await t.http
          .patch(`/api/users/${leaver.user.id}/status`)
          .set(bearer(admin))
          .send({ status: 'disabled', reason: 'left the cluster' })
      ).status,
    ).toBe(200);
    const jonas = (await t.http.get('/api/people?q=jonas').set(bearer(member))).body.items[0].id as string;
    const unknown = '0123456789abcdef01234567';

    const res = await t.http.get(`/api/people/lookup?ids=${jonas},${leaver.user.id},${unknown}`).set(bearer(member));
    expect(res.status).toBe(200);
    expect(names(res.body).sort()).toEqual(['Jonas Jankauskas', 'Leaving Person']);
    expect(res.body.items.find((p: { id: string }) => p.id === jonas)).toMatchObject({
      organisationName: 'Duomenų centras',
      initials: expect.any(String),
    });
    expect(res.body.items[0].email).toBeUndefined();

    expect((await t.http.get(`/api/people/lookup?ids=${jonas}`)).status).toBe(401);
    const tooMany = Array.from({ length: 101 }, (_, i) => i.toString(16).padStart(24, '0')).join(',');
    const bad = [`ids=${tooMany}`, 'ids=', 'ids=not-an-id', `ids=${jonas},${jonas}`, `ids[$ne]=x`];
    for (const query of bad) {
      const r = await t.http.get(`/api/people/lookup?${query}`).set(bearer(member));
      expect([r.status, r.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    }
  });

  it('organisation admins edit their organisation; others cannot; only coordinators change membership', async () => {
    const orgAdmin = (await login(t, 'orgadmin@klasteris.demo')).accessToken;
    const etronika = (await t.http.get('/api/organisations?q=etronika')).body.items[0];
    const dataHouse = (await t.http.get('/api/organisations?q=data%20house')).body.items[0];
    const ok = await t.http
      .patch(`/api/organisations/${etronika.id}`)
      .set(bearer(orgAdmin))
      .send({ city: 'Kaunas', sectors: ['E-banking', 'Cloud computing'] });
    expect(ok.status).toBe(200);
    expect(ok.body.organisation).toMatchObject({ city: 'Kaunas', sectors: ['E-banking', 'Cloud computing'] });
    expect((await t.http.patch(`/api/organisations/${dataHouse.id}`).set(bearer(orgAdmin)).send({ city: 'Kaunas' })).status).toBe(403);
    expect((await t.http.patch(`/api/organisations/${etronika.id}`).set(bearer(member)).send({ city: 'Kaunas' })).status).toBe(403);
    expect(
      (await t.http.patch(`/api/organisations/${etronika.id}`).set(bearer(orgAdmin)).send({ membershipStatus: 'former' })).status,
    ).toBe(403);
    const cleared = await t.http.patch(`/api/organisations/${etronika.id}`).set(bearer(orgAdmin)).send({ website: '' });
    expect(cleared.body.organisation.website).toBeNull();
    expect(
      (await t.http.patch(`/api/organisations/${etronika.id}`).set(bearer(orgAdmin)).send({ website: 'javascript:alert(1)' })).status,
    ).toBe(400);
    const renamed = await t.http.patch(`/api/organisations/${etronika.id}`).set(bearer(orgAdmin)).send({ name: 'Etronika LT' });
    expect(renamed.status).toBe(200);
    const me = await t.http.get('/api/auth/me').set(bearer(member));
    expect(me.body.user.organisationName).toBe('Etronika LT');
  });
});
