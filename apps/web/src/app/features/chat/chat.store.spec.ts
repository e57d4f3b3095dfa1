import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { Message, MessagePage, MyChannel, Page, User } from '@klasteris/contracts';
import { Subject } from 'rxjs';
import { AuthStore } from '../../core/auth/auth.store';
import { SOCKET_DISCONNECTED, SOCKET_TIMEOUT, SocketService } from '../../core/socket.service';
import { buildRows } from './chat-logic';
import { ChatStore, RESEND_DELAY_MS } from './chat.store';

const ME = 'u-me';
const OTHER = 'u-other';

const msg = (seq: number, over: Partial<Message> = {}): Message => ({
  id: `m${seq}`,
  channelId: 'c1',
  seq,
  authorId: OTHER,
  body: `message ${seq}`,
  clientMsgId: `cm${seq}`,
  createdAt: new Date(Date.UTC(2026, 2, 1, 9, 0, seq)).toISOString(),
  replyCount: 0,
  reactions: [],
  mentions: [],
  mentionsChannel: false,
  pinned: false,
  attachments: [],
  ...over,
});

const channel = (over: Partial<MyChannel> = {}): MyChannel => ({
  id: 'c1',
  type: 'public',
  name: 'general',
  topic: null,
  description: null,
  archived: false,
  createdBy: OTHER,
  createdAt: '2026-01-01T00:00:00.000Z',
  memberCount: 2,
  lastSeq: 3,
  groupId: null,
  projectId: null,
  eventId: null,
  slowModeSeconds: 0,
  role: 'member',
  lastReadSeq: 3,
  unread: 0,
  mentions: 0,
  notify: 'all',
  muted: false,
  mutedUntil: null,
  slowModeExempt: false,
  ...over,
});

type Deferred = { payload: Record<string, unknown>; event: string; resolve: (v: unknown) => void; reject: (e: Error) => void };

/** A SocketService double: tests decide when (and whether) each ack arrives. */
class FakeSocket {
  readonly connected = signal(true);
  readonly reconnected = new Subject<void>();
  readonly requests: Deferred[] = [];
  private readonly subjects = new Map<string, Subject<unknown>>();

  on(name: string): Subject<unknown> {
    if (!this.subjects.has(name)) this.subjects.set(name, new Subject());
    return this.subjects.get(name)!;
  }

  emit(name: string, payload: unknown): void {
    this.on(name).next(payload);
  }

  request(event: string, payload: Record<string, unknown>): Promise<unknown> {
    if (!this.connected()) return Promise.reject(new Error(SOCKET_DISCONNECTED));
    return new Promise((resolve, reject) => this.requests.push({ event, payload, resolve, reject }));
  }

  sends(): Deferred[] {
    return this.requests.filter((r) => r.event === 'message:send');
  }
}

const flush = async (): Promise<void> => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
  TestBed.tick();
};

