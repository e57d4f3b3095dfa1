import { Types } from 'mongoose';
import type { Message, MessageNewEvent, MyChannel } from '@klasteris/contracts';
import { bearer, createTestApp, login, newMember, TestApp } from './support/test-app';
import { clientId, collect, emitAck, eventually, sleep, SocketPool } from './support/sockets';

describe('chat messages over Socket.IO', () => {
  let t: TestApp;
  const pool = new SocketPool(() => t.url);
  let alice: Awaited<ReturnType<typeof newMember>>;
  let bob: Awaited<ReturnType<typeof newMember>>;
  let eve: Awaited<ReturnType<typeof newMember>>;
  let channel: MyChannel;

  beforeAll(async () => {
    t = await createTestApp();
    alice = await newMember(t, { displayName: 'Alice Ąžuolaitė' });
    bob = await newMember(t, { displayName: 'Bob Bėrantas' });
    eve = await newMember(t, { displayName: 'Eve Outsider' });
    const res = await t.http
      .post('/api/channels')
      .set(bearer(alice.accessToken))
      .send({ name: 'cloud-uk', type: 'private', topic: 'UK market study' });
    expect(res.status).toBe(201);
    channel = res.body.channel;
    expect(
      (await t.http.post(`/api/channels/${channel.id}/members`).set(bearer(alice.accessToken)).send({ userId: bob.user.id })).status,
    ).toBe(201);
  });
  afterEach(() => pool.closeAll());
  afterAll(() => t.close());

  const send = (s: Awaited<ReturnType<SocketPool['connect']>>, body: string, extra: Record<string, unknown> = {}) =>
    emitAck<{ message: Message }>(s, 'message:send', { channelId: channel.id, clientMsgId: clientId(), body, ...extra });

  it('acks the stored message and delivers it to members only', async () => {
    const a = await pool.connect(alice.accessToken);
    const b = await pool.connect(bob.accessToken);
    const e = await pool.connect(eve.accessToken);
    const bobGot = collect<MessageNewEvent>(b, 'message:new');
    const eveGot = collect<MessageNewEvent>(e, 'message:new');
    const res = await send(a, 'Labas, **Bob**!');
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.message).toMatchObject({
      channelId: channel.id,
      body: 'Labas, **Bob**!',
      authorId: alice.user.id,
      replyCount: 0,
      reactions: [],
    });
    expect(res.message.seq).toBeGreaterThan(0);
    const stored = await t.connection.collection('messages').countDocuments({ clientMsgId: res.message.clientMsgId });
    expect(stored).toBe(1);
    await eventually(() => expect(bobGot.map((m) => m.message.id)).toContain(res.message.id));
    await sleep(150);
    expect(eveGot).toEqual([]);
  });

  it('a non-member cannot read (404), post or react; every refusal comes back in the ack', async () => {
    const e = await pool.connect(eve.accessToken);
    expect((await t.http.get(`/api/channels/${channel.id}/messages`).set(bearer(eve.accessToken))).status).toBe(404);
    expect((await t.http.get(`/api/channels/${channel.id}`).set(bearer(eve.accessToken))).status).toBe(404);
    const res = await send(e, 'let me in');
    expect(res).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'Channel not found' } });
    const a = await pool.connect(alice.accessToken);
    const mine = await send(a, 'react to me');
    if (!mine.ok) throw new Error('send failed');
    const react = await emitAck(e, 'reaction:toggle', { messageId: mine.message.id, emoji: '👍' });
    expect(react.ok).toBe(false);
    const read = await emitAck(e, 'channel:read', { channelId: channel.id, seq: 1 });
    expect(read.ok).toBe(false);
  });

  it('the node keeps channel facts in memory, but a membership gone without an event still refuses the next send (checked in the write), and the channel moves on', async () => {
    const carol = await newMember(t, { displayName: 'Carol Cache' });
    const ch = (await t.http.post('/api/channels').set(bearer(alice.accessToken)).send({ name: 'cache-check', type: 'private' })).body
      .channel as MyChannel;
    expect(
      (await t.http.post(`/api/channels/${ch.id}/members`).set(bearer(alice.accessToken)).send({ userId: carol.user.id })).status,
    ).toBe(201);
    const c = await pool.connect(carol.accessToken);
    const a = await pool.connect(alice.accessToken);
    const post = (s: typeof a, body: string) =>
      emitAck<{ message: Message }>(s, 'message:send', { channelId: ch.id, clientMsgId: clientId(), body });
    const warm = await post(c, 'first, so this node knows I am a member');
    expect(warm.ok).toBe(true);
    // behind every event's back: the cache still believes carol is a member
    await t.connection
      .collection('channel_members')
      .deleteOne({ channelId: new Types.ObjectId(ch.id), userId: new Types.ObjectId(carol.user.id) });
    expect(await post(c, 'not any more')).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'Channel not found' } });
    // her reserved seq was voided at once: the next message is readable right away, with no gap
    const next = await post(a, 'still flowing');
    if (!next.ok || !warm.ok) throw new Error('send failed');
    const items = (await t.http.get(`/api/channels/${ch.id}/messages?after=0`).set(bearer(alice.accessToken))).body.items as Message[];
    expect(items.map((m) => m.body)).toEqual(['first, so this node knows I am a member', 'still flowing']);
    expect(next.message.seq).toBe(warm.message.seq + 2);
    expect(await t.connection.collection('messages').countDocuments({ channelId: new Types.ObjectId(ch.id), body: 'not any more' })).toBe(
      0,
    );
  });

  it.each([
    ['no object', 'hello'],
    ['missing clientMsgId', { channelId: '0123456789abcdef01234567', body: 'x' }],
    ['operator in channelId', { channelId: { $ne: null }, clientMsgId: 'abcdefgh1', body: 'x' }],
    ['unknown field', { channelId: '0123456789abcdef01234567', clientMsgId: 'abcdefgh1', body: 'x', admin: true }],
    ['body too long', { channelId: '0123456789abcdef01234567', clientMsgId: 'abcdefgh1', body: 'x'.repeat(4001) }],
  ])('message:send with %s → VALIDATION_FAILED in the ack', async (_name, payload) => {
    const a = await pool.connect(alice.accessToken);
    const res = await emitAck(a, 'message:send', payload);
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.code).toBe('VALIDATION_FAILED');
  });

  it('is idempotent: the same clientMsgId (also after a reconnect, also concurrently) stores one message', async () => {
    const id = clientId();
    const a1 = await pool.connect(alice.accessToken);
    const first = await emitAck<{ message: Message }>(a1, 'message:send', { channelId: channel.id, clientMsgId: id, body: 'exactly once' });
    a1.close();
    const a2 = await pool.connect(alice.accessToken);
    const again = await Promise.all(
      [1, 2, 3].map(() =>
        emitAck<{ message: Message }>(a2, 'message:send', { channelId: channel.id, clientMsgId: id, body: 'exactly once' }),
      ),
    );
    const http = await t.http
      .post(`/api/channels/${channel.id}/messages`)
      .set(bearer(alice.accessToken))
      .send({ clientMsgId: id, body: 'exactly once' });
    if (!first.ok) throw new Error('send failed');
    for (const r of again) expect(r.ok && r.message.id).toBe(first.message.id);
    expect(http.body.message.id).toBe(first.message.id);
    expect(await t.connection.collection('messages').countDocuments({ clientMsgId: id })).toBe(1);

    // a concurrent first send from two sockets: one message, both acks agree
    const id2 = clientId();
    const a3 = await pool.connect(alice.accessToken);
    const twins = await Promise.all(
      [a2, a3, a2, a3].map((s) =>
        emitAck<{ message: Message }>(s, 'message:send', { channelId: channel.id, clientMsgId: id2, body: 'twins' }),
      ),
    );
    const ids = new Set(twins.map((r) => (r.ok ? r.message.id : 'failed')));
    expect(ids.size).toBe(1);
    expect(await t.connection.collection('messages').countDocuments({ clientMsgId: id2 })).toBe(1);
  });

  it('many concurrent senders: a reader polling `after` sees every message exactly once, with no gap', async () => {
    const senders = await Promise.all(Array.from({ length: 6 }, () => newMember(t)));
    for (const s of senders)
      await t.http.post(`/api/channels/${channel.id}/members`).set(bearer(alice.accessToken)).send({ userId: s.user.id });
    const sockets = await Promise.all(senders.map((s) => pool.connect(s.accessToken)));
    const listener = await pool.connect(bob.accessToken);
    const live = collect<MessageNewEvent>(listener, 'message:new');
    const start = (await t.http.get(`/api/channels/${channel.id}`).set(bearer(bob.accessToken))).body.channel.lastSeq as number;

    const seen: Message[] = [];
    let last = start;
    let stop = false;
    const reader = (async () => {
      while (!stop) {
        const page = await t.http.get(`/api/channels/${channel.id}/messages?after=${last}&limit=100`).set(bearer(bob.accessToken));
        expect(page.status).toBe(200);
        for (const m of page.body.items as Message[]) {
          seen.push(m);
          last = m.seq;
        }
      }
    })();
    const perSender = 8;
    const acks = await Promise.all(sockets.flatMap((s, i) => Array.from({ length: perSender }, (_, j) => send(s, `storm ${i}-${j}`))));
    expect(acks.filter((a) => !a.ok)).toEqual([]);
    const total = senders.length * perSender;
    await eventually(() => expect(seen.length).toBe(total), 8000);
    stop = true;
    await reader;

    const seqs = seen.map((m) => m.seq);
    expect(new Set(seqs).size).toBe(total); // no duplicates
    expect(seqs).toEqual([...seqs].sort((x, y) => x - y)); // in order
    expect(seqs[seqs.length - 1] - seqs[0] + 1).toBe(total); // contiguous: nothing skipped
    const ackedIds = new Set(acks.map((a) => (a.ok ? a.message.id : '')));
    expect(new Set(seen.map((m) => m.id))).toEqual(ackedIds);
    // live delivery: every message once, in seq order
    await sleep(300);
    const counts = new Map<number, number>();
    for (const e of live) counts.set(e.message.seq, (counts.get(e.message.seq) ?? 0) + 1);
    expect([...counts].filter(([, n]) => n > 1)).toEqual([]);
    await eventually(() => expect(live.length).toBe(total));
    const liveSeqs = live.map((e) => e.message.seq);
    expect(liveSeqs).toEqual([...liveSeqs].sort((x, y) => x - y));
  });

  it('a writer that died after reserving a seq does not block readers for long', async () => {
    await t.connection.collection('channels').updateOne({ _id: new Types.ObjectId(channel.id) }, { $inc: { lastSeq: 1 } });
    const a = await pool.connect(alice.accessToken);
    const after = await send(a, 'after the crash');
    if (!after.ok) throw new Error('send failed');
    const before = (await t.http.get(`/api/channels/${channel.id}/messages?after=${after.message.seq - 2}`).set(bearer(bob.accessToken)))
      .body.items as Message[];
    expect(before.map((m) => m.id)).not.toContain(after.message.id); // held back behind the hole
    await eventually(async () => {
      const items = (await t.http.get(`/api/channels/${channel.id}/messages?after=${after.message.seq - 2}`).set(bearer(bob.accessToken)))
        .body.items as Message[];
      expect(items.map((m) => m.id)).toEqual([after.message.id]);
    }, 10_000);
  });

  it('pages roots past a long thread and catches up past voids, whole and in order', async () => {
    // a busy history written straight to the database: roots 1–60, a 700-reply thread on root 60,
    // two roots after it, 40 voided seqs (writers that died), then 10 more roots
    const created = await t.http.post('/api/channels').set(bearer(alice.accessToken)).send({ name: 'long-history', type: 'private' });
    const ch = created.body.channel as MyChannel;
    const channelId = new Types.ObjectId(ch.id);
    const author = new Types.ObjectId(alice.user.id);
    let seq = 0;
    const docs: Record<string, unknown>[] = [];
    const fields = {
      editedAt: null,
      edits: [],
      deletedAt: null,
      deletedBy: null,
      replyCount: 0,
      lastReplyAt: null,
      reactionKeys: [],
      mentions: [],
      mentionsChannel: false,
      pinned: false,
      attachmentIds: [],
      terms: [],
      void: false,
      cardId: null,
    };
    const root = (): void =>
      void docs.push({
        ...fields,
        channelId,
        seq: ++seq,
        authorId: author,
        clientMsgId: `r${seq}`,
        body: `root ${seq}`,
        threadRootId: null,
        createdAt: new Date(),
      });
    for (let i = 0; i < 60; i++) root();
    const threadRoot = docs[docs.length - 1]!;
    threadRoot['_id'] = new Types.ObjectId();
    for (let i = 0; i < 700; i++)
      docs.push({
        ...fields,
        channelId,
        seq: ++seq,
        authorId: author,
        clientMsgId: `t${seq}`,
        body: `reply ${seq}`,
        threadRootId: threadRoot['_id'],
        createdAt: new Date(),
      });
    root();
    root();
    for (let i = 0; i < 40; i++)
      docs.push({
        ...fields,
        channelId,
        seq: ++seq,
        authorId: null,
        clientMsgId: `void:${seq}`,
        body: '',
        threadRootId: null,
        void: true,
        createdAt: new Date(),
      });
    for (let i = 0; i < 10; i++) root();
    await t.connection.collection('messages').insertMany(docs);
    await t.connection.collection('channels').updateOne({ _id: channelId }, { $set: { lastSeq: seq, committedSeq: seq } });
    const page = async (query: string) =>
      (await t.http.get(`/api/channels/${ch.id}/messages?${query}`).set(bearer(alice.accessToken))).body as {
        items: Message[];
        hasMore: boolean;
      };
    const rootSeqs = docs.filter((d) => d['threadRootId'] === null && !d['void']).map((d) => d['seq'] as number);

    // newest first page, then back: the 700 replies and the voids are skipped, nothing is missed
    const newest = await page('limit=50');
    expect(newest.items.map((m) => m.seq)).toEqual(rootSeqs.slice(-50));
    expect(newest.hasMore).toBe(true);
    const older = await page(`before=${newest.items[0]!.seq}&limit=50`);
    expect(older.items.map((m) => m.seq)).toEqual(rootSeqs.slice(0, 22));
    expect(older.hasMore).toBe(false);

    // catch-up from the start: every message incl. replies, in seq order, voids left out
    const seen: number[] = [];
    let after = 0;
    for (let guard = 0; guard < 20; guard++) {
      const p = await page(`after=${after}&limit=100`);
      seen.push(...p.items.map((m) => m.seq));
      if (!p.hasMore) break;
      after = p.items[p.items.length - 1]!.seq;
    }
    expect(seen).toEqual(docs.filter((d) => !d['void']).map((d) => d['seq'] as number));
  });

  it('edits keep a history; only the author edits; authors and moderators delete, leaving a tombstone', async () => {
    const a = await pool.connect(alice.accessToken);
    const b = await pool.connect(bob.accessToken);
    const updates = collect<{ message: Message }>(b, 'message:updated');
    const deletions = collect<{ channelId: string; messageId: string; seq: number; deletedBy?: string }>(b, 'message:deleted');
    const sent = await send(a, 'first draft');
    if (!sent.ok) throw new Error('send failed');
    const id = sent.message.id;
    expect((await emitAck(b, 'message:edit', { messageId: id, body: 'hijack' })).ok).toBe(false);
    const edited = await emitAck<{ message: Message }>(a, 'message:edit', { messageId: id, body: 'final text' });
    expect(edited.ok && edited.message.body).toBe('final text');
    expect(edited.ok && edited.message.editedAt).toBeTruthy();
    const history = await t.http.get(`/api/messages/${id}/edits`).set(bearer(alice.accessToken));
    expect(history.body.items.map((e: { body: string }) => e.body)).toEqual(['first draft']);
    expect((await t.http.get(`/api/messages/${id}/edits`).set(bearer(bob.accessToken))).status).toBe(403);
    await eventually(() => expect(updates.some((u) => u.message.body === 'final text')).toBe(true));

    const denied = await emitAck(b, 'message:delete', { messageId: id });
    expect(denied.ok).toBe(false);
    if (!denied.ok) expect(denied.error.code).toBe('FORBIDDEN');
    expect((await emitAck(a, 'message:delete', { messageId: id })).ok).toBe(true);
    await eventually(() =>
      expect(deletions).toContainEqual({ channelId: channel.id, messageId: id, seq: sent.message.seq, deletedBy: 'author' }),
    );
    const tomb = await t.http.get(`/api/messages/${id}`).set(bearer(bob.accessToken));
    expect(tomb.body.message).toMatchObject({ body: '', deletedBy: 'author' });
    expect(tomb.body.message.deletedAt).toBeTruthy();

    const other = await send(b, 'off-topic');
    if (!other.ok) throw new Error('send failed');
    const coordinator = await login(t, 'coordinator@klasteris.demo');
    // staff outside a private channel cannot read it, so cannot delete in it either (issue 14 F7)
    expect((await t.http.delete(`/api/messages/${other.message.id}`).set(bearer(coordinator.accessToken))).status).toBe(404);
    expect(
      (await t.http.post(`/api/channels/${channel.id}/members`).set(bearer(alice.accessToken)).send({ userId: coordinator.user.id }))
        .status,
    ).toBe(201);
    expect((await t.http.delete(`/api/messages/${other.message.id}`).set(bearer(coordinator.accessToken))).status).toBe(204);
    expect((await t.http.get(`/api/messages/${other.message.id}`).set(bearer(bob.accessToken))).body.message.deletedBy).toBe('moderator');
  });

  it('threads, reactions and pins', async () => {
    const a = await pool.connect(alice.accessToken);
    const b = await pool.connect(bob.accessToken);
    const root = await send(a, 'Who joins the Berlin trip?');
    if (!root.ok) throw new Error('send failed');
    const reply = await send(b, 'Me!', { threadRootId: root.message.id });
    expect(reply.ok && reply.message.threadRootId).toBe(root.message.id);
    const nested = await send(a, 'nested', { threadRootId: reply.ok ? reply.message.id : '' });
    expect(nested.ok).toBe(false);
    const thread = await t.http.get(`/api/channels/${channel.id}/messages?threadRootId=${root.message.id}`).set(bearer(alice.accessToken));
    expect(thread.body.items.map((m: Message) => m.body)).toEqual(['Me!']);
    expect((await t.http.get(`/api/messages/${root.message.id}`).set(bearer(alice.accessToken))).body.message.replyCount).toBe(1);
    const newest = await t.http.get(`/api/channels/${channel.id}/messages?limit=5`).set(bearer(alice.accessToken));
    expect(newest.body.items.map((m: Message) => m.body)).not.toContain('Me!'); // the channel view shows roots

    const r1 = await emitAck<{ message: Message }>(b, 'reaction:toggle', { messageId: root.message.id, emoji: '👍' });
    const r2 = await emitAck<{ message: Message }>(a, 'reaction:toggle', { messageId: root.message.id, emoji: '👍' });
    expect(r2.ok && r2.message.reactions).toEqual([{ emoji: '👍', userIds: [bob.user.id, alice.user.id] }]);
    const r3 = await emitAck<{ message: Message }>(b, 'reaction:toggle', { messageId: root.message.id, emoji: '👍' });
    expect(r3.ok && r3.message.reactions).toEqual([{ emoji: '👍', userIds: [alice.user.id] }]);
    expect(r1.ok).toBe(true);
    expect((await emitAck(b, 'reaction:toggle', { messageId: root.message.id, emoji: '<script>' })).ok).toBe(false);

    expect((await t.http.post(`/api/messages/${root.message.id}/pin`).set(bearer(bob.accessToken))).status).toBe(200);
    const pins = await t.http.get(`/api/channels/${channel.id}/pins`).set(bearer(alice.accessToken));
    expect(pins.body.items.map((m: Message) => m.id)).toEqual([root.message.id]);
  });

  it('rate-limits a fast sender with RATE_LIMITED and retryAfter', async () => {
    const s = await newMember(t);
    await t.http.post(`/api/channels/${channel.id}/members`).set(bearer(alice.accessToken)).send({ userId: s.user.id });
    const sock = await pool.connect(s.accessToken);
    // 40 at once: a burst of 10 plus 5/s refill cannot cover them even on a slow machine
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => send(sock, `burst ${i}`)));
    const limited = results.filter((r) => !r.ok);
    expect(results.filter((r) => r.ok).length).toBeGreaterThanOrEqual(10);
    expect(limited.length).toBeGreaterThan(0);
    const first = limited[0];
    if (!first.ok) {
      expect(first.error.code).toBe('RATE_LIMITED');
      expect(first.error.details?.['retryAfter']).toBeGreaterThan(0);
    }
  });

  it('reading a private channel follows membership at once: removed or gone, 404 on the next page; added back, readable again', async () => {
    const c = await newMember(t);
    const read = async (who: { accessToken: string }): Promise<number> =>
      (await t.http.get(`/api/channels/${channel.id}/messages?limit=5`).set(bearer(who.accessToken))).status;
    const catchUp = async (who: { accessToken: string }): Promise<number> =>
      (await t.http.get(`/api/channels/${channel.id}/messages?after=0&limit=5`).set(bearer(who.accessToken))).status;
    expect(await read(c)).toBe(404);
    expect(
      (await t.http.post(`/api/channels/${channel.id}/members`).set(bearer(alice.accessToken)).send({ userId: c.user.id })).status,
    ).toBe(201);
    // a page read just before, so this node knows the membership
    expect([await read(c), await catchUp(c)]).toEqual([200, 200]);
    expect((await t.http.delete(`/api/channels/${channel.id}/members/${c.user.id}`).set(bearer(alice.accessToken))).status).toBe(204);
    expect([await read(c), await catchUp(c)]).toEqual([404, 404]);
    expect(
      (await t.http.post(`/api/channels/${channel.id}/members`).set(bearer(alice.accessToken)).send({ userId: c.user.id })).status,
    ).toBe(201);
    expect([await read(c), await catchUp(c)]).toEqual([200, 200]);
    // leaving by oneself counts the same
    expect((await t.http.post(`/api/channels/${channel.id}/leave`).set(bearer(c.accessToken))).status).toBeLessThan(300);
    expect([await read(c), await catchUp(c)]).toEqual([404, 404]);
  });

  it('removing a member takes their sockets out of the channel room at once', async () => {
    const c = await newMember(t);
    await t.http.post(`/api/channels/${channel.id}/members`).set(bearer(alice.accessToken)).send({ userId: c.user.id });
    const cs = await pool.connect(c.accessToken);
    const got = collect<MessageNewEvent>(cs, 'message:new');
    const removed = collect<{ channelId: string }>(cs, 'channel:removed');
    const a = await pool.connect(alice.accessToken);
    await send(a, 'before removal');
    await eventually(() => expect(got).toHaveLength(1));
    expect((await t.http.delete(`/api/channels/${channel.id}/members/${c.user.id}`).set(bearer(bob.accessToken))).status).toBe(403);
    expect((await t.http.delete(`/api/channels/${channel.id}/members/${c.user.id}`).set(bearer(alice.accessToken))).status).toBe(204);
    await eventually(() => expect(removed).toEqual([{ channelId: channel.id }]), 1000);
    await send(a, 'after removal');
    await sleep(200);
    expect(got).toHaveLength(1);
    expect((await t.http.get(`/api/channels/${channel.id}/messages`).set(bearer(c.accessToken))).status).toBe(404);
  });
});
