import { Injectable, computed, effect, inject, signal, untracked } from '@angular/core';
import type { Notification } from '@klasteris/contracts';
import { AuthStore } from '../auth/auth.store';
import { SocketService } from '../socket.service';
import { NotificationsApi } from './notifications.api';

/** The bell: latest notifications and the unread count, live via `notification:new`. */
@Injectable({ providedIn: 'root' })
export class NotificationsStore {
  private readonly api = inject(NotificationsApi);
  private readonly auth = inject(AuthStore);
  private readonly socket = inject(SocketService);

  private readonly _items = signal<Notification[]>([]);
  private readonly _unread = signal(0);
  private readonly _nextCursor = signal<string | null>(null);
  private readonly _loading = signal(false);
  private readonly _loaded = signal(false);

  readonly items = this._items.asReadonly();
  readonly unread = this._unread.asReadonly();
  readonly loading = this._loading.asReadonly();
  readonly loaded = this._loaded.asReadonly();
  readonly hasMore = computed(() => this._nextCursor() !== null);

  constructor() {
    effect(() => {
      const userId = this.auth.user()?.id ?? null;
      untracked(() => (userId ? this.load() : this.reset()));
    });
    this.socket.on('notification:new').subscribe(({ notification }) => this.receive(notification));
    this.socket.reconnected.subscribe(() => this.load());
  }

  load(): void {
    this._loading.set(true);
    this.api.list(10).subscribe({
      next: (page) => {
        this._items.set(page.items);
        this._unread.set(page.unread);
        this._nextCursor.set(page.nextCursor);
        this._loading.set(false);
        this._loaded.set(true);
      },
      error: () => {
        this._loading.set(false);
        this._loaded.set(true);
      },
    });
  }

  loadMore(): void {
    const cursor = this._nextCursor();
    if (!cursor || this._loading()) return;
    this._loading.set(true);
    this.api.list(10, cursor).subscribe({
      next: (page) => {
        this._items.update((items) => [...items, ...page.items.filter((n) => !items.some((i) => i.id === n.id))]);
        this._unread.set(page.unread);
        this._nextCursor.set(page.nextCursor);
        this._loading.set(false);
      },
      error: () => this._loading.set(false),
    });
  }

  receive(notification: Notification): void {
    if (this._items().some((n) => n.id === notification.id)) return;
    this._items.update((items) => [notification, ...items]);
    if (!notification.readAt) this._unread.update((n) => n + 1);
  }

  markRead(notification: Notification): void {
    if (notification.readAt) return;
    const now = new Date().toISOString();
    this._items.update((items) => items.map((n) => (n.id === notification.id ? { ...n, readAt: now } : n)));
    this._unread.update((n) => Math.max(0, n - 1));
    this.api.markRead(notification.id).subscribe({ error: () => this.load() });
  }

  markAllRead(): void {
    const now = new Date().toISOString();
    this._items.update((items) => items.map((n) => (n.readAt ? n : { ...n, readAt: now })));
    this._unread.set(0);
    this.api.markAllRead().subscribe({ error: () => this.load() });
  }

  private reset(): void {
    this._items.set([]);
    this._unread.set(0);
    this._nextCursor.set(null);
    this._loaded.set(false);
  }
}
