import { randomBytes } from 'node:crypto';
import type { Message, MyChannel } from '@klasteris/contracts';
import { Types } from 'mongoose';
import { bearer, createTestApp, login, newMember, TestApp } from './support/test-app';
import { clientId, collect, emitAck, eventually, SocketPool } from './support/sockets';

type Person = Awaited<ReturnType<typeof newMember>>;
type Counts = { unread: number; mentions: number };
type ReadEvent = Counts & { channelId: string; lastReadSeq: number };

const mineIn = async (t: TestApp, who: { accessToken: string }, channelId: string): Promise<MyChannel> => {
  const res = await t.http.get('/api/channels').set(bearer(who.accessToken));
  expect(res.status).toBe(200);
  const c = (res.body.items as MyChannel[]).find((x) => x.id === channelId);
  if (!c) throw new Error(`channel ${channelId} is not in the list`);
  return c;
};
const countsIn = async (t: TestApp, who: { accessToken: string }, channelId: string): Promise<Counts> => {
  const { unread, mentions } = await mineIn(t, who, channelId);
  return { unread, mentions };
};
const post = async (t: TestApp, who: { accessToken: string }, channelId: string, body: string, extra: Record<string, unknown> = {}) => {
  const res = await t.http
    .post(`/api/channels/${channelId}/messages`)
    .set(bearer(who.accessToken))
    .send({ clientMsgId: clientId(), body, ...extra });
  expect(res.status).toBe(201);
  return res.body.message as Message;
};

