import { Injectable, inject, signal } from '@angular/core';
import type { Message } from '@klasteris/contracts';
import { firstValueFrom } from 'rxjs';
import { ChatApi } from './chat.api';
import { type ChannelWindow, SeqCursor, emptyWindow, isRoot, maxSeq, mergeMessages, omit } from './chat-logic';

export const PAGE_SIZE = 50;

/**
 * The messages held per channel: a contiguous seq window of channel messages (thread replies live
 * in the threads store), paged back by infinite scroll or opened around one message. A window
 * that holds the newest messages is "live" (`hasMoreAfter` false) and has a cursor: the seq up to
 * which everything has been received, where a catch-up after a reconnect starts.
 */
@Injectable({ providedIn: 'root' })
export class ChatPaging {
  private readonly api = inject(ChatApi);

  private readonly _windows = signal<Record<string, ChannelWindow>>({});
  /** per channel with a live (newest) window: where a catch-up starts so nothing is skipped */
  private readonly cursors = new Map<string, SeqCursor>();

  readonly windows = this._windows.asReadonly();

  window(channelId: string): ChannelWindow {
    return this._windows()[channelId] ?? emptyWindow();
  }

  async loadLatest(channelId: string): Promise<void> {
    this.patch(channelId, (w) => ({ ...w, loadingBefore: true }));
    try {
      const page = await firstValueFrom(this.api.messages(channelId, { limit: PAGE_SIZE }));
      this.cursors.set(channelId, new SeqCursor(maxSeq(page.items)));
      this.patch(channelId, () => ({
        ...emptyWindow(),
        items: page.items.filter(isRoot),
        hasMoreBefore: page.hasMore,
        loaded: true,
      }));
    } catch {
      this.patch(channelId, (w) => ({ ...w, loadingBefore: false, loaded: true }));
    }
  }

  /** Infinite scroll back: the page before the oldest message held. */
  async loadOlder(channelId: string): Promise<void> {
    const w = this.window(channelId);
    if (!w.loaded || w.loadingBefore || !w.hasMoreBefore || w.items.length === 0) return;
    this.patch(channelId, (x) => ({ ...x, loadingBefore: true }));
    try {
      const page = await firstValueFrom(this.api.messages(channelId, { before: w.items[0].seq, limit: PAGE_SIZE }));
      this.patch(channelId, (x) => ({
        ...x,
        items: mergeMessages(x.items, page.items.filter(isRoot)),
        hasMoreBefore: page.hasMore,
        loadingBefore: false,
      }));
    } catch {
      this.patch(channelId, (x) => ({ ...x, loadingBefore: false }));
    }
  }

  /** Shows a message in context: the messages around `seq` (then paging both ways). */
  async jumpTo(channelId: string, seq: number): Promise<void> {
    const w = this.window(channelId);
    if (w.loaded && w.items.length && w.items[0].seq <= seq && (seq <= maxSeq(w.items) || !w.hasMoreAfter)) return;
    this.patch(channelId, (x) => ({ ...x, loadingBefore: true }));
    try {
      const [older, newer] = await Promise.all([
        firstValueFrom(this.api.messages(channelId, { before: seq + 1, limit: 25 })),
        firstValueFrom(this.api.messages(channelId, { after: seq, limit: 50 })),
      ]);
      if (newer.hasMore) this.cursors.delete(channelId);
      else this.cursors.set(channelId, new SeqCursor(Math.max(maxSeq(older.items), maxSeq(newer.items))));
      this.patch(channelId, () => ({
        ...emptyWindow(),
        items: mergeMessages(older.items.filter(isRoot), newer.items.filter(isRoot)),
        hasMoreBefore: older.hasMore,
        hasMoreAfter: newer.hasMore,
        loaded: true,
      }));
    } catch {
      this.patch(channelId, (x) => ({ ...x, loadingBefore: false, loaded: true }));
    }
  }

  /** Back to the newest messages (drops a history window). */
  async jumpToLatest(channelId: string): Promise<void> {
    if (this.window(channelId).hasMoreAfter) await this.loadLatest(channelId);
  }

  /** Channel messages that arrived live; in a history window only updates of held ones apply (new ones would leave a gap). */
  mergeLive(channelId: string, messages: readonly Message[]): void {
    const w = this._windows()[channelId];
    if (!w?.loaded) return;
    const roots = messages.filter(isRoot);
    const apply = w.hasMoreAfter ? roots.filter((m) => w.items.some((x) => x.id === m.id)) : roots;
    if (apply.length === 0) return;
    this._windows.update((all) => ({ ...all, [channelId]: { ...all[channelId], items: mergeMessages(all[channelId].items, apply) } }));
  }

  /** A live message arrived: the cursor of a live window moves past it once the seqs before it are in. */
  seeLive(message: Message): void {
    this.cursors.get(message.channelId)?.see(message.seq);
  }

  /** Where a catch-up of a live window starts. */
  catchUpFrom(channelId: string): number {
    return this.cursors.get(channelId)?.upTo ?? maxSeq(this.window(channelId).items);
  }

  /** Everything of the channel up to `seq` is held: the live window's catch-up may start there. */
  completeCursor(channelId: string, seq: number): void {
    const cursor = this.cursors.get(channelId) ?? new SeqCursor(seq);
    cursor.complete(seq);
    this.cursors.set(channelId, cursor);
  }

  /** The channel whose window holds a message. */
  channelOf(messageId: string): string | null {
    for (const [channelId, w] of Object.entries(this._windows())) if (w.items.some((m) => m.id === messageId)) return channelId;
    return null;
  }

  find(messageId: string): Message | null {
    for (const w of Object.values(this._windows())) {
      const m = w.items.find((x) => x.id === messageId);
      if (m) return m;
    }
    return null;
  }

  /** Applies `fn` to every message of one channel's window. */
  mapMessages(channelId: string, fn: (m: Message) => Message): void {
    this._windows.update((all) => {
      const w = all[channelId];
      return w ? { ...all, [channelId]: { ...w, items: w.items.map(fn) } } : all;
    });
  }

  patch(channelId: string, fn: (w: ChannelWindow) => ChannelWindow): void {
    this._windows.update((all) => ({ ...all, [channelId]: fn(all[channelId] ?? emptyWindow()) }));
  }

  remove(channelId: string): void {
    this._windows.update((w) => omit(w, channelId));
  }

  reset(): void {
    this.cursors.clear();
    this._windows.set({});
  }
}
