import type { Message, MyChannel } from '@klasteris/contracts';
import { bearer, createTestApp, login, newMember, TestApp } from './support/test-app';
import { clientId, collect, emitAck, eventually, SocketPool } from './support/sockets';

describe('chat channels, unread state, search, files, presence', () => {
  let t: TestApp;
  const pool = new SocketPool(() => t.url);
  type Person = Awaited<ReturnType<typeof newMember>>;
  let ruta: Person;
  let jonas: Person;
  let outsider: Person;

  beforeAll(async () => {
    t = await createTestApp();
    ruta = await newMember(t, { displayName: 'Rūta Šimkutė' });
    jonas = await newMember(t, { displayName: 'Jonas Žemaitis' });
    outsider = await newMember(t, { displayName: 'Otto Outsider' });
  });
  afterEach(() => pool.closeAll());
  afterAll(() => t.close());

  const post = (who: Person, channelId: string, body: string, extra: Record<string, unknown> = {}) =>
    t.http
      .post(`/api/channels/${channelId}/messages`)
      .set(bearer(who.accessToken))
      .send({ clientMsgId: clientId(), body, ...extra });
  const mine = async (who: Person): Promise<MyChannel[]> => (await t.http.get('/api/channels').set(bearer(who.accessToken))).body.items;

  it('creates channels with validated, unique names; only coordinators create announcement channels', async () => {
    const ok = await t.http
      .post('/api/channels')
      .set(bearer(ruta.accessToken))
      .send({ name: 'Rack Room Ops', type: 'public', topic: 'Racks and GPUs' });
    expect(ok.status).toBe(201);
    expect(ok.body.channel).toMatchObject({
      name: 'rack-room-ops',
      type: 'public',
      role: 'owner',
      unread: 0,
      mentions: 0,
      memberCount: 1,
      archived: false,
    });
    const dup = await t.http.post('/api/channels').set(bearer(jonas.accessToken)).send({ name: 'rack-room-ops', type: 'private' });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('CHANNEL_NAME_TAKEN');
    expect((await t.http.post('/api/channels').set(bearer(ruta.accessToken)).send({ name: 'bad name!', type: 'public' })).status).toBe(400);
    expect((await t.http.post('/api/channels').set(bearer(ruta.accessToken)).send({ name: 'x', type: 'direct' })).status).toBe(400);
    expect((await t.http.post('/api/channels').set(bearer(ruta.accessToken)).send({ name: 'news', type: 'announcement' })).status).toBe(
      403,
    );
    const coordinator = await login(t, 'coordinator@klasteris.demo');
    expect(
      (await t.http.post('/api/channels').set(bearer(coordinator.accessToken)).send({ name: 'news', type: 'announcement' })).status,
    ).toBe(201);
  });

  it('a member creating channels in a burst is slowed after 10 (429 RATE_LIMITED, whole-second Retry-After); coordinators are not', async () => {
    const eager = await newMember(t);
    for (let i = 0; i < 10; i++) {
      expect(
        (
          await t.http
            .post('/api/channels')
            .set(bearer(eager.accessToken))
            .send({ name: `burst-${i}-${Date.now()}`, type: 'private' })
        ).status,
      ).toBe(201);
    }
    const slowed = await t.http
      .post('/api/channels')
      .set(bearer(eager.accessToken))
      .send({ name: `burst-x-${Date.now()}`, type: 'private' });
    expect(slowed.status).toBe(429);
    expect(slowed.body.code).toBe('RATE_LIMITED');
    expect(slowed.headers['retry-after']).toMatch(/^[1-9]\d*$/);
    const coordinator = await login(t, 'coordinator@klasteris.demo');
    for (let i = 0; i < 11; i++) {
      expect(
        (
          await t.http
            .post('/api/channels')
            .set(bearer(coordinator.accessToken))
            .send({ name: `setup-${i}-${Date.now()}`, type: 'public' })
        ).status,
      ).toBe(201);
    }
  });

  it('public channels can be browsed and joined; private ones cannot be seen', async () => {
    const pub = (await t.http.post('/api/channels').set(bearer(ruta.accessToken)).send({ name: 'uk-market', type: 'public' })).body
      .channel as MyChannel;
    const priv = (await t.http.post('/api/channels').set(bearer(ruta.accessToken)).send({ name: 'board-secret', type: 'private' })).body
      .channel as MyChannel;
    const browse = await t.http.get('/api/channels/browse?q=uk-mark').set(bearer(jonas.accessToken));
    expect(browse.body.items.map((c: { name: string; isMember: boolean }) => [c.name, c.isMember])).toEqual([['uk-market', false]]);
    expect((await t.http.get('/api/channels/browse?q=secret').set(bearer(jonas.accessToken))).body.items).toEqual([]);
    expect((await t.http.post(`/api/channels/${priv.id}/join`).set(bearer(jonas.accessToken))).status).toBe(404);
    const joined = await t.http.post(`/api/channels/${pub.id}/join`).set(bearer(jonas.accessToken));
    expect(joined.status).toBe(200);
    expect(joined.body.channel).toMatchObject({ role: 'member', memberCount: 2 });
    const members = await t.http.get(`/api/channels/${pub.id}/members`).set(bearer(jonas.accessToken));
    expect(members.body.items.map((m: { displayName: string; role: string }) => [m.displayName, m.role])).toEqual([
      ['Rūta Šimkutė', 'owner'],
      ['Jonas Žemaitis', 'member'],
    ]);
    const filtered = await t.http.get(`/api/channels/${pub.id}/members?q=zemait`).set(bearer(ruta.accessToken));
    expect(filtered.body.items.map((m: { displayName: string }) => m.displayName)).toEqual(['Jonas Žemaitis']);
    expect((await t.http.post(`/api/channels/${pub.id}/leave`).set(bearer(jonas.accessToken))).status).toBe(204);
    expect((await mine(jonas)).map((c) => c.name)).not.toContain('uk-market');
  });

  it('owners manage and archive; archived channels refuse posts', async () => {
    const c = (await t.http.post('/api/channels').set(bearer(ruta.accessToken)).send({ name: 'temp-room', type: 'public' })).body
      .channel as MyChannel;
    await t.http.post(`/api/channels/${c.id}/join`).set(bearer(jonas.accessToken));
    expect((await t.http.patch(`/api/channels/${c.id}`).set(bearer(jonas.accessToken)).send({ topic: 'hijack' })).status).toBe(403);
    const topic = await t.http.patch(`/api/channels/${c.id}`).set(bearer(ruta.accessToken)).send({ topic: 'Short-lived' });
    expect(topic.body.channel.topic).toBe('Short-lived');
    expect((await t.http.post(`/api/channels/${c.id}/archive`).set(bearer(ruta.accessToken))).body.channel.archived).toBe(true);
    const refused = await post(jonas, c.id, 'hello?');
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('CHANNEL_ARCHIVED');
  });

  it('direct messages are created once per set of people and are private to them', async () => {
    const first = await t.http
      .post('/api/channels/direct')
      .set(bearer(ruta.accessToken))
      .send({ userIds: [jonas.user.id] });
    expect(first.status).toBe(201);
    const again = await t.http
      .post('/api/channels/direct')
      .set(bearer(jonas.accessToken))
      .send({ userIds: [ruta.user.id] });
    expect(again.status).toBe(200);
    expect(again.body.channel.id).toBe(first.body.channel.id);
    expect(first.body.channel).toMatchObject({ type: 'direct', memberCount: 2 });
    expect((await t.http.get(`/api/channels/${first.body.channel.id}/messages`).set(bearer(outsider.accessToken))).status).toBe(404);
    const tooMany = await t.http
      .post('/api/channels/direct')
      .set(bearer(ruta.accessToken))
      .send({ userIds: Array.from({ length: 8 }, (_, i) => `0123456789abcdef0123456${i}`) });
    expect(tooMany.status).toBe(400);
    expect(
      (await t.http.post(`/api/channels/${first.body.channel.id}/members`).set(bearer(ruta.accessToken)).send({ userId: outsider.user.id }))
        .status,
    ).toBe(403);
  });

  it('counts unread and mentions from the read position; channel:read syncs other devices', async () => {
    const c = (await t.http.post('/api/channels').set(bearer(ruta.accessToken)).send({ name: 'unread-test', type: 'public' })).body
      .channel as MyChannel;
    await t.http.post(`/api/channels/${c.id}/join`).set(bearer(jonas.accessToken));
    await post(ruta, c.id, 'one');
    await post(ruta, c.id, `two for <@${jonas.user.id}>`);
    const third = await post(ruta, c.id, 'three @channel');
    await post(jonas, c.id, 'my own message does not count');
    const j = (await mine(jonas)).find((x) => x.id === c.id)!;
    // Jonas posted last: his own post marks everything before it read
    expect(j).toMatchObject({ unread: 0, mentions: 0 });
    await post(ruta, c.id, `four <@${jonas.user.id}>`);
    await post(ruta, c.id, 'five');
    const j2 = (await mine(jonas)).find((x) => x.id === c.id)!;
    expect(j2).toMatchObject({ unread: 2, mentions: 1 });
    expect(third.body.message.mentionsChannel).toBe(true); // the owner may use @channel

    const device2 = await pool.connect(jonas.accessToken);
    const synced = collect<{ channelId: string; unread: number }>(device2, 'channel:read');
    const device1 = await pool.connect(jonas.accessToken);
    const res = await emitAck<{ unread: number; mentions: number }>(device1, 'channel:read', { channelId: c.id, seq: j2.lastSeq - 1 });
    expect(res).toMatchObject({ ok: true, unread: 1, mentions: 0 });
    await eventually(() => expect(synced).toContainEqual(expect.objectContaining({ channelId: c.id, unread: 1 })));
    const back = await emitAck<{ unread: number }>(device1, 'channel:read', { channelId: c.id, seq: 1 });
    expect(back).toMatchObject({ ok: true, unread: 1 }); // never moves back
    expect((await mine(jonas)).find((x) => x.id === c.id)).toMatchObject({ unread: 1, mentions: 0 });

    const notes = await t.http.get('/api/notifications').set(bearer(jonas.accessToken));
    expect(notes.body.items.filter((n: { kind: string }) => n.kind === 'mention').length).toBeGreaterThanOrEqual(2);
  });

  it('@channel from a plain member is not a mention', async () => {
    const c = (await t.http.post('/api/channels').set(bearer(ruta.accessToken)).send({ name: 'no-shouting', type: 'public' })).body
      .channel as MyChannel;
    await t.http.post(`/api/channels/${c.id}/join`).set(bearer(jonas.accessToken));
    const res = await post(jonas, c.id, 'hey @channel look');
    expect(res.body.message.mentionsChannel).toBe(false);
  });

  it('search finds partial words without case or diacritics, only in my channels', async () => {
    const c = (await t.http.post('/api/channels').set(bearer(ruta.accessToken)).send({ name: 'search-me', type: 'private' })).body
      .channel as MyChannel;
    await t.http.post(`/api/channels/${c.id}/members`).set(bearer(ruta.accessToken)).send({ userId: jonas.user.id });
    await post(ruta, c.id, 'Duomenų centras siūlo GPU mazgus');
    await post(ruta, c.id, 'Susitikimas Klaipėdoje');
    const hit = await t.http.get('/api/search/messages?q=duomenu%20CENT').set(bearer(jonas.accessToken));
    expect(hit.status).toBe(200);
    expect(hit.body.items.map((h: { message: Message; channelName: string }) => [h.message.body, h.channelName])).toEqual([
      ['Duomenų centras siūlo GPU mazgus', 'search-me'],
    ]);
    expect((await t.http.get('/api/search/messages?q=klaipedo').set(bearer(jonas.accessToken))).body.items).toHaveLength(1);
    expect((await t.http.get('/api/search/messages?q=duomenu').set(bearer(outsider.accessToken))).body.items).toEqual([]);
    expect((await t.http.get(`/api/search/messages?q=duomenu&channelId=${c.id}`).set(bearer(outsider.accessToken))).status).toBe(404);
    expect((await t.http.get('/api/search/messages?q=').set(bearer(jonas.accessToken))).status).toBe(400);
    expect((await t.http.get(`/api/search/messages?q=gpu&authorId=${jonas.user.id}`).set(bearer(jonas.accessToken))).body.items).toEqual(
      [],
    );
  });

  it('files: allowlisted types and size, served only to channel members', async () => {
    const c = (await t.http.post('/api/channels').set(bearer(ruta.accessToken)).send({ name: 'files-here', type: 'private' })).body
      .channel as MyChannel;
    const png = Buffer.from(
      '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
      'hex',
    );
    const up = await t.http
      .post(`/api/channels/${c.id}/attachments`)
      .set(bearer(ruta.accessToken))
      .attach('file', png, { filename: 'pixel.png', contentType: 'image/png' });
    expect(up.status).toBe(201);
    expect(up.body.attachment).toMatchObject({ name: 'pixel.png', contentType: 'image/png', isImage: true, size: png.length });
    const sent = await post(ruta, c.id, 'see the picture', { attachmentIds: [up.body.attachment.id] });
    expect(sent.body.message.attachments.map((a: { id: string }) => a.id)).toEqual([up.body.attachment.id]);
    const again = await post(ruta, c.id, 'reuse it', { attachmentIds: [up.body.attachment.id] });
    expect(again.status).toBe(400);
    expect(again.body.code).toBe('ATTACHMENT_REJECTED');

    const dl = await t.http.get(up.body.attachment.url).set(bearer(ruta.accessToken)).buffer(true);
    expect(dl.status).toBe(200);
    expect(dl.headers['content-type']).toBe('image/png');
    expect(dl.headers['x-content-type-options']).toBe('nosniff');
    expect(Buffer.compare(dl.body as Buffer, png)).toBe(0);
    expect((await t.http.get(up.body.attachment.url).set(bearer(outsider.accessToken))).status).toBe(404);

    const html = await t.http
      .post(`/api/channels/${c.id}/attachments`)
      .set(bearer(ruta.accessToken))
      .attach('file', Buffer.from('<script>alert(1)</script>'), { filename: 'x.html', contentType: 'text/html' });
    expect(html.status).toBe(415);
    const fakePng = await t.http
      .post(`/api/channels/${c.id}/attachments`)
      .set(bearer(ruta.accessToken))
      .attach('file', Buffer.from('<svg onload=alert(1)>'), { filename: 'x.png', contentType: 'image/png' });
    expect(fakePng.status).toBe(415);
    expect(
      (
        await t.http
          .post(`/api/channels/${c.id}/attachments`)
          .set(bearer(outsider.accessToken))
          .attach('file', png, { filename: 'p.png', contentType: 'image/png' })
      ).status,
    ).toBe(404);
    expect((await t.http.post(`/api/channels/${c.id}/attachments`).set(bearer(ruta.accessToken))).status).toBe(400);
  });

  it('presence: online while a socket is open, offline when the last one closes', async () => {
    const s1 = await pool.connect(ruta.accessToken);
    const s2 = await pool.connect(ruta.accessToken);
    const watcher = await pool.connect(jonas.accessToken);
    const events = collect<{ userId: string; status: string }>(watcher, 'presence');
    const status = async () =>
      (await t.http.get(`/api/presence?userIds=${ruta.user.id}`).set(bearer(jonas.accessToken))).body.items[0].status as string;
    expect(await status()).toBe('online');
    await emitAck(s1, 'presence:set', { status: 'away' });
    expect(await status()).toBe('online'); // the other tab is still active
    await emitAck(s2, 'presence:set', { status: 'away' });
    expect(await status()).toBe('away');
    s1.close();
    s2.close();
    await eventually(async () => expect(await status()).toBe('offline'));
    await eventually(() => expect(events).toContainEqual({ userId: ruta.user.id, status: 'offline' }));
    expect((await t.http.get('/api/presence?userIds=nope').set(bearer(jonas.accessToken))).status).toBe(400);
  });

  it('typing reaches other members only', async () => {
    const c = (await t.http.post('/api/channels').set(bearer(ruta.accessToken)).send({ name: 'typing-room', type: 'private' })).body
      .channel as MyChannel;
    await t.http.post(`/api/channels/${c.id}/members`).set(bearer(ruta.accessToken)).send({ userId: jonas.user.id });
    const r = await pool.connect(ruta.accessToken);
    const j = await pool.connect(jonas.accessToken);
    const o = await pool.connect(outsider.accessToken);
    const jGot = collect<{ channelId: string; userId: string }>(j, 'typing');
    const rGot = collect(r, 'typing');
    const oGot = collect(o, 'typing');
    expect((await emitAck(r, 'typing', { channelId: c.id })).ok).toBe(true);
    expect((await emitAck(o, 'typing', { channelId: c.id })).ok).toBe(false);
    await eventually(() => expect(jGot).toEqual([{ channelId: c.id, userId: ruta.user.id }]));
    expect(rGot).toEqual([]);
    expect(oGot).toEqual([]);
  });
});