/** Unread and mention counts kept per member (read-state.ts): exact through threads, deletions, edits, resends, dead writers. */
describe('chat unread and mention counts', () => {
  let t: TestApp;
  const pool = new SocketPool(() => t.url);
  let jonas: Person;
  /** database commands by collection while `commands` is on (driver command monitoring, DB_COMMAND_STATS) */
  let commands: { name: string; collection: string }[] | null = null;

  beforeAll(async () => {
    t = await createTestApp({ DB_COMMAND_STATS: 'true' });
    t.connection.getClient().on('commandStarted', (e) => {
      const target: unknown = (e.command as Record<string, unknown>)[e.commandName];
      commands?.push({ name: e.commandName, collection: typeof target === 'string' ? target : '' });
    });
    jonas = await newMember(t, { displayName: 'Jonas Reader' });
  });
  afterEach(() => pool.closeAll());
  afterAll(() => t.close());

  /** A public channel of a new owner (each test its own sender: the send rate is per person), Jonas in it. */
  const channel = async (name: string): Promise<{ id: string; ruta: Person }> => {
    const ruta = await newMember(t, { displayName: 'Rūta Owner' });
    const c = (await t.http.post('/api/channels').set(bearer(ruta.accessToken)).send({ name, type: 'public' })).body.channel as MyChannel;
    expect((await t.http.post(`/api/channels/${c.id}/join`).set(bearer(jonas.accessToken))).status).toBe(200);
    return { id: c.id, ruta };
  };

  it('the channel list reads the counts as kept: no message is read or counted, whatever is unread', async () => {
    const { id, ruta } = await channel('unread-no-counting');
    const others = [ruta, await newMember(t), await newMember(t)];
    for (const who of others.slice(1)) await t.http.post(`/api/channels/${id}/join`).set(bearer(who.accessToken));
    for (const who of others)
      for (let i = 0; i < 10; i++) await post(t, who, id, i === 0 ? `note ${i} for <@${jonas.user.id}>` : `note ${i}`);
    commands = [];
    const counts = await countsIn(t, jonas, id);
    const seen = commands;
    commands = null;
    expect(counts).toEqual({ unread: 30, mentions: 3 });
    expect(seen.filter((c) => c.collection === 'messages' || c.name === 'aggregate')).toEqual([]);
    expect(seen.map((c) => c.collection)).toEqual(expect.arrayContaining(['channel_members', 'channels']));
  });

  it('threads, resends, deletions and edits: only live root messages of others count; two devices agree', async () => {
    const { id, ruta } = await channel('unread-exact');
    const device1 = await pool.connect(jonas.accessToken);
    const device2 = await pool.connect(jonas.accessToken);
    const onDevice2 = collect<ReadEvent>(device2, 'channel:read');

    const first = await post(t, ruta, id, 'first');
    const resend = { clientMsgId: clientId() };
    const second = await post(t, ruta, id, `second, for <@${jonas.user.id}>`, resend);
    // a resend of the second (same clientMsgId) stores nothing new: its reserved seq becomes a void
    expect((await post(t, ruta, id, `second, for <@${jonas.user.id}>`, resend)).id).toBe(second.id);
    await post(t, ruta, id, `a reply for <@${jonas.user.id}> in a thread`, { threadRootId: first.id });
    const everyone = await post(t, ruta, id, 'everyone look @channel');
    expect(everyone.mentionsChannel).toBe(true);
    const fourth = await post(t, ruta, id, 'fourth');
    expect(await countsIn(t, jonas, id)).toEqual({ unread: 4, mentions: 2 });

    // deleting an unread message takes it out of both counts
    expect((await t.http.delete(`/api/messages/${everyone.id}`).set(bearer(ruta.accessToken))).status).toBe(204);
    expect(await countsIn(t, jonas, id)).toEqual({ unread: 3, mentions: 1 });
    // an edit that adds a mention counts it; one that takes it away does not any more
    expect(
      (
        await t.http
          .patch(`/api/messages/${first.id}`)
          .set(bearer(ruta.accessToken))
          .send({ body: `first, <@${jonas.user.id}>` })
      ).status,
    ).toBe(200);
    expect(await countsIn(t, jonas, id)).toEqual({ unread: 3, mentions: 2 });
    expect((await t.http.patch(`/api/messages/${first.id}`).set(bearer(ruta.accessToken)).send({ body: 'first, edited' })).status).toBe(
      200,
    );
    expect(await countsIn(t, jonas, id)).toEqual({ unread: 3, mentions: 1 });

    // device 1 reads up to the second message: the ack, device 2 and the list agree
    const read = await emitAck<Counts & { lastReadSeq: number }>(device1, 'channel:read', { channelId: id, seq: second.seq });
    expect(read).toMatchObject({ ok: true, unread: 1, mentions: 0, lastReadSeq: second.seq });
    await eventually(() => expect(onDevice2).toContainEqual({ channelId: id, lastReadSeq: second.seq, unread: 1, mentions: 0 }));
    expect(await countsIn(t, jonas, id)).toEqual({ unread: 1, mentions: 0 });
    // deleting a message already read changes nothing; deleting the unread one leaves none
    expect((await t.http.delete(`/api/messages/${second.id}`).set(bearer(ruta.accessToken))).status).toBe(204);
    expect(await countsIn(t, jonas, id)).toEqual({ unread: 1, mentions: 0 });
    expect((await t.http.delete(`/api/messages/${fourth.id}`).set(bearer(ruta.accessToken))).status).toBe(204);
    expect(await countsIn(t, jonas, id)).toEqual({ unread: 0, mentions: 0 });

    // a read position never moves back, in seqs nor in counts
    await post(t, ruta, id, 'fifth');
    const back = await emitAck<Counts>(device2, 'channel:read', { channelId: id, seq: 1 });
    expect(back).toMatchObject({ ok: true, unread: 1, mentions: 0 });
    // my own message marks everything before it read, on every device
    await post(t, jonas, id, 'my reply');
    expect(await countsIn(t, jonas, id)).toEqual({ unread: 0, mentions: 0 });
    expect(await countsIn(t, ruta, id)).toEqual({ unread: 1, mentions: 0 });
  });

  it('a member who joins late counts only what came after; one who left and came back starts from there', async () => {
    const { id, ruta } = await channel('unread-joiners');
    await post(t, ruta, id, 'before anyone');
    const late = await newMember(t);
    await post(t, ruta, id, `hello <@${late.user.id}>, not a member yet`);
    expect((await t.http.post(`/api/channels/${id}/join`).set(bearer(late.accessToken))).status).toBe(200);
    expect(await countsIn(t, late, id)).toEqual({ unread: 0, mentions: 0 });
    await post(t, ruta, id, `welcome <@${late.user.id}>`);
    expect(await countsIn(t, late, id)).toEqual({ unread: 1, mentions: 1 });
    expect((await t.http.post(`/api/channels/${id}/leave`).set(bearer(late.accessToken))).status).toBe(204);
    await post(t, ruta, id, `while away, <@${late.user.id}>`);
    expect((await t.http.post(`/api/channels/${id}/join`).set(bearer(late.accessToken))).status).toBe(200);
    expect(await countsIn(t, late, id)).toEqual({ unread: 0, mentions: 0 });
    await post(t, ruta, id, 'back');
    expect(await countsIn(t, late, id)).toEqual({ unread: 1, mentions: 0 });
  });

  it('a writer that dies after reserving its seq: the stall repair voids it and the next message counts once', async () => {
    const { id, ruta } = await channel('unread-dead-writer');
    await post(t, ruta, id, 'before');
    // what a crashed writer leaves: a root reservation (seq and ord taken) and nothing written
    await t.connection.collection('channels').updateOne({ _id: new Types.ObjectId(id) }, { $inc: { lastSeq: 1, roots: 1 } });
    const after = await post(t, ruta, id, `after the crash, <@${jonas.user.id}>`);
    await eventually(async () => expect((await mineIn(t, jonas, id)).lastSeq).toBe(after.seq), 15_000);
    expect(await countsIn(t, jonas, id)).toEqual({ unread: 2, mentions: 1 });
    // read up to the void: the message after it is still the one unread
    const device = await pool.connect(jonas.accessToken);
    expect(await emitAck(device, 'channel:read', { channelId: id, seq: after.seq - 1 })).toMatchObject({
      ok: true,
      unread: 1,
      mentions: 1,
    });
  });
});

