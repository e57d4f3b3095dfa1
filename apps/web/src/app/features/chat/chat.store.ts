import { Injectable, computed, effect, inject, signal, untracked } from '@angular/core';
import type { AckError, Attachment, Message, MyChannel } from '@klasteris/contracts';
import { firstValueFrom } from 'rxjs';
import { AuthStore } from '../../core/auth/auth.store';
import { SOCKET_TIMEOUT, SocketService } from '../../core/socket.service';
import { ChatApi } from './chat.api';
import {
  type ChannelWindow,
  type PendingMessage,
  emptyWindow,
  maxSeq,
  mergeMessages,
  newClientMsgId,
  withGroupMute,
  withoutDelivered,
  SeqCursor,
} from './chat-logic';

export const PAGE_SIZE = 50;
const CATCH_UP_PAGE = 100;
/** Resend an unacknowledged message after this long while connected (same clientMsgId). */
export const RESEND_DELAY_MS = 2000;

export interface ThreadWindow {
  items: Message[];
  loaded: boolean;
  loading: boolean;
}

const isRoot = (m: Message): boolean => !m.threadRootId;

/** Sorts the sidebar: channels by name, DMs by latest activity then name. */
function sortChannels(list: MyChannel[]): MyChannel[] {
  return [...list].sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Chat state: my channels with unread and mention counts, the messages held per channel (a
 * contiguous seq window), threads, and the outbox of optimistic sends.
 *
 * Guarantees the UI builds on:
 * - a message shows at once as pending and is resent with the SAME clientMsgId until the server
 *   acks it (the server stores it once), including after a reconnect;
 * - every live event, catch-up page and ack is merged by seq/id, so nothing shows twice;
 * - after a reconnect every open channel and thread asks for `after=<last seq seen>` until it
 *   has everything it missed, and the channel list (unread counts) is reloaded.
 */
@Injectable({ providedIn: 'root' })
export class ChatStore {
  private readonly api = inject(ChatApi);
  private readonly socket = inject(SocketService);
  private readonly auth = inject(AuthStore);

  private readonly _channels = signal<MyChannel[]>([]);
  private readonly _channelsLoaded = signal(false);
  private readonly _windows = signal<Record<string, ChannelWindow>>({});
  private readonly _threads = signal<Record<string, ThreadWindow>>({});
  private readonly _pending = signal<PendingMessage[]>([]);
  private readonly _activeId = signal<string | null>(null);
  /** channels seen but not joined (public preview), by id */
  private readonly _previews = signal<Record<string, MyChannel>>({});
  /** slow mode: when I may post again, per channel (epoch ms), from my last send or a SLOW_MODE ack */
  private readonly _slowUntil = signal<Record<string, number>>({});
  private readonly inFlight = new Set<string>();
  private readonly resendTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly catchingUp = new Set<string>();
  /** per channel with a live (newest) window: where a catch-up starts so nothing is skipped */
  private readonly cursors = new Map<string, SeqCursor>();
  private channelsRequest: Promise<void> | null = null;
  private sessionUser: string | null = null;

  readonly channels = this._channels.asReadonly();
  readonly channelsLoaded = this._channelsLoaded.asReadonly();
  readonly windows = this._windows.asReadonly();
  readonly threads = this._threads.asReadonly();
  readonly pending = this._pending.asReadonly();
  readonly activeId = this._activeId.asReadonly();
  readonly slowUntil = this._slowUntil.asReadonly();
  readonly myId = computed(() => this.auth.user()?.id ?? null);
  readonly connected = this.socket.connected;

  readonly publicChannels = computed(() => sortChannels(this._channels().filter((c) => c.type !== 'direct')));
  readonly directChannels = computed(() =>
    [...this._channels().filter((c) => c.type === 'direct')].sort((a, b) => b.lastSeq - a.lastSeq || a.name.localeCompare(b.name)),
  );
  /** the sidebar order (channels, then DMs), used by Alt+↑/↓ */
  readonly ordered = computed(() => [...this.publicChannels(), ...this.directChannels()]);
  readonly activeChannel = computed<MyChannel | null>(() => {
    const id = this._activeId();
    if (!id) return null;
    return this._channels().find((c) => c.id === id) ?? this._previews()[id] ?? null;
  });
  readonly isMember = computed(() => {
    const id = this._activeId();
    return !!id && this._channels().some((c) => c.id === id);
  });
  readonly totalUnread = computed(() => this._channels().reduce((n, c) => n + (c.muted ? 0 : c.unread), 0));

  constructor() {
    // a new session (sign-out, another person) starts from nothing; the effect's first run sees
    // the person already signed in and must not wipe what the page has started loading
    this.sessionUser = this.auth.user()?.id ?? null;
    effect(() => {
      const userId = this.auth.user()?.id ?? null;
      untracked(() => this.reset(userId));
    });
    // (re)connected: send what is waiting
    effect(() => {
      if (this.socket.connected()) untracked(() => this.flushOutbox());
    });
    this.socket.reconnected.subscribe(() => void this.catchUpAll());
    this.socket.on('message:new').subscribe(({ message }) => this.receive([message], true));
    this.socket.on('message:updated').subscribe(({ message }) => this.receive([message], false));
    this.socket.on('message:deleted').subscribe(({ channelId, messageId, deletedBy }) => this.markDeleted(channelId, messageId, deletedBy));
    this.socket.on('channel:updated').subscribe(({ channel }) => this.upsertChannel(channel));
    this.socket.on('channel:removed').subscribe(({ channelId }) => this.removeChannel(channelId));
    this.socket.on('moderation:mute').subscribe(({ groupId, until }) => this.setGroupMute(groupId, until));
    this.socket.on('channel:read').subscribe((e) =>
      this.patchChannel(e.channelId, (c) => (e.lastReadSeq >= c.lastReadSeq ? { ...c, lastReadSeq: e.lastReadSeq, unread: e.unread, mentions: e.mentions } : c)),
    );
  }

  // ---- channels ----

  /** Loads my channels once per session (again after a reconnect). */
  loadChannels(force = false): Promise<void> {
    if (this._channelsLoaded() && !force) return Promise.resolve();
    if (this.channelsRequest) return this.channelsRequest;
    this.channelsRequest = firstValueFrom(this.api.myChannels())
      .then((page) => {
        this._channels.set(page.items);
        this._channelsLoaded.set(true);
      })
      .catch(() => this._channelsLoaded.set(true))
      .finally(() => (this.channelsRequest = null));
    return this.channelsRequest;
  }

  channel(id: string): MyChannel | null {
    return this._channels().find((c) => c.id === id) ?? this._previews()[id] ?? null;
  }

  upsertChannel(channel: Partial<MyChannel> & { id: string }): void {
    const held = this._channels().find((c) => c.id === channel.id);
    if (held) {
      // lastSeq and the read counts move with message events and channel:read only: a channel
      // update racing a message:new must not make that message look already counted
      const { lastSeq: _seq, unread: _unread, mentions: _mentions, lastReadSeq: _read, ...rest } = channel;
      this.patchChannel(channel.id, (c) => ({ ...c, ...rest }));
    } else if ('role' in channel && channel.role) {
      this._channels.update((list) => [...list, channel as MyChannel]);
      this._previews.update((p) => omit(p, channel.id));
    } else {
      // a channel I was added to arrives without my member view: fetch it
      this.api.channel(channel.id).subscribe({ next: ({ channel: c }) => this.addOrPreview(c), error: () => undefined });
    }
  }

  private addOrPreview(c: MyChannel): void {
    if (c.role) {
      this._channels.update((list) => (list.some((x) => x.id === c.id) ? list.map((x) => (x.id === c.id ? c : x)) : [...list, c]));
      this._previews.update((p) => omit(p, c.id));
    } else {
      this._previews.update((p) => ({ ...p, [c.id]: c }));
    }
  }

  removeChannel(channelId: string): void {
    this._channels.update((list) => list.filter((c) => c.id !== channelId));
    this._windows.update((w) => omit(w, channelId));
    this._pending.update((p) => p.filter((x) => x.channelId !== channelId));
  }

  /** Fetches a channel I am not a member of (public preview) or refreshes one of mine. */
  fetchChannel(channelId: string): Promise<MyChannel | null> {
    return firstValueFrom(this.api.channel(channelId))
      .then(({ channel }) => {
        this.addOrPreview(channel);
        return channel;
      })
      .catch(() => null);
  }

  /** A moderator muted me in a working group until `until` (or lifted it): every channel of the group follows. */
  setGroupMute(groupId: string, until: string | null): void {
    this._channels.update((list) => withGroupMute(list, groupId, until));
  }

  private patchChannel(channelId: string, fn: (c: MyChannel) => MyChannel): void {
    this._channels.update((list) => list.map((c) => (c.id === channelId ? fn(c) : c)));
  }

  // ---- opening and paging ----

  /** Makes a channel the active one and loads its newest page if it has none. */
  open(channelId: string | null): void {
    this._activeId.set(channelId);
    if (!channelId) return;
    this.lastOpened = channelId;
    const w = this._windows()[channelId];
    if (!w?.loaded) void this.loadLatest(channelId);
  }

  window(channelId: string): ChannelWindow {
    return this._windows()[channelId] ?? emptyWindow();
  }

  async loadLatest(channelId: string): Promise<void> {
    this.patchWindow(channelId, (w) => ({ ...w, loadingBefore: true }));
    try {
      const page = await firstValueFrom(this.api.messages(channelId, { limit: PAGE_SIZE }));
      this.cursors.set(channelId, new SeqCursor(maxSeq(page.items)));
      this.patchWindow(channelId, () => ({
        ...emptyWindow(),
        items: page.items.filter(isRoot),
        hasMoreBefore: page.hasMore,
        loaded: true,
      }));
    } catch {
      this.patchWindow(channelId, (w) => ({ ...w, loadingBefore: false, loaded: true }));
    }
  }

  /** Infinite scroll back: the page before the oldest message held. */
  async loadOlder(channelId: string): Promise<void> {
    const w = this.window(channelId);
    if (!w.loaded || w.loadingBefore || !w.hasMoreBefore || w.items.length === 0) return;
    this.patchWindow(channelId, (x) => ({ ...x, loadingBefore: true }));
    try {
      const page = await firstValueFrom(this.api.messages(channelId, { before: w.items[0].seq, limit: PAGE_SIZE }));
      this.patchWindow(channelId, (x) => ({
        ...x,
        items: mergeMessages(x.items, page.items.filter(isRoot)),
        hasMoreBefore: page.hasMore,
        loadingBefore: false,
      }));
    } catch {
      this.patchWindow(channelId, (x) => ({ ...x, loadingBefore: false }));
    }
  }

  /** After jumping back in history: the page after the newest message held. */
  async loadNewer(channelId: string): Promise<void> {
    const w = this.window(channelId);
    if (!w.loaded || w.loadingAfter || !w.hasMoreAfter) return;
    this.patchWindow(channelId, (x) => ({ ...x, loadingAfter: true }));
    try {
      const page = await firstValueFrom(this.api.messages(channelId, { after: maxSeq(w.items), limit: CATCH_UP_PAGE }));
      // the window reached the newest messages: from now on it is live
      if (!page.hasMore) this.completeCursor(channelId, page.items.length ? page.items[page.items.length - 1].seq : maxSeq(w.items));
      this.patchWindow(channelId, (x) => ({
        ...x,
        // a page of only thread replies still moves us forward: remember where it ended
        items: mergeMessages(x.items, page.items.filter(isRoot)),
        hasMoreAfter: page.hasMore,
        loadingAfter: false,
      }));
      if (page.hasMore && !page.items.some(isRoot) && page.items.length) {
        // only replies in this page: keep going from its last seq
        await this.catchUpFrom(channelId, page.items[page.items.length - 1].seq, true);
      }
    } catch {
      this.patchWindow(channelId, (x) => ({ ...x, loadingAfter: false }));
    }
  }

  /** Shows a message in context: the messages around `seq` (then paging both ways). */
  async jumpTo(channelId: string, seq: number): Promise<void> {
    const w = this.window(channelId);
    if (w.loaded && w.items.length && w.items[0].seq <= seq && (seq <= maxSeq(w.items) || !w.hasMoreAfter)) return;
    this.patchWindow(channelId, (x) => ({ ...x, loadingBefore: true }));
    try {
      const [older, newer] = await Promise.all([
        firstValueFrom(this.api.messages(channelId, { before: seq + 1, limit: 25 })),
        firstValueFrom(this.api.messages(channelId, { after: seq, limit: 50 })),
      ]);
      if (newer.hasMore) this.cursors.delete(channelId);
      else this.cursors.set(channelId, new SeqCursor(Math.max(maxSeq(older.items), maxSeq(newer.items))));
      this.patchWindow(channelId, () => ({
        ...emptyWindow(),
        items: mergeMessages(older.items.filter(isRoot), newer.items.filter(isRoot)),
        hasMoreBefore: older.hasMore,
        hasMoreAfter: newer.hasMore,
        loaded: true,
      }));
    } catch {
      this.patchWindow(channelId, (x) => ({ ...x, loadingBefore: false, loaded: true }));
    }
  }

  /** Back to the newest messages (drops a history window). */
  async jumpToLatest(channelId: string): Promise<void> {
    if (this.window(channelId).hasMoreAfter) await this.loadLatest(channelId);
  }

  // ---- live events and catch-up ----

  /**
   * Merges messages from any source. `fromNewEvent` counts unread/mentions for channels of mine.
   * Roots go to the channel window (when it holds the newest messages), replies to a loaded thread.
   */
  receive(messages: readonly Message[], fromNewEvent: boolean): void {
    if (messages.length === 0) return;
    if (fromNewEvent) for (const m of messages) this.cursors.get(m.channelId)?.see(m.seq);
    const me = this.myId();
    const byChannel = new Map<string, Message[]>();
    for (const m of messages) byChannel.set(m.channelId, [...(byChannel.get(m.channelId) ?? []), m]);

    this._windows.update((all) => {
      let next = all;
      for (const [channelId, list] of byChannel) {
        const w = all[channelId];
        if (!w?.loaded) continue;
        const roots = list.filter(isRoot);
        // in a history window new messages would leave a gap: only updates of held ones apply
        const apply = w.hasMoreAfter ? roots.filter((m) => w.items.some((x) => x.id === m.id)) : roots;
        if (apply.length === 0) continue;
        next = { ...next, [channelId]: { ...w, items: mergeMessages(w.items, apply) } };
      }
      return next;
    });
    const replies = messages.filter((m) => m.threadRootId);
    if (replies.length) {
      this._threads.update((all) => {
        let next = all;
        for (const r of replies) {
          const t = all[r.threadRootId!];
          if (t?.loaded) next = { ...next, [r.threadRootId!]: { ...t, items: mergeMessages(next[r.threadRootId!].items, [r]) } };
        }
        return next;
      });
    }
    this._pending.update((p) => withoutDelivered(p, messages));

    if (fromNewEvent) {
      for (const [channelId, list] of byChannel) {
        const known = this._channels().some((c) => c.id === channelId);
        if (!known) {
          this.upsertChannel({ id: channelId });
          continue;
        }
        this.patchChannel(channelId, (c) => {
          let { unread, mentions, lastReadSeq } = c;
          let lastSeq = c.lastSeq;
          for (const m of list) {
            if (m.seq <= c.lastSeq) continue; // already counted
            lastSeq = Math.max(lastSeq, m.seq);
            if (m.authorId === me) {
              if (!m.threadRootId) lastReadSeq = Math.max(lastReadSeq, m.seq);
              continue;
            }
            if (m.threadRootId || m.seq <= lastReadSeq) continue;
            unread += 1;
            if ((me && m.mentions.includes(me)) || m.mentionsChannel) mentions += 1;
          }
          return { ...c, unread, mentions, lastSeq, lastReadSeq };
        });
      }
    }
  }

  private markDeleted(channelId: string, messageId: string, deletedBy: Message['deletedBy'] = null): void {
    const tombstone = (m: Message): Message =>
      m.id === messageId && !m.deletedAt ? { ...m, deletedAt: new Date().toISOString(), deletedBy, body: '', reactions: [], attachments: [] } : m;
    this._windows.update((all) => {
      const w = all[channelId];
      return w ? { ...all, [channelId]: { ...w, items: w.items.map(tombstone) } } : all;
    });
    this._threads.update((all) => {
      let next = all;
      for (const [rootId, t] of Object.entries(all)) if (t.items.some((m) => m.id === messageId)) next = { ...next, [rootId]: { ...t, items: t.items.map(tombstone) } };
      return next;
    });
  }

  /** After a reconnect: reload the channel list and fetch everything missed in every held window and thread. */
  async catchUpAll(): Promise<void> {
    await this.loadChannels(true);
    const windows = Object.entries(this._windows()).filter(([, w]) => w.loaded && !w.hasMoreAfter);
    await Promise.all(windows.map(([channelId, w]) => this.catchUpFrom(channelId, this.cursors.get(channelId)?.upTo ?? maxSeq(w.items), false)));
    const threads = Object.entries(this._threads()).filter(([, t]) => t.loaded);
    await Promise.all(threads.map(([rootId]) => this.loadThread(this.threadChannel(rootId) ?? '', rootId, true)));
  }

  /**
   * Pages `after=<seq>` until the server has nothing more. Catch-up pages hold replies too, so
   * the cursor is the last seq of the page, not of the roots kept.
   */
  private async catchUpFrom(channelId: string, fromSeq: number, historyWindow: boolean): Promise<void> {
    if (this.catchingUp.has(channelId)) return;
    this.catchingUp.add(channelId);
    try {
      let after = fromSeq;
      for (let guard = 0; guard < 1000; guard++) {
        const page = await firstValueFrom(this.api.messages(channelId, { after, limit: CATCH_UP_PAGE }));
        this.patchWindow(channelId, (w) => ({ ...w, items: mergeMessages(w.items, page.items.filter(isRoot)), ...(historyWindow ? { hasMoreAfter: page.hasMore } : {}) }));
        this.receive(page.items.filter((m) => m.threadRootId), false);
        this._pending.update((p) => withoutDelivered(p, page.items));
        if (!historyWindow || !page.hasMore) this.completeCursor(channelId, page.items.length ? page.items[page.items.length - 1].seq : after);
        if (!page.hasMore || page.items.length === 0) break;
        after = page.items[page.items.length - 1].seq;
      }
    } catch {
      /* the next reconnect tries again */
    } finally {
      this.catchingUp.delete(channelId);
    }
  }

  // ---- threads ----

  thread(rootId: string): ThreadWindow {
    return this._threads()[rootId] ?? { items: [], loaded: false, loading: false };
  }

  private threadChannel(rootId: string): string | null {
    for (const [channelId, w] of Object.entries(this._windows())) if (w.items.some((m) => m.id === rootId)) return channelId;
    return this._threads()[rootId]?.items[0]?.channelId ?? null;
  }

  /** Loads a thread's replies (oldest first); `more` continues after the last one held. */
  async loadThread(channelId: string, rootId: string, more = false): Promise<void> {
    if (!channelId) return;
    const t = this.thread(rootId);
    if (t.loading || (t.loaded && !more)) return;
    this._threads.update((all) => ({ ...all, [rootId]: { ...t, loading: true } }));
    try {
      let after = more ? maxSeq(t.items) : 0;
      let items = more ? t.items : [];
      for (let guard = 0; guard < 100; guard++) {
        const page = await firstValueFrom(this.api.messages(channelId, { threadRootId: rootId, after, limit: CATCH_UP_PAGE }));
        items = mergeMessages(items, page.items);
        if (!page.hasMore || page.items.length === 0) break;
        after = page.items[page.items.length - 1].seq;
      }
      this._threads.update((all) => ({ ...all, [rootId]: { items: mergeMessages(all[rootId]?.items ?? [], items), loaded: true, loading: false } }));
      this._pending.update((p) => withoutDelivered(p, items));
    } catch {
      this._threads.update((all) => ({ ...all, [rootId]: { ...(all[rootId] ?? t), loaded: true, loading: false } }));
    }
  }

  /** The root message of a thread if the client holds it. */
  findMessage(messageId: string): Message | null {
    for (const w of Object.values(this._windows())) {
      const m = w.items.find((x) => x.id === messageId);
      if (m) return m;
    }
    for (const t of Object.values(this._threads())) {
      const m = t.items.find((x) => x.id === messageId);
      if (m) return m;
    }
    return null;
  }

  // ---- sending ----

  /** Optimistic send: shows a pending message at once and delivers it (retrying) in the background. */
  send(channelId: string, body: string, options: { threadRootId?: string | null; attachments?: Attachment[] } = {}): PendingMessage | null {
    const me = this.myId();
    const text = body.trim();
    const attachments = options.attachments ?? [];
    if (!me || (!text && attachments.length === 0)) return null;
    const pending: PendingMessage = {
      clientMsgId: newClientMsgId(),
      channelId,
      authorId: me,
      body: text,
      threadRootId: options.threadRootId ?? null,
      attachments,
      createdAt: new Date().toISOString(),
      state: 'sending',
    };
    this._pending.update((p) => [...p, pending]);
    void this.deliver(pending.clientMsgId);
    return pending;
  }

  retry(clientMsgId: string): void {
    this.updatePending(clientMsgId, (p) => ({ ...p, state: 'sending', errorCode: undefined }));
    void this.deliver(clientMsgId);
  }

  discard(clientMsgId: string): void {
    this.clearResend(clientMsgId);
    this._pending.update((p) => p.filter((x) => x.clientMsgId !== clientMsgId));
  }

  /** Resends everything still waiting (on connect and reconnect). */
  flushOutbox(): void {
    for (const p of this._pending()) if (p.state === 'sending') void this.deliver(p.clientMsgId);
  }

  /**
   * Sends one pending message. Messages of one channel go one at a time, in the order they were
   * typed, so the server gives them seqs in that order; the next one leaves when this one is acked.
   */
  private async deliver(clientMsgId: string): Promise<void> {
    const all = this._pending();
    const p = all.find((x) => x.clientMsgId === clientMsgId);
    if (!p || p.state !== 'sending' || this.inFlight.has(clientMsgId)) return;
    if (!this.socket.connected()) return; // flushOutbox sends it once connected
    const ahead = all.find((x) => x.channelId === p.channelId && x.state === 'sending');
    if (ahead && ahead.clientMsgId !== clientMsgId) return; // sent after `ahead` is acked
    this.clearResend(clientMsgId);
    this.inFlight.add(clientMsgId);
    try {
      const ack = await this.socket.request('message:send', {
        channelId: p.channelId,
        clientMsgId: p.clientMsgId,
        body: p.body,
        ...(p.threadRootId ? { threadRootId: p.threadRootId } : {}),
        ...(p.attachments.length ? { attachmentIds: p.attachments.map((a) => a.id) } : {}),
      });
      this.inFlight.delete(clientMsgId);
      if (ack.ok) {
        this.receive([ack.message], true);
        this.startSlowMode(p.channelId);
        this.next(p.channelId);
        return;
      }
      this.onSendError(clientMsgId, ack.error);
      this.next(p.channelId);
    } catch (err) {
      this.inFlight.delete(clientMsgId);
      // no ack: the message may or may not be stored; resending the same clientMsgId is safe
      if (err instanceof Error && err.message === SOCKET_TIMEOUT) this.scheduleResend(clientMsgId, RESEND_DELAY_MS);
      // disconnected: flushOutbox resends on reconnect
    }
  }

  /** Sends the oldest message still waiting in a channel. */
  private next(channelId: string): void {
    const first = this._pending().find((x) => x.channelId === channelId && x.state === 'sending');
    if (first && !this.resendTimers.has(first.clientMsgId)) void this.deliver(first.clientMsgId);
  }

  private onSendError(clientMsgId: string, error: AckError): void {
    // waits and sends again with the same clientMsgId (stored once whatever happens); a database
    // outage answers SERVICE_UNAVAILABLE and the message stays "sending" until it is back
    if (error.code === 'RATE_LIMITED' || error.code === 'SLOW_MODE' || error.code === 'SERVICE_UNAVAILABLE') {
      const seconds = Number(error.details?.['retryAfter'] ?? (error.code === 'SERVICE_UNAVAILABLE' ? 2 : 1));
      const ms = Math.max(200, Math.ceil((Number.isFinite(seconds) ? seconds : 1) * 1000));
      if (error.code === 'SLOW_MODE') {
        const channelId = this._pending().find((x) => x.clientMsgId === clientMsgId)?.channelId;
        if (channelId) this._slowUntil.update((all) => ({ ...all, [channelId]: Date.now() + ms }));
      }
      this.scheduleResend(clientMsgId, ms);
      return;
    }
    if (error.code === 'MUTED') {
      const until = error.details?.['until'];
      const groupId = this.channel(this._pending().find((x) => x.clientMsgId === clientMsgId)?.channelId ?? '')?.groupId;
      if (groupId && typeof until === 'string') this.setGroupMute(groupId, until);
    }
    this.updatePending(clientMsgId, (p) => ({ ...p, state: 'failed', errorCode: error.code }));
  }

  /** After a post in a slow-mode channel (unless exempt): the composer counts down to the next allowed one. */
  private startSlowMode(channelId: string): void {
    const c = this.channel(channelId);
    if (!c || c.slowModeSeconds <= 0 || c.slowModeExempt) return;
    this._slowUntil.update((all) => ({ ...all, [channelId]: Date.now() + c.slowModeSeconds * 1000 }));
  }

  private scheduleResend(clientMsgId: string, ms: number): void {
    this.clearResend(clientMsgId);
    this.resendTimers.set(
      clientMsgId,
      setTimeout(() => {
        this.resendTimers.delete(clientMsgId);
        void this.deliver(clientMsgId);
      }, ms),
    );
  }

  private clearResend(clientMsgId: string): void {
    const t = this.resendTimers.get(clientMsgId);
    if (t) clearTimeout(t);
    this.resendTimers.delete(clientMsgId);
  }

  private updatePending(clientMsgId: string, fn: (p: PendingMessage) => PendingMessage): void {
    this._pending.update((list) => list.map((p) => (p.clientMsgId === clientMsgId ? fn(p) : p)));
  }

  // ---- other message actions (ack errors are returned for the UI to show) ----

  async edit(messageId: string, body: string): Promise<AckError | null> {
    return this.applyAck(this.socket.request('message:edit', { messageId, body }));
  }

  async remove(messageId: string): Promise<AckError | null> {
    const res = await this.safeRequest(this.socket.request('message:delete', { messageId }));
    if (res.ok) {
      const m = this.findMessage(messageId);
      if (m) this.markDeleted(m.channelId, messageId);
      return null;
    }
    return res.error;
  }

  async toggleReaction(messageId: string, emoji: string): Promise<AckError | null> {
    return this.applyAck(this.socket.request('reaction:toggle', { messageId, emoji }));
  }

  async setPinned(message: Message, pinned: boolean): Promise<void> {
    const res = await firstValueFrom(this.api.pin(message.id, pinned));
    this.receive([res?.message ?? { ...message, pinned }], false);
  }

  /** Moves my read position to `seq` (optimistically) and lets the server confirm the counts. */
  markRead(channelId: string, seq: number): void {
    const c = this._channels().find((x) => x.id === channelId);
    if (!c || seq <= c.lastReadSeq) return;
    const caughtUp = seq >= c.lastSeq;
    this.patchChannel(channelId, (x) => ({ ...x, lastReadSeq: seq, ...(caughtUp ? { unread: 0, mentions: 0 } : {}) }));
    this.socket
      .request('channel:read', { channelId, seq })
      .then((ack) => {
        if (ack.ok) this.patchChannel(channelId, (x) => (x.lastReadSeq <= seq ? { ...x, unread: ack.unread, mentions: ack.mentions } : x));
      })
      .catch(() => undefined);
  }

  private async applyAck(request: Promise<{ ok: true; message: Message } | { ok: false; error: AckError }>): Promise<AckError | null> {
    const res = await this.safeRequest(request);
    if (res.ok) {
      this.receive([res.message], false);
      return null;
    }
    return res.error;
  }

  private async safeRequest<T extends { ok: boolean }>(request: Promise<T>): Promise<T | { ok: false; error: AckError }> {
    try {
      return await request;
    } catch {
      return { ok: false, error: { code: 'SERVICE_UNAVAILABLE', message: 'No connection' } };
    }
  }

  // ---- helpers ----

  /** Everything of the channel up to `seq` is held: the live window's catch-up may start there. */
  private completeCursor(channelId: string, seq: number): void {
    const cursor = this.cursors.get(channelId) ?? new SeqCursor(seq);
    cursor.complete(seq);
    this.cursors.set(channelId, cursor);
  }

  private patchWindow(channelId: string, fn: (w: ChannelWindow) => ChannelWindow): void {
    this._windows.update((all) => ({ ...all, [channelId]: fn(all[channelId] ?? emptyWindow()) }));
  }

  private reset(userId: string | null): void {
    if (userId === this.sessionUser) return;
    this.sessionUser = userId;
    for (const id of this.resendTimers.keys()) this.clearResend(id);
    this.inFlight.clear();
    this.cursors.clear();
    this._channels.set([]);
    this._channelsLoaded.set(false);
    this._windows.set({});
    this._threads.set({});
    this._pending.set([]);
    this._previews.set({});
    this._slowUntil.set({});
    this._activeId.set(null);
  }

  /** The channel opened last in this session (the chat opens there again). */
  get lastOpened(): string | null {
    try {
      return sessionStorage.getItem(LAST_KEY);
    } catch {
      return null;
    }
  }

  set lastOpened(id: string | null) {
    try {
      if (id) sessionStorage.setItem(LAST_KEY, id);
    } catch {
      /* storage unavailable */
    }
  }
}

const LAST_KEY = 'klasteris.chat.last';

function omit<T>(record: Record<string, T>, key: string): Record<string, T> {
  if (!(key in record)) return record;
  const next = { ...record };
  delete next[key];
  return next;
}
