import { DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { Booking, Page } from '@klasteris/contracts';
import type { Observable } from 'rxjs';
import { AuthStore } from '../../core/auth/auth.store';
import { toApiError } from '../../shared/api-error';
import { SocketService } from '../../core/socket.service';
import { InfrastructureApi } from './infrastructure.api';

export type BookingListKind = 'mine' | 'approvals';

/** "My bookings" or "Approvals": a paged list kept current by `booking:updated`. */
@Injectable()
export class BookingsStore {
  private readonly api = inject(InfrastructureApi);
  private readonly auth = inject(AuthStore);
  private readonly _items = signal<Booking[]>([]);
  private readonly _next = signal<string | null>(null);
  private readonly _loading = signal(false);
  private readonly _loaded = signal(false);
  private readonly _errorKey = signal<string | null>(null);
  private kind: BookingListKind = 'mine';

  readonly items = this._items.asReadonly();
  readonly loading = this._loading.asReadonly();
  readonly loaded = this._loaded.asReadonly();
  readonly errorKey = this._errorKey.asReadonly();
  readonly hasMore = computed(() => this._next() !== null);

  constructor() {
    const socket = inject(SocketService);
    socket
      .on('booking:updated')
      .pipe(takeUntilDestroyed(inject(DestroyRef)))
      .subscribe(({ booking }) => this.receive(booking));
    socket.reconnected.pipe(takeUntilDestroyed(inject(DestroyRef))).subscribe(() => this.load(this.kind));
  }

  load(kind: BookingListKind): void {
    this.kind = kind;
    this._loading.set(true);
    this.fetch().subscribe({
      next: (page) => {
        this._items.set(page.items);
        this._next.set(page.nextCursor);
        this._loading.set(false);
        this._loaded.set(true);
      },
      error: (e: unknown) => {
        this._errorKey.set(toApiError(e).messageKey);
        this._loading.set(false);
        this._loaded.set(true);
      },
    });
  }

  loadMore(): void {
    const cursor = this._next();
    if (!cursor || this._loading()) return;
    this._loading.set(true);
    this.fetch(cursor).subscribe({
      next: (page) => {
        this._items.update((items) => [...items, ...page.items.filter((b) => !items.some((i) => i.id === b.id))]);
        this._next.set(page.nextCursor);
        this._loading.set(false);
      },
      error: () => this._loading.set(false),
    });
  }

  /** Applies a live change: approvals drop out of the queue once decided; my bookings update in place. */
  receive(b: Booking): void {
    if (this.kind === 'approvals') {
      if (b.status === 'pending') {
        this._items.update((items) => (items.some((i) => i.id === b.id) ? items.map((i) => (i.id === b.id ? b : i)) : [...items, b]));
        // the next step may belong to someone else: let the server decide what stays
        this.load('approvals');
      } else {
        this._items.update((items) => items.filter((i) => i.id !== b.id));
      }
      return;
    }
    if (b.userId !== this.auth.user()?.id) return;
    this._items.update((items) =>
      items.some((i) => i.id === b.id)
        ? items.map((i) => (i.id === b.id ? b : i))
        : [...items, b].sort((x, y) => x.start.localeCompare(y.start)),
    );
  }

  private fetch(cursor?: string): Observable<Page<Booking>> {
    return this.kind === 'approvals'
      ? this.api.approvals(cursor)
      : this.api.mine({ limit: 50, cursor, from: new Date(Date.now() - 7 * 86_400_000).toISOString() });
  }
}
