import { Injectable, computed, inject, signal } from '@angular/core';
import type { Organisation } from '@klasteris/contracts';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { filter } from 'rxjs';
import { AuthStore } from '../../core/auth/auth.store';
import { SocketService } from '../../core/socket.service';
import { DashboardApi } from './dashboard.api';

/** Pending applications are counted a page at a time; beyond one page we show "100+". */
export function formatCount(count: number, more: boolean): string {
  return more ? `${count}+` : String(count);
}

@Injectable()
export class DashboardStore {
  private readonly api = inject(DashboardApi);
  private readonly auth = inject(AuthStore);

  private readonly _organisation = signal<Organisation | null>(null);
  private readonly _pending = signal<{ count: number; more: boolean } | null>(null);

  readonly organisation = this._organisation.asReadonly();
  readonly pendingApplications = computed(() => {
    const p = this._pending();
    return p ? { count: p.count, label: formatCount(p.count, p.more) } : null;
  });

  constructor() {
    // a new application (or a decision) arrives as a notification: recount live
    inject(SocketService)
      .on('notification:new')
      .pipe(
        filter(({ notification }) => notification.kind.startsWith('application.')),
        takeUntilDestroyed(),
      )
      .subscribe(() => this.loadPending());
  }

  load(): void {
    const user = this.auth.user();
    if (!user) return;
    if (user.organisationId) {
      this.api.organisation(user.organisationId).subscribe({
        next: ({ organisation }) => this._organisation.set(organisation),
        error: () => this._organisation.set(null),
      });
    }
    this.loadPending();
  }

  private loadPending(): void {
    if (this.auth.isStaff()) {
      this.api.pendingApplications().subscribe({
        next: (page) => this._pending.set({ count: page.items.length, more: page.nextCursor !== null }),
        error: () => this._pending.set(null),
      });
    }
  }
}
