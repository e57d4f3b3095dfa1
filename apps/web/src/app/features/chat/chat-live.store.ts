import { Injectable, computed, inject } from '@angular/core';
import type { Message } from '@klasteris/contracts';
import { firstValueFrom } from 'rxjs';
import { AuthStore } from '../../core/auth/auth.store';
import { SocketService } from '../../core/socket.service';
import { ChatApi } from './chat.api';
import { ChatChannels } from './chat-channels.store';
import { byChannel, isRoot, maxSeq, mergeMessages } from './chat-logic';
import { ChatOutbox } from './chat-outbox.store';
import { ChatPaging } from './chat-paging.store';
import { ChatThreads } from './chat-threads.store';

const CATCH_UP_PAGE = 100;

/**
 * Live events and catch-up. Every live event, catch-up page and ack is merged by seq/id, so
 * nothing shows twice; after a reconnect the channel list (unread counts) is reloaded and every
 * live window and loaded thread asks for `after=<last seq seen>` until it has everything it missed.
 * Paging a history window forward toward the newest messages is the same loop.
 */
@Injectable({ providedIn: 'root' })
export class ChatLive {
  private readonly api = inject(ChatApi);
  private readonly socket = inject(SocketService);
  private readonly auth = inject(AuthStore);
  private readonly channels = inject(ChatChannels);
  private readonly paging = inject(ChatPaging);
  private readonly threads = inject(ChatThreads);
  private readonly outbox = inject(ChatOutbox);

  private readonly catchingUp = new Set<string>();
  private readonly myId = computed(() => this.auth.user()?.id ?? null);

  constructor() {
    this.socket.reconnected.subscribe(() => void this.catchUpAll());
    this.outbox.acked.subscribe((message) => this.receive([message], true));
    this.socket.on('message:new').subscribe(({ message }) => this.receive([message], true));
    this.socket.on('message:updated').subscribe(({ message }) => this.receive([message], false));
    this.socket.on('message:deleted').subscribe(({ channelId, messageId, deletedBy }) => this.markDeleted(channelId, messageId, deletedBy));
    this.socket.on('channel:updated').subscribe(({ channel }) => this.channels.upsert(channel));
    this.socket.on('channel:removed').subscribe(({ channelId }) => this.removeChannel(channelId));
    this.socket.on('moderation:mute').subscribe(({ groupId, until }) => this.channels.setGroupMute(groupId, until));
    this.socket
      .on('channel:read')
      .subscribe((e) =>
        this.channels.patch(e.channelId, (c) =>
          e.lastReadSeq >= c.lastReadSeq ? { ...c, lastReadSeq: e.lastReadSeq, unread: e.unread, mentions: e.mentions } : c,
        ),
      );
  }

  /**
   * Merges messages from any source. `fromNewEvent` counts unread/mentions for channels of mine.
   * Roots go to the channel window (when it holds the newest messages), replies to a loaded thread.
   */
  receive(messages: readonly Message[], fromNewEvent: boolean): void {
    if (messages.length === 0) return;
    if (fromNewEvent) for (const m of messages) this.paging.seeLive(m);
    const grouped = byChannel(messages);
    for (const [channelId, list] of grouped) this.paging.mergeLive(channelId, list);
    this.threads.mergeReplies(messages.filter((m) => m.threadRootId));
    this.outbox.delivered(messages);
    if (fromNewEvent) for (const [channelId, list] of grouped) this.channels.countIncoming(channelId, list, this.myId());
  }

  markDeleted(channelId: string, messageId: string, deletedBy: Message['deletedBy'] = null): void {
    const tombstone = (m: Message): Message =>
      m.id === messageId && !m.deletedAt
        ? { ...m, deletedAt: new Date().toISOString(), deletedBy, body: '', reactions: [], attachments: [] }
        : m;
    this.paging.mapMessages(channelId, tombstone);
    this.threads.mapThreadOf(messageId, tombstone);
  }

  removeChannel(channelId: string): void {
    this.channels.remove(channelId);
    this.paging.remove(channelId);
    this.outbox.dropChannel(channelId);
  }

  /** After a reconnect: reload the channel list and fetch everything missed in every held window and thread. */
  async catchUpAll(): Promise<void> {
    await this.channels.load(true);
    const live = Object.entries(this.paging.windows()).filter(([, w]) => w.loaded && !w.hasMoreAfter);
    await Promise.all(live.map(([channelId]) => this.catchUpFrom(channelId, this.paging.catchUpFrom(channelId), false)));
    await this.threads.catchUp((rootId) => this.paging.channelOf(rootId));
  }

  /** After jumping back in history: the page after the newest message held. */
  async loadNewer(channelId: string): Promise<void> {
    const w = this.paging.window(channelId);
    if (!w.loaded || w.loadingAfter || !w.hasMoreAfter) return;
    this.paging.patch(channelId, (x) => ({ ...x, loadingAfter: true }));
    try {
      const page = await firstValueFrom(this.api.messages(channelId, { after: maxSeq(w.items), limit: CATCH_UP_PAGE }));
      // the window reached the newest messages: from now on it is live
      if (!page.hasMore) this.paging.completeCursor(channelId, page.items.length ? page.items[page.items.length - 1].seq : maxSeq(w.items));
      this.paging.patch(channelId, (x) => ({
        ...x,
        items: mergeMessages(x.items, page.items.filter(isRoot)),
        hasMoreAfter: page.hasMore,
        loadingAfter: false,
      }));
      if (page.hasMore && !page.items.some(isRoot) && page.items.length) {
        // a page of only thread replies still moves us forward: keep going from its last seq
        await this.catchUpFrom(channelId, page.items[page.items.length - 1].seq, true);
      }
    } catch {
      this.paging.patch(channelId, (x) => ({ ...x, loadingAfter: false }));
    }
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
        this.paging.patch(channelId, (w) => ({
          ...w,
          items: mergeMessages(w.items, page.items.filter(isRoot)),
          ...(historyWindow ? { hasMoreAfter: page.hasMore } : {}),
        }));
        this.receive(
          page.items.filter((m) => m.threadRootId),
          false,
        );
        this.outbox.delivered(page.items);
        if (!historyWindow || !page.hasMore)
          this.paging.completeCursor(channelId, page.items.length ? page.items[page.items.length - 1].seq : after);
        if (!page.hasMore || page.items.length === 0) break;
        after = page.items[page.items.length - 1].seq;
      }
    } catch {
      /* the next reconnect tries again */
    } finally {
      this.catchingUp.delete(channelId);
    }
  }
}