describe('chat unread counts across two API nodes', () => {
  let node1: TestApp;
  let node2: TestApp;
  const pool1 = new SocketPool(() => node1.url);
  const pool2 = new SocketPool(() => node2.url);

  beforeAll(async () => {
    const redis = process.env['REDIS_TEST_URL'];
    if (!redis) throw new Error('redis-server is not installed: apt-get install redis-server (.ci/run does)');
    const shared = {
      REDIS_URL: redis,
      JWT_SECRET: randomBytes(32).toString('hex'),
      MONGODB_DB: `t_unread_${randomBytes(4).toString('hex')}`,
    };
    node1 = await createTestApp(shared);
    node2 = await createTestApp(shared);
  });
  afterEach(() => {
    pool1.closeAll();
    pool2.closeAll();
  });
  afterAll(async () => {
    await node2.close();
    await node1.close();
  });

  it('sent on one node, counted on the other; read on one device, every device on either node shows it', async () => {
    const a = await login(node1, 'member@klasteris.demo');
    const b = await login(node2, 'member2@klasteris.demo');
    const c = (
      await node1.http
        .post('/api/channels')
        .set(bearer(a.accessToken))
        .send({ name: `unread-nodes-${Date.now()}`, type: 'private' })
    ).body.channel as MyChannel;
    expect((await node1.http.post(`/api/channels/${c.id}/members`).set(bearer(a.accessToken)).send({ userId: b.user.id })).status).toBe(
      201,
    );
    const bOn1 = await pool1.connect(b.accessToken);
    const bOn2 = await pool2.connect(b.accessToken);
    const seenOn1 = collect<ReadEvent>(bOn1, 'channel:read');
    const aOn1 = await pool1.connect(a.accessToken);
    const aOn2 = await pool2.connect(a.accessToken);

    // writers on both nodes, interleaved, the same channel
    const sent: Message[] = [];
    for (let i = 0; i < 6; i++) {
      const ack = await emitAck<{ message: Message }>(i % 2 ? aOn2 : aOn1, 'message:send', {
        channelId: c.id,
        clientMsgId: clientId(),
        body: i === 3 ? `for <@${b.user.id}>` : `message ${i}`,
      });
      if (!ack.ok) throw new Error(JSON.stringify(ack));
      sent.push(ack.message);
    }
    const last = sent[sent.length - 1]!;
    await eventually(async () => expect((await mineIn(node2, b, c.id)).lastSeq).toBe(last.seq));
    expect(await countsIn(node2, b, c.id)).toEqual({ unread: 6, mentions: 1 });
    expect(await countsIn(node1, b, c.id)).toEqual({ unread: 6, mentions: 1 });

    // read on node 2: the device on node 1 hears it, both nodes' lists agree
    const read = await emitAck<Counts>(bOn2, 'channel:read', { channelId: c.id, seq: sent[3]!.seq });
    expect(read).toMatchObject({ ok: true, unread: 2, mentions: 0 });
    await eventually(() => expect(seenOn1).toContainEqual({ channelId: c.id, lastReadSeq: sent[3]!.seq, unread: 2, mentions: 0 }));
    expect(await countsIn(node1, b, c.id)).toEqual({ unread: 2, mentions: 0 });

    // deleted through node 1, counted right on node 2
    expect((await node1.http.delete(`/api/messages/${sent[5]!.id}`).set(bearer(a.accessToken))).status).toBe(204);
    expect(await countsIn(node2, b, c.id)).toEqual({ unread: 1, mentions: 0 });
    await emitAck(bOn1, 'channel:read', { channelId: c.id, seq: last.seq });
    expect(await countsIn(node2, b, c.id)).toEqual({ unread: 0, mentions: 0 });
  });
});
