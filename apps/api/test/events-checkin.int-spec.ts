import type { AttendeesResponse } from '@klasteris/contracts';
import { eventHelpers } from './support/events';
import { bearer, createTestApp, login, newMember, TestApp } from './support/test-app';

describe('events: check-in at the event — organisers mark members and prospects, search the list, reports and CSV count check-ins', () => {
  let t: TestApp;
  let ev: ReturnType<typeof eventHelpers>;
  let coordinator: string;
  let member: string;
  let member2: string;
  let salim: string;
  let groupId: string;

  const list = async (id: string, q?: string): Promise<AttendeesResponse> => {
    const res = await t.http
      .get(`/api/events/${id}/attendees`)
      .query(q === undefined ? {} : { q })
      .set(bearer(coordinator));
    expect(res.status).toBe(200);
    return res.body as AttendeesResponse;
  };
  const checkIn = (token: string, id: string, attendeeId: string, body: unknown) =>
    t.http
      .post(`/api/events/${id}/attendees/${attendeeId}/check-in`)
      .set(bearer(token))
      .send(body as object);

  beforeAll(async () => {
    t = await createTestApp();
    ev = eventHelpers(t);
    coordinator = (await login(t, 'coordinator@klasteris.demo')).accessToken;
    member = (await login(t, 'member@klasteris.demo')).accessToken;
    member2 = (await login(t, 'member2@klasteris.demo')).accessToken;
    salim = (await login(t, 'salim@klasteris.demo')).accessToken;
    const groups = await t.http.get('/api/groups').query({ q: 'Middle East' }).set(bearer(coordinator));
    groupId = (groups.body.items as { id: string; name: string }[]).find((g) => g.name === 'Middle East market entry')!.id;
  });
  afterAll(() => t.close());

  it('marks present and absent, searches, counts check-ins per organisation and country, exports them (formula cells neutralised)', async () => {
    const e = await ev.created(coordinator, { title: 'Baku presentation', visibility: 'public' });
    await ev.rsvp(member, e.id, 'going');
    await ev.rsvp(member2, e.id, 'going');
    const reg = (body: Record<string, string>) => t.http.post(`/api/public/events/${e.id}/registrations`).send(body);
    expect((await reg({ name: 'Leyla Aliyeva', email: 'leyla@azercell.example', organisation: 'Azercell', country: 'AZ' })).status).toBe(
      201,
    );
    expect((await reg({ name: '=cmd|calc', email: 'evil@x.example', organisation: '@SUM(1)', country: 'AZ' })).status).toBe(201);

    const all = await list(e.id);
    expect(all.items).toHaveLength(4);
    expect(all.items.every((a) => a.checkedIn === null)).toBe(true);
    expect(all.checkIns).toEqual({ present: 0, absent: 0 });

    const leyla = all.items.find((a) => a.name === 'Leyla Aliyeva')!;
    const mine = all.items.find((a) => a.organisationName === 'Etronika')!;
    const other = all.items.find((a) => a.organisationName === 'Data House')!;
    const marked = await checkIn(coordinator, e.id, leyla.id, { present: true });
    expect(marked.status).toBe(200);
    expect(marked.body.attendee).toMatchObject({ id: leyla.id, kind: 'prospect', checkedIn: true, checkedInAt: expect.any(String) });
    expect((await checkIn(coordinator, e.id, mine.id, { present: true })).status).toBe(200);
    expect((await checkIn(coordinator, e.id, other.id, { present: false })).body.attendee.checkedIn).toBe(false);

    const after = await list(e.id);
    expect(after.checkIns).toEqual({ present: 2, absent: 1 });
    expect(after.byCountry).toEqual(
      expect.arrayContaining([
        { key: 'AZ', going: 2, present: 1 },
        { key: 'LT', going: 2, present: 1 },
      ]),
    );
    expect(after.byOrganisation).toEqual(
      expect.arrayContaining([
        { key: 'Azercell', going: 1, present: 1 },
        { key: 'Etronika', going: 1, present: 1 },
        { key: 'Data House', going: 1, present: 0 },
      ]),
    );

    // search: by name, organisation, country or e-mail; counts stay whole
    expect((await list(e.id, 'leyla')).items.map((a) => a.name)).toEqual(['Leyla Aliyeva']);
    expect((await list(e.id, 'AZERCELL')).items.map((a) => a.id)).toEqual([leyla.id]);
    expect((await list(e.id, 'evil@x.example')).items.map((a) => a.organisationName)).toEqual(['@SUM(1)']); // by e-mail
    const none = await list(e.id, 'nobody-like-this');
    expect(none.items).toEqual([]);
    expect(none.counts.going).toBe(4);
    expect(
      (
        await t.http
          .get(`/api/events/${e.id}/attendees`)
          .query({ q: 'x'.repeat(101) })
          .set(bearer(coordinator))
      ).status,
    ).toBe(400);

    const csv = await t.http.get(`/api/events/${e.id}/attendees.csv`).set(bearer(coordinator));
    expect(csv.status).toBe(200);
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe('name,kind,organisation,country,status,position,respondedAt,checkedIn');
    expect(lines.find((l) => l.startsWith('Leyla Aliyeva'))!.endsWith(',present')).toBe(true);
    expect(lines.find((l) => l.includes('Data House'))!.endsWith(',absent')).toBe(true);
    expect(lines.find((l) => l.includes('calc'))).toMatch(/^'=cmd\|calc,prospect,'@SUM\(1\),AZ,going,,[^,]+,$/);
  });

  it('denials and bad input: members who see the event 403, non-members of a group event 404, unknown attendee 404, cancelled 409, bad body 400', async () => {
    const e = await ev.created(coordinator, { title: 'Check-in rules' });
    await ev.rsvp(member, e.id, 'going');
    const [a] = (await list(e.id)).items;
    expect((await checkIn(member, e.id, a!.id, { present: true })).status).toBe(403);
    expect((await checkIn(coordinator, e.id, a!.id, {})).status).toBe(400);
    expect((await checkIn(coordinator, e.id, a!.id, { present: 'yes' })).body.details.fields[0].field).toBe('present');
    expect((await checkIn(coordinator, e.id, a!.id, { present: true, extra: 1 })).status).toBe(400);
    expect((await checkIn(coordinator, e.id, 'nope', { present: true })).status).toBe(400);
    expect((await checkIn(coordinator, e.id, '0123456789abcdef01234567', { present: true })).status).toBe(404);
    expect((await t.http.post(`/api/events/${e.id}/attendees/${a!.id}/check-in`).send({ present: true })).status).toBe(401);

    // an attendee of another event is not found here
    const other = await ev.created(coordinator, { title: 'Elsewhere' });
    expect((await checkIn(coordinator, other.id, a!.id, { present: true })).status).toBe(404);

    const grp = await ev.created(salim, { groupId, visibility: 'group', title: 'Group check-in' });
    await ev.rsvp(member, grp.id, 'going');
    const g = (await t.http.get(`/api/events/${grp.id}/attendees`).set(bearer(salim))).body as AttendeesResponse;
    expect((await checkIn(member2, grp.id, g.items[0]!.id, { present: true })).status).toBe(404);
    expect((await checkIn(salim, grp.id, g.items[0]!.id, { present: true })).status).toBe(200);

    await t.http.post(`/api/events/${e.id}/cancel`).set(bearer(coordinator)).send({});
    const late = await checkIn(coordinator, e.id, a!.id, { present: true });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('EVENT_STATE_CONFLICT');
    const someone = await newMember(t);
    expect((await t.http.get(`/api/events/${e.id}/attendees`).set(bearer(someone.accessToken))).status).toBe(403);
  });
});