describe('ChatStore', () => {
  let store: ChatStore;
  let socket: FakeSocket;
  let http: HttpTestingController;

  const expectMessages = (match: (params: URLSearchParams) => boolean = () => true): TestRequest =>
    http.expectOne((r) => r.url === '/api/channels/c1/messages' && match(new URLSearchParams(r.params.toString())));

  async function openWith(items: Message[], hasMore = false): Promise<void> {
    store.open('c1');
    expectMessages((p) => !p.has('after') && !p.has('before')).flush({ items, hasMore } satisfies MessagePage);
    await flush();
  }

  beforeEach(async () => {
    socket = new FakeSocket();
    const user = signal<Partial<User> | null>({ id: ME, displayName: 'Me' });
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: SocketService, useValue: socket },
        { provide: AuthStore, useValue: { user, isLoggedIn: () => true, accessToken: () => 't' } },
      ],
    });
    store = TestBed.inject(ChatStore);
    http = TestBed.inject(HttpTestingController);
    TestBed.tick();
    const channels = store.loadChannels();
    http.expectOne('/api/channels').flush({ items: [channel()], nextCursor: null } satisfies Page<MyChannel>);
    await channels;
  });

  afterEach(() => {
    http.verify();
    jest.useRealTimers();
  });

  it('shows a sent message at once as pending and replaces it with the stored one on ack', async () => {
    await openWith([msg(1), msg(2), msg(3)]);
    const pending = store.send('c1', '  hello  ')!;
    expect(store.pending().map((p) => [p.body, p.state])).toEqual([['hello', 'sending']]);
    const rows = buildRows(store.window('c1').items, store.pending(), { dividerAfterSeq: null, myId: ME });
    expect(rows[rows.length - 1]).toMatchObject({ kind: 'pending', key: `m:${ME}:${pending.clientMsgId}` });

    await flush();
    const [send] = socket.sends();
    expect(send.payload).toEqual({ channelId: 'c1', clientMsgId: pending.clientMsgId, body: 'hello' });
    send.resolve({ ok: true, message: msg(4, { authorId: ME, clientMsgId: pending.clientMsgId, body: 'hello', id: 'm4' }) });
    await flush();

    expect(store.pending()).toEqual([]);
    expect(store.window('c1').items.map((m) => m.seq)).toEqual([1, 2, 3, 4]);
    // the stored message keeps the pending row's key, so the row does not jump
    const after = buildRows(store.window('c1').items, store.pending(), { dividerAfterSeq: null, myId: ME });
    expect(after[after.length - 1]).toMatchObject({ kind: 'message', key: `m:${ME}:${pending.clientMsgId}` });
    // my own message does not count as unread
    expect(store.channel('c1')).toMatchObject({ unread: 0, lastSeq: 4, lastReadSeq: 4 });
  });

  it('sends the messages of a channel one at a time, in the order they were typed', async () => {
    await openWith([msg(1)]);
    const first = store.send('c1', 'first')!;
    const second = store.send('c1', 'second')!;
    await flush();
    expect(socket.sends().map((s) => s.payload['body'])).toEqual(['first']);
    socket.sends()[0].resolve({ ok: true, message: msg(2, { authorId: ME, clientMsgId: first.clientMsgId, body: 'first' }) });
    await flush();
    expect(socket.sends().map((s) => s.payload['body'])).toEqual(['first', 'second']);
    socket.sends()[1].resolve({ ok: true, message: msg(3, { authorId: ME, clientMsgId: second.clientMsgId, body: 'second' }) });
    await flush();
    expect(store.window('c1').items.map((m) => m.body)).toEqual(['message 1', 'first', 'second']);
  });

  it('the echo of my own message arriving before the ack does not show it twice', async () => {
    await openWith([msg(1)]);
    const pending = store.send('c1', 'hi')!;
    await flush();
    const stored = msg(2, { authorId: ME, clientMsgId: pending.clientMsgId });
    socket.emit('message:new', { message: stored });
    expect(store.pending()).toEqual([]);
    socket.sends()[0].resolve({ ok: true, message: stored });
    await flush();
    expect(store.window('c1').items.map((m) => m.id)).toEqual(['m1', 'm2']);
  });

  it('resends with the same clientMsgId when no ack came, and after a reconnect', async () => {
    jest.useFakeTimers();
    await openWith([msg(1)]);
    const pending = store.send('c1', 'are you there?')!;
    await flush();
    socket.sends()[0].reject(new Error(SOCKET_TIMEOUT));
    await flush();
    expect(store.pending()[0].state).toBe('sending');
    jest.advanceTimersByTime(RESEND_DELAY_MS);
    await flush();
    expect(socket.sends()).toHaveLength(2);

    // the connection drops while the second attempt is in flight
    socket.connected.set(false);
    socket.sends()[1].reject(new Error(SOCKET_DISCONNECTED));
    await flush();
    jest.advanceTimersByTime(RESEND_DELAY_MS * 5);
    await flush();
    expect(socket.sends()).toHaveLength(2); // nothing is sent while offline

    socket.connected.set(true);
    TestBed.tick();
    await flush();
    expect(socket.sends()).toHaveLength(3);
    expect(new Set(socket.sends().map((s) => s.payload['clientMsgId']))).toEqual(new Set([pending.clientMsgId]));
    socket.sends()[2].resolve({ ok: true, message: msg(2, { authorId: ME, clientMsgId: pending.clientMsgId }) });
    await flush();
    expect(store.pending()).toEqual([]);
    expect(store.window('c1').items.map((m) => m.seq)).toEqual([1, 2]);
  });

  it('waits out RATE_LIMITED and fails visibly on MUTED, then retries on demand', async () => {
    jest.useFakeTimers();
    await openWith([]);
    store.send('c1', 'fast');
    await flush();
    socket.sends()[0].resolve({ ok: false, error: { code: 'RATE_LIMITED', message: 'slow down', details: { retryAfter: 1.5 } } });
    await flush();
    expect(store.pending()[0].state).toBe('sending');
    jest.advanceTimersByTime(1400);
    await flush();
    expect(socket.sends()).toHaveLength(1);
    jest.advanceTimersByTime(200);
    await flush();
    expect(socket.sends()).toHaveLength(2);

    socket.sends()[1].resolve({ ok: false, error: { code: 'MUTED', message: 'muted', details: { until: '2026-03-01T10:00:00Z' } } });
    await flush();
    expect(store.pending()[0]).toMatchObject({ state: 'failed', errorCode: 'MUTED' });
    jest.advanceTimersByTime(10_000);
    await flush();
    expect(socket.sends()).toHaveLength(2); // a failed message waits for the person

    store.retry(store.pending()[0].clientMsgId);
    await flush();
    expect(socket.sends()).toHaveLength(3);
    expect(socket.sends()[2].payload['clientMsgId']).toBe(socket.sends()[0].payload['clientMsgId']);
  });

  it('after a reconnect catches up from the last seq seen, page by page, without duplicates', async () => {
    await openWith([msg(1), msg(2), msg(3)]);
    socket.emit('message:new', { message: msg(4) });
    expect(store.channel('c1')).toMatchObject({ unread: 1, lastSeq: 4 });

    socket.reconnected.next();
    await flush();
    http.expectOne('/api/channels').flush({ items: [channel({ lastSeq: 9, unread: 6 })], nextCursor: null });
    await flush();
    const first = expectMessages((p) => p.get('after') === '4');
    // the page overlaps what we hold (4) and carries a thread reply (6) that must not enter the channel list
    first.flush({ items: [msg(4), msg(5), msg(6, { threadRootId: 'm5' }), msg(7)], hasMore: true } satisfies MessagePage);
    await flush();
    // a live event races the catch-up
    socket.emit('message:new', { message: msg(8) });
    const second = expectMessages((p) => p.get('after') === '7');
    second.flush({ items: [msg(8), msg(9)], hasMore: false } satisfies MessagePage);
    await flush();

    expect(store.window('c1').items.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5, 7, 8, 9]);
    expect(store.channel('c1')).toMatchObject({ lastSeq: 9, unread: 6 });
  });

  it('catches up from the last seq without a gap when live events came out of order (two API nodes)', async () => {
    await openWith([msg(1), msg(2), msg(3)]);
    // 5 arrived (from this node) but 4 (relayed from the other node) had not when the connection dropped
    socket.emit('message:new', { message: msg(5) });
    socket.reconnected.next();
    await flush();
    http.expectOne('/api/channels').flush({ items: [channel({ lastSeq: 5 })], nextCursor: null });
    await flush();
    expectMessages((p) => p.get('after') === '3').flush({ items: [msg(4), msg(5)], hasMore: false } satisfies MessagePage);
    await flush();
    expect(store.window('c1').items.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5]);

    // in order again: the next catch-up starts after 6
    socket.emit('message:new', { message: msg(6) });
    socket.reconnected.next();
    await flush();
    http.expectOne('/api/channels').flush({ items: [channel({ lastSeq: 6 })], nextCursor: null });
    await flush();
    expectMessages((p) => p.get('after') === '6').flush({ items: [], hasMore: false } satisfies MessagePage);
    await flush();
  });

  it('keeps a message "sending" through a database outage (SERVICE_UNAVAILABLE) and resends it', async () => {
    jest.useFakeTimers();
    await openWith([]);
    store.send('c1', 'during the outage');
    await flush();
    socket.sends()[0].resolve({ ok: false, error: { code: 'SERVICE_UNAVAILABLE', message: 'database down', details: { retryAfter: 3 } } });
    await flush();
    expect(store.pending()[0].state).toBe('sending');
    jest.advanceTimersByTime(3000);
    await flush();
    expect(socket.sends()).toHaveLength(2);
    expect(socket.sends()[1].payload['clientMsgId']).toBe(socket.sends()[0].payload['clientMsgId']);
    socket
      .sends()[1]
      .resolve({ ok: true, message: msg(1, { authorId: ME, clientMsgId: socket.sends()[0].payload['clientMsgId'] as string }) });
    await flush();
    expect(store.pending()).toHaveLength(0);
  });

  it('an update that arrives during a catch-up is not undone by an older copy', async () => {
    await openWith([msg(1)]);
    socket.emit('message:updated', { message: msg(1, { body: 'edited', editedAt: '2026-03-01T10:00:00.000Z' }) });
    store.receive([msg(1)], false);
    expect(store.window('c1').items[0].body).toBe('edited');
  });

  it('counts unread and mentions for messages of others, and mark-read resets them', async () => {
    await openWith([msg(1), msg(2), msg(3)]);
    socket.emit('message:new', { message: msg(4) });
    socket.emit('message:new', { message: msg(5, { mentions: [ME] }) });
    socket.emit('message:new', { message: msg(6, { threadRootId: 'm4' }) }); // replies do not count in the channel
    socket.emit('message:new', { message: msg(5, { mentions: [ME] }) }); // a duplicate event is not counted twice
    expect(store.channel('c1')).toMatchObject({ unread: 2, mentions: 1, lastSeq: 6 });

    store.markRead('c1', 6);
    expect(store.channel('c1')).toMatchObject({ unread: 0, mentions: 0, lastReadSeq: 6 });
    const read = socket.requests.find((r) => r.event === 'channel:read')!;
    expect(read.payload).toEqual({ channelId: 'c1', seq: 6 });
    read.resolve({ ok: true, unread: 0, mentions: 0 });
    await flush();

    store.markRead('c1', 5); // never backwards
    expect(socket.requests.filter((r) => r.event === 'channel:read')).toHaveLength(1);

    // my other device read further: the badge follows
    socket.emit('message:new', { message: msg(7) });
    expect(store.channel('c1')!.unread).toBe(1);
    socket.emit('channel:read', { channelId: 'c1', lastReadSeq: 7, unread: 0, mentions: 0 });
    expect(store.channel('c1')).toMatchObject({ unread: 0, lastReadSeq: 7 });
  });

  it('pages back with before=<oldest seq> and merges in order', async () => {
    await openWith([msg(51), msg(52)], true);
    const older = store.loadOlder('c1');
    expectMessages((p) => p.get('before') === '51').flush({ items: [msg(49), msg(50)], hasMore: false } satisfies MessagePage);
    await older;
    expect(store.window('c1').items.map((m) => m.seq)).toEqual([49, 50, 51, 52]);
    expect(store.window('c1').hasMoreBefore).toBe(false);
  });

  it('a deleted message becomes a tombstone that says who removed it', async () => {
    await openWith([msg(1), msg(2)]);
    socket.emit('message:deleted', { channelId: 'c1', messageId: 'm2', seq: 2, deletedBy: 'moderator' });
    const m = store.window('c1').items[1];
    expect(m.deletedAt).toBeTruthy();
    expect(m.body).toBe('');
    expect(m.deletedBy).toBe('moderator');
  });

  it('a mute reaches every channel of its group (live event or MUTED ack) and an unmute lifts it', async () => {
    store.upsertChannel(channel({ id: 'g1-general', groupId: 'g1' }));
    store.upsertChannel(channel({ id: 'g1-news', groupId: 'g1', type: 'announcement' }));
    store.upsertChannel(channel({ id: 'g2-general', groupId: 'g2' }));
    const mutes = (): Record<string, string | null> => Object.fromEntries(store.channels().map((c) => [c.id, c.mutedUntil]));

    socket.emit('moderation:mute', { groupId: 'g1', until: '2030-01-01T10:00:00.000Z' });
    expect(mutes()).toEqual({
      c1: null,
      'g1-general': '2030-01-01T10:00:00.000Z',
      'g1-news': '2030-01-01T10:00:00.000Z',
      'g2-general': null,
    });
    socket.emit('moderation:mute', { groupId: 'g1', until: null });
    expect(mutes()).toEqual({ c1: null, 'g1-general': null, 'g1-news': null, 'g2-general': null });

    // a send refused with MUTED tells the client the same, e.g. when the live event was missed
    store.send('g2-general', 'hello?');
    await flush();
    socket.sends()[0].resolve({ ok: false, error: { code: 'MUTED', message: 'muted', details: { until: '2030-02-02T00:00:00.000Z' } } });
    await flush();
    expect(store.channel('g2-general')?.mutedUntil).toBe('2030-02-02T00:00:00.000Z');
    expect(store.channel('g1-general')?.mutedUntil).toBeNull();
  });

  it('slow mode: after my post the channel waits N seconds (not for the exempt); SLOW_MODE sets the wait from retryAfter', async () => {
    jest.useFakeTimers({ now: new Date('2030-01-01T10:00:00.000Z') });
    const t0 = Date.now();
    store.upsertChannel(channel({ id: 'slow', groupId: 'g1', slowModeSeconds: 30 }));
    store.upsertChannel(channel({ id: 'slow-coord', groupId: 'g2', slowModeSeconds: 30, slowModeExempt: true }));
    store.send('slow', 'one');
    store.send('slow-coord', 'two');
    await flush();
    const [a, b] = socket.sends();
    a.resolve({
      ok: true,
      message: msg(1, { id: 'x1', channelId: 'slow', authorId: ME, clientMsgId: a.payload['clientMsgId'] as string }),
    });
    b.resolve({
      ok: true,
      message: msg(1, { id: 'x2', channelId: 'slow-coord', authorId: ME, clientMsgId: b.payload['clientMsgId'] as string }),
    });
    await flush();
    expect(store.slowUntil()).toEqual({ slow: t0 + 30_000 });

    store.send('slow', 'too soon');
    await flush();
    socket.sends()[2].resolve({ ok: false, error: { code: 'SLOW_MODE', message: 'slow', details: { retryAfter: 12.5, seconds: 30 } } });
    await flush();
    expect(store.slowUntil()['slow']).toBe(t0 + 12_500);
    expect(store.pending()[0].state).toBe('sending'); // sent again by itself when the wait is over
  });
});

