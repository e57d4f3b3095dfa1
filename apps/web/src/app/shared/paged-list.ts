import { computed, signal } from '@angular/core';
import type { Page, PageQuery } from '@klasteris/contracts';
import type { Observable, Subscription } from 'rxjs';
import { toApiError } from './api-error';

/**
 * A cursor-paginated list with a query: `setQuery` starts again from the first page (cancelling
 * a request in flight), `loadMore` appends the next page. Plain class so stores can own several.
 */
export class PagedList<T, Q extends object> {
  private readonly _items = signal<T[]>([]);
  private readonly _cursor = signal<string | null>(null);
  private readonly _loading = signal(false);
  private readonly _loaded = signal(false);
  private readonly _errorKey = signal<string | null>(null);
  private readonly _query;
  private request: Subscription | null = null;

  readonly items = this._items.asReadonly();
  readonly loading = this._loading.asReadonly();
  readonly loaded = this._loaded.asReadonly();
  readonly errorKey = this._errorKey.asReadonly();
  readonly hasMore = computed(() => this._cursor() !== null);
  readonly query;

  constructor(
    private readonly fetch: (query: Q & PageQuery) => Observable<Page<T>>,
    initialQuery: Q,
    private readonly pageSize = 25,
  ) {
    this._query = signal<Q>(initialQuery);
    this.query = this._query.asReadonly();
  }

  setQuery(patch: Partial<Q>): void {
    this._query.update((q) => ({ ...q, ...patch }));
    this.reload();
  }

  reload(): void {
    this.load(true);
  }

  loadMore(): void {
    if (this._loading() || this._cursor() === null) return;
    this.load(false);
  }

  /** Replace items matching the predicate (after an update), or drop them when `next` is null. */
  patch(match: (item: T) => boolean, next: T | null): void {
    this._items.update((items) => (next === null ? items.filter((i) => !match(i)) : items.map((i) => (match(i) ? next : i))));
  }

  private load(reset: boolean): void {
    this.request?.unsubscribe();
    const cursor = reset ? null : this._cursor();
    const query = { ...this._query(), limit: this.pageSize, ...(cursor ? { cursor } : {}) } as Q & PageQuery;
    this._loading.set(true);
    this._errorKey.set(null);
    this.request = this.fetch(query).subscribe({
      next: (page) => {
        this._items.update((items) => (reset ? page.items : [...items, ...page.items]));
        this._cursor.set(page.nextCursor);
        this._loading.set(false);
        this._loaded.set(true);
      },
      error: (err: unknown) => {
        this._loading.set(false);
        this._loaded.set(true);
        this._errorKey.set(toApiError(err).messageKey);
      },
    });
  }
}