describe('chat demo data and default channels', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('demo members find #general, #announcements and their conversations with history', async () => {
    const ruta = await login(t, 'member@klasteris.demo');
    const channels = (await t.http.get('/api/channels').set(bearer(ruta.accessToken))).body.items as MyChannel[];
    expect(channels.map((c) => c.name)).toEqual(
      expect.arrayContaining(['announcements', 'general', 'cloud-computing', 'middle-east-markets']),
    );
    const dm = channels.find((c) => c.type === 'direct')!;
    expect(dm.name).toBe('Mindaugas Petrauskas, Rūta Kazlauskienė');
    const general = channels.find((c) => c.name === 'general')!;
    const history = await t.http.get(`/api/channels/${general.id}/messages`).set(bearer(ruta.accessToken));
    expect(history.body.items.length).toBeGreaterThanOrEqual(4);
    const announcements = channels.find((c) => c.name === 'announcements')!;
    expect(announcements.mentions).toBe(1); // the coordinator's @channel
  });

  it('a newly activated person joins the default channels; announcements stay read-only for members', async () => {
    const p = await newMember(t);
    const names = ((await t.http.get('/api/channels').set(bearer(p.accessToken))).body.items as MyChannel[]).map((c) => c.name).sort();
    expect(names).toEqual(['announcements', 'general']);
    const announcements = ((await t.http.get('/api/channels').set(bearer(p.accessToken))).body.items as MyChannel[]).find(
      (c) => c.name === 'announcements',
    )!;
    const res = await t.http
      .post(`/api/channels/${announcements.id}/messages`)
      .set(bearer(p.accessToken))
      .send({ clientMsgId: clientId(), body: 'me too' });
    expect(res.status).toBe(403);
  });
});

describe('renaming onto a taken channel name', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('answers 409 CHANNEL_NAME_TAKEN, not a 500 (FerretDB reports update clashes differently from inserts)', async () => {
    const p = await newMember(t);
    const a = (await t.http.post('/api/channels').set(bearer(p.accessToken)).send({ name: 'first-name', type: 'public' })).body
      .channel as MyChannel;
    await t.http.post('/api/channels').set(bearer(p.accessToken)).send({ name: 'second-name', type: 'public' });
    const res = await t.http.patch(`/api/channels/${a.id}`).set(bearer(p.accessToken)).send({ name: 'second-name' });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('CHANNEL_NAME_TAKEN');
  });
});
