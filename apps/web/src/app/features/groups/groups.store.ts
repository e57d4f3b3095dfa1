import { Injectable, inject, signal } from '@angular/core';
import type { MyGroup } from '@klasteris/contracts';
import { GroupsApi } from './groups.api';

/** The groups directory: search, paging, join / request. */
@Injectable()
export class GroupsStore {
  private readonly api = inject(GroupsApi);
  readonly items = signal<MyGroup[]>([]);
  readonly nextCursor = signal<string | null>(null);
  readonly loading = signal(false);
  readonly query = signal('');

  load(q = this.query(), cursor?: string): void {
    this.query.set(q);
    this.loading.set(true);
    this.api.list({ q: q || undefined, cursor, limit: 24 }).subscribe({
      next: (page) => {
        this.items.update((old) => (cursor ? [...old, ...page.items] : page.items));
        this.nextCursor.set(page.nextCursor);
        this.loading.set(false);
      },
      error: () => this.loading.set(false),
    });
  }

  replace(group: MyGroup): void {
    this.items.update((list) => list.map((g) => (g.id === group.id ? group : g)));
  }
}
