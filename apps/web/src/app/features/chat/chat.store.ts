import { Injectable, computed, effect, inject, signal, untracked } from '@angular/core';
import type { AckError, Attachment, Message, MyChannel } from '@klasteris/contracts';
import { AuthStore } from '../../core/auth/auth.store';
import { SocketService } from '../../core/socket.service';
import { ChatActions } from './chat-actions.store';
import { ChatChannels } from './chat-channels.store';
import { ChatLive } from './chat-live.store';
import type { ChannelWindow, PendingMessage } from './chat-logic';
import { ChatOutbox } from './chat-outbox.store';
import { ChatPaging } from './chat-paging.store';
import { ChatThreads, type ThreadWindow } from './chat-threads.store';

export { RESEND_DELAY_MS } from './chat-outbox.store';
export { PAGE_SIZE } from './chat-paging.store';
export type { ThreadWindow } from './chat-threads.store';

const LAST_KEY = 'klasteris.chat.last';

/**
 * Chat state as the pages and components see it: one entry point over the parts it is made of —
 * `ChatChannels` (my channels, counts, previews), `ChatPaging` (the seq window held per channel),
 * `ChatLive` (live events and catch-up), `ChatThreads`, `ChatOutbox` (optimistic sends) and
 * `ChatActions` (edit, delete, react, pin, read position). It owns the session: a sign-out or
 * another person starts every part from nothing.
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
  private readonly auth = inject(AuthStore);
  private readonly socket = inject(SocketService);
  private readonly list = inject(ChatChannels);
  private readonly paging = inject(ChatPaging);
  private readonly threadStore = inject(ChatThreads);
  private readonly outbox = inject(ChatOutbox);
  private readonly live = inject(ChatLive);
  private readonly actions = inject(ChatActions);

  private readonly _activeId = signal<string | null>(null);
  private sessionUser: string | null = null;

  readonly channels = this.list.channels;
  readonly channelsLoaded = this.list.loaded;
  readonly publicChannels = this.list.publicChannels;
  readonly directChannels = this.list.directChannels;
  readonly ordered = this.list.ordered;
  readonly totalUnread = this.list.totalUnread;
  readonly windows = this.paging.windows;
  readonly threads = this.threadStore.threads;
  readonly pending = this.outbox.pending;
  readonly slowUntil = this.outbox.slowUntil;
  readonly activeId = this._activeId.asReadonly();
  readonly myId = computed(() => this.auth.user()?.id ?? null);
  readonly connected = this.socket.connected;

  readonly activeChannel = computed<MyChannel | null>(() => {
    const id = this._activeId();
    return id ? this.list.channel(id) : null;
  });
  readonly isMember = computed(() => {
    const id = this._activeId();
    return !!id && this.list.mine(id) !== null;
  });

  constructor() {
    // a new session (sign-out, another person) starts from nothing; the effect's first run sees
    // the person already signed in and must not wipe what the page has started loading
    this.sessionUser = this.auth.user()?.id ?? null;
    effect(() => {
      const userId = this.auth.user()?.id ?? null;
      untracked(() => this.reset(userId));
    });
  }

  // ---- channels ----
  loadChannels = (force = false): Promise<void> => this.list.load(force);
  channel = (id: string): MyChannel | null => this.list.channel(id);
  upsertChannel = (channel: Partial<MyChannel> & { id: string }): void => this.list.upsert(channel);
  removeChannel = (channelId: string): void => this.live.removeChannel(channelId);
  fetchChannel = (channelId: string): Promise<MyChannel | null> => this.list.fetch(channelId);
  setGroupMute = (groupId: string, until: string | null): void => this.list.setGroupMute(groupId, until);

  // ---- opening and paging ----

  /** Makes a channel the active one and loads its newest page if it has none. */
  open(channelId: string | null): void {
    this._activeId.set(channelId);
    if (!channelId) return;
    this.lastOpened = channelId;
    if (!this.paging.window(channelId).loaded) void this.paging.loadLatest(channelId);
  }

  window = (channelId: string): ChannelWindow => this.paging.window(channelId);
  loadLatest = (channelId: string): Promise<void> => this.paging.loadLatest(channelId);
  loadOlder = (channelId: string): Promise<void> => this.paging.loadOlder(channelId);
  loadNewer = (channelId: string): Promise<void> => this.live.loadNewer(channelId);
  jumpTo = (channelId: string, seq: number): Promise<void> => this.paging.jumpTo(channelId, seq);
  jumpToLatest = (channelId: string): Promise<void> => this.paging.jumpToLatest(channelId);

  // ---- live events and catch-up ----
  receive = (messages: readonly Message[], fromNewEvent: boolean): void => this.live.receive(messages, fromNewEvent);
  catchUpAll = (): Promise<void> => this.live.catchUpAll();

  // ---- threads ----
  thread = (rootId: string): ThreadWindow => this.threadStore.thread(rootId);
  loadThread = (channelId: string, rootId: string, more = false): Promise<void> => this.threadStore.load(channelId, rootId, more);
  findMessage = (messageId: string): Message | null => this.actions.findMessage(messageId);

  // ---- sending ----
  send = (
    channelId: string,
    body: string,
    options: { threadRootId?: string | null; attachments?: Attachment[] } = {},
  ): PendingMessage | null => this.outbox.send(channelId, body, options);
  retry = (clientMsgId: string): void => this.outbox.retry(clientMsgId);
  discard = (clientMsgId: string): void => this.outbox.discard(clientMsgId);
  flushOutbox = (): void => this.outbox.flush();

  // ---- other message actions (ack errors are returned for the UI to show) ----
  edit = (messageId: string, body: string): Promise<AckError | null> => this.actions.edit(messageId, body);
  remove = (messageId: string): Promise<AckError | null> => this.actions.remove(messageId);
  toggleReaction = (messageId: string, emoji: string): Promise<AckError | null> => this.actions.toggleReaction(messageId, emoji);
  setPinned = (message: Message, pinned: boolean): Promise<void> => this.actions.setPinned(message, pinned);
  markRead = (channelId: string, seq: number): void => this.actions.markRead(channelId, seq);

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

  private reset(userId: string | null): void {
    if (userId === this.sessionUser) return;
    this.sessionUser = userId;
    this.outbox.reset();
    this.paging.reset();
    this.threadStore.reset();
    this.list.reset();
    this._activeId.set(null);
  }
}
