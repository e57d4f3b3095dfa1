import { Injectable, computed, effect, inject, signal, untracked } from '@angular/core';
import type { AckError, Attachment, Message } from '@klasteris/contracts';
import { Subject } from 'rxjs';
import { AuthStore } from '../../core/auth/auth.store';
import { SOCKET_TIMEOUT, SocketService } from '../../core/socket.service';
import { ChatChannels } from './chat-channels.store';
import { type PendingMessage, newClientMsgId, withoutDelivered } from './chat-logic';

/** Resend an unacknowledged message after this long while connected (same clientMsgId). */
export const RESEND_DELAY_MS = 2000;

/**
 * The outbox of optimistic sends. A message shows at once as pending and is resent with the SAME
 * clientMsgId until the server acks it (the server stores it once), including after a reconnect.
 * Messages of one channel leave one at a time, in the order they were typed. Each stored message
 * the server acks is published on `acked` (the live store merges it like any other).
 */
@Injectable({ providedIn: 'root' })
export class ChatOutbox {
  private readonly socket = inject(SocketService);
  private readonly auth = inject(AuthStore);
  private readonly channels = inject(ChatChannels);

  private readonly _pending = signal<PendingMessage[]>([]);
  /** slow mode: when I may post again, per channel (epoch ms), from my last send or a SLOW_MODE ack */
  private readonly _slowUntil = signal<Record<string, number>>({});
  private readonly inFlight = new Set<string>();
  private readonly resendTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly _acked = new Subject<Message>();

  readonly pending = this._pending.asReadonly();
  readonly slowUntil = this._slowUntil.asReadonly();
  readonly acked = this._acked.asObservable();
  private readonly myId = computed(() => this.auth.user()?.id ?? null);

  constructor() {
    // (re)connected: send what is waiting
    effect(() => {
      if (this.socket.connected()) untracked(() => this.flush());
    });
  }

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
  flush(): void {
    for (const p of this._pending()) if (p.state === 'sending') void this.deliver(p.clientMsgId);
  }

  /** Stored messages seen from any source: their pending copies are gone. */
  delivered(stored: readonly Message[]): void {
    this._pending.update((p) => withoutDelivered(p, stored));
  }

  dropChannel(channelId: string): void {
    this._pending.update((p) => p.filter((x) => x.channelId !== channelId));
  }

  reset(): void {
    for (const id of this.resendTimers.keys()) this.clearResend(id);
    this.inFlight.clear();
    this._pending.set([]);
    this._slowUntil.set({});
  }

  /**
   * Sends one pending message. Messages of one channel go one at a time, in the order they were
   * typed, so the server gives them seqs in that order; the next one leaves when this one is acked.
   */
  private async deliver(clientMsgId: string): Promise<void> {
    const all = this._pending();
    const p = all.find((x) => x.clientMsgId === clientMsgId);
    if (!p || p.state !== 'sending' || this.inFlight.has(clientMsgId)) return;
    if (!this.socket.connected()) return; // flush sends it once connected
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
        this._acked.next(ack.message);
        this.delivered([ack.message]);
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
      // disconnected: flush resends on reconnect
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
      const groupId = this.channels.channel(this._pending().find((x) => x.clientMsgId === clientMsgId)?.channelId ?? '')?.groupId;
      if (groupId && typeof until === 'string') this.channels.setGroupMute(groupId, until);
    }
    this.updatePending(clientMsgId, (p) => ({ ...p, state: 'failed', errorCode: error.code }));
  }

  /** After a post in a slow-mode channel (unless exempt): the composer counts down to the next allowed one. */
  private startSlowMode(channelId: string): void {
    const c = this.channels.channel(channelId);
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
}