describe('ChatStore start-up', () => {
  it('a store created while signed in keeps what a page started loading before its first effects ran', async () => {
    const socket = new FakeSocket();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: SocketService, useValue: socket },
        { provide: AuthStore, useValue: { user: signal({ id: ME }), isLoggedIn: () => true, accessToken: () => 't' } },
      ],
    });
    const store = TestBed.inject(ChatStore);
    const http = TestBed.inject(HttpTestingController);
    store.open('c1'); // e.g. a reload of /chat/c1
    const channels = store.loadChannels();
    TestBed.tick(); // the store's effects run now
    http.expectOne('/api/channels').flush({ items: [channel()], nextCursor: null });
    await channels;
    http.expectOne((r) => r.url === '/api/channels/c1/messages').flush({ items: [msg(1)], hasMore: false });
    await flush();
    expect(store.activeChannel()?.id).toBe('c1');
    expect(store.window('c1').items.map((m) => m.seq)).toEqual([1]);
    http.verify();
  });
});

describe('buildRows', () => {
  const at = (iso: string, seq: number, authorId = OTHER): Message => msg(seq, { createdAt: iso, authorId });

  it('puts the new-messages divider before the first unread message of someone else', () => {
    const messages = [
      at('2026-03-01T09:00:00Z', 1),
      at('2026-03-01T09:01:00Z', 2, ME),
      at('2026-03-01T09:02:00Z', 3, ME),
      at('2026-03-01T09:03:00Z', 4),
      at('2026-03-01T09:04:00Z', 5),
    ];
    const rows = buildRows(messages, [], { dividerAfterSeq: 1, myId: ME });
    const kinds = rows.map((r) => (r.kind === 'message' ? r.message.seq : r.kind));
    expect(kinds).toEqual(['day', 1, 2, 3, 'new', 4, 5]);
  });

  it('has no divider when everything was read', () => {
    const rows = buildRows([at('2026-03-01T09:00:00Z', 1)], [], { dividerAfterSeq: 1, myId: ME });
    expect(rows.some((r) => r.kind === 'new')).toBe(false);
  });

  it('groups consecutive messages of one author within five minutes and separates days', () => {
    const messages = [
      at('2026-03-01T09:00:00', 1),
      at('2026-03-01T09:03:00', 2),
      at('2026-03-01T09:09:00', 3),
      at('2026-03-01T09:10:00', 4, ME),
      at('2026-03-02T09:11:00', 5, ME),
    ];
    const rows = buildRows(messages, [], { dividerAfterSeq: null, myId: ME });
    const summary = rows.map((r) => (r.kind === 'message' ? `${r.message.seq}${r.grouped ? 'g' : ''}` : r.kind));
    expect(summary).toEqual(['day', '1', '2g', '3', '4', 'day', '5']);
  });
});
