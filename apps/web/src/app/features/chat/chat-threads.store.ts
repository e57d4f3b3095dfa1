import { Injectable, inject, signal } from '@angular/core';
import type { Message } from '@klasteris/contracts';
import { firstValueFrom } from 'rxjs';
import { ChatApi } from './chat.api';
import { ChatOutbox } from './chat-outbox.store';
import { maxSeq, mergeMessages } from './chat-logic';

const THREAD_PAGE = 100;

export interface ThreadWindow {
  items: Message[];
  loaded: boolean;
  loading: boolean;
}

/** The replies of each opened thread, oldest first; replies arriving live join a loaded thread. */
@Injectable({ providedIn: 'root' })
export class ChatThreads {
  private readonly api = inject(ChatApi);
  private readonly outbox = inject(ChatOutbox);

  private readonly _threads = signal<Record<string, ThreadWindow>>({});
  readonly threads = this._threads.asReadonly();

  thread(rootId: string): ThreadWindow {
    return this._threads()[rootId] ?? { items: [], loaded: false, loading: false };
  }

  /** Loads a thread's replies (oldest first); `more` continues after the last one held. */
  async load(channelId: string, rootId: string, more = false): Promise<void> {
    if (!channelId) return;
    const t = this.thread(rootId);
    if (t.loading || (t.loaded && !more)) return;
    this._threads.update((all) => ({ ...all, [rootId]: { ...t, loading: true } }));
    try {
      let after = more ? maxSeq(t.items) : 0;
      let items = more ? t.items : [];
      for (let guard = 0; guard < 100; guard++) {
        const page = await firstValueFrom(this.api.messages(channelId, { threadRootId: rootId, after, limit: THREAD_PAGE }));
        items = mergeMessages(items, page.items);
        if (!page.hasMore || page.items.length === 0) break;
        after = page.items[page.items.length - 1].seq;
      }
      this._threads.update((all) => ({
        ...all,
        [rootId]: { items: mergeMessages(all[rootId]?.items ?? [], items), loaded: true, loading: false },
      }));
      this.outbox.delivered(items);
    } catch {
      this._threads.update((all) => ({ ...all, [rootId]: { ...(all[rootId] ?? t), loaded: true, loading: false } }));
    }
  }

  /** Reloads every loaded thread from its last reply (after a reconnect). */
  async catchUp(channelOf: (rootId: string) => string | null): Promise<void> {
    const loaded = Object.entries(this._threads()).filter(([, t]) => t.loaded);
    await Promise.all(loaded.map(([rootId, t]) => this.load(channelOf(rootId) ?? t.items[0]?.channelId ?? '', rootId, true)));
  }

  /** Replies that arrived (live or in a catch-up page) join their thread if it is loaded. */
  mergeReplies(replies: readonly Message[]): void {
    if (replies.length === 0) return;
    this._threads.update((all) => {
      let next = all;
      for (const r of replies) {
        const rootId = r.threadRootId;
        if (rootId && all[rootId]?.loaded) next = { ...next, [rootId]: { ...all[rootId], items: mergeMessages(next[rootId].items, [r]) } };
      }
      return next;
    });
  }

  /** Applies `fn` to every held reply in the thread that holds `messageId`. */
  mapThreadOf(messageId: string, fn: (m: Message) => Message): void {
    this._threads.update((all) => {
      let next = all;
      for (const [rootId, t] of Object.entries(all))
        if (t.items.some((m) => m.id === messageId)) next = { ...next, [rootId]: { ...t, items: t.items.map(fn) } };
      return next;
    });
  }

  find(messageId: string): Message | null {
    for (const t of Object.values(this._threads())) {
      const m = t.items.find((x) => x.id === messageId);
      if (m) return m;
    }
    return null;
  }

  reset(): void {
    this._threads.set({});
  }
}
