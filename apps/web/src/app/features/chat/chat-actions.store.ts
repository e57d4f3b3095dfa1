import { Injectable, inject } from '@angular/core';
import type { AckError, Message } from '@klasteris/contracts';
import { firstValueFrom } from 'rxjs';
import { SocketService } from '../../core/socket.service';
import { ChatApi } from './chat.api';
import { ChatChannels } from './chat-channels.store';
import { ChatLive } from './chat-live.store';
import { ChatPaging } from './chat-paging.store';
import { ChatThreads } from './chat-threads.store';

type MessageAck = { ok: true; message: Message } | { ok: false; error: AckError };

/** Message actions other than sending, and my read position. Ack errors are returned for the UI to show. */
@Injectable({ providedIn: 'root' })
export class ChatActions {
  private readonly api = inject(ChatApi);
  private readonly socket = inject(SocketService);
  private readonly channels = inject(ChatChannels);
  private readonly paging = inject(ChatPaging);
  private readonly threads = inject(ChatThreads);
  private readonly live = inject(ChatLive);

  async edit(messageId: string, body: string): Promise<AckError | null> {
    return this.applyAck(this.socket.request('message:edit', { messageId, body }));
  }

  async remove(messageId: string): Promise<AckError | null> {
    const res = await safeRequest(this.socket.request('message:delete', { messageId }));
    if (res.ok) {
      const m = this.findMessage(messageId);
      if (m) this.live.markDeleted(m.channelId, messageId);
      return null;
    }
    return res.error;
  }

  async toggleReaction(messageId: string, emoji: string): Promise<AckError | null> {
    return this.applyAck(this.socket.request('reaction:toggle', { messageId, emoji }));
  }

  async setPinned(message: Message, pinned: boolean): Promise<void> {
    const res = await firstValueFrom(this.api.pin(message.id, pinned));
    this.live.receive([res?.message ?? { ...message, pinned }], false);
  }

  /** Moves my read position to `seq` (optimistically) and lets the server confirm the counts. */
  markRead(channelId: string, seq: number): void {
    const c = this.channels.mine(channelId);
    if (!c || seq <= c.lastReadSeq) return;
    const caughtUp = seq >= c.lastSeq;
    this.channels.patch(channelId, (x) => ({ ...x, lastReadSeq: seq, ...(caughtUp ? { unread: 0, mentions: 0 } : {}) }));
    this.socket
      .request('channel:read', { channelId, seq })
      .then((ack) => {
        if (ack.ok)
          this.channels.patch(channelId, (x) => (x.lastReadSeq <= seq ? { ...x, unread: ack.unread, mentions: ack.mentions } : x));
      })
      .catch(() => undefined);
  }

  /** A message the client holds, in a channel window or a thread. */
  findMessage(messageId: string): Message | null {
    return this.paging.find(messageId) ?? this.threads.find(messageId);
  }

  private async applyAck(request: Promise<MessageAck>): Promise<AckError | null> {
    const res = await safeRequest(request);
    if (res.ok) {
      this.live.receive([res.message], false);
      return null;
    }
    return res.error;
  }
}

async function safeRequest<T extends { ok: boolean }>(request: Promise<T>): Promise<T | { ok: false; error: AckError }> {
  try {
    return await request;
  } catch {
    return { ok: false, error: { code: 'SERVICE_UNAVAILABLE', message: 'No connection' } };
  }
}
