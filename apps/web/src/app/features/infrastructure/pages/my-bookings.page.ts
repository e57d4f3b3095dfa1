import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { ErrorMessageService } from '../../../core/http/error-message.service';
import { ConfirmDialogComponent } from '../../../shared/ui/confirm-dialog.component';
import { EmptyStateComponent } from '../../../shared/ui/empty-state.component';
import { BookingsStore } from '../bookings.store';
import { InfraNavComponent } from '../components/infra-nav.component';
import { InfrastructureApi } from '../infrastructure.api';
import { BookingsListComponent, type BookingAction } from './bookings-list.component';
import type { Booking } from '@klasteris/contracts';

@Component({
  selector: 'app-my-bookings-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [BookingsStore],
  imports: [RouterLink, MatButtonModule, MatProgressBarModule, TranslocoPipe, EmptyStateComponent, InfraNavComponent, BookingsListComponent],
  template: `
    <section class="page">
      <h1 class="page-title">{{ 'infrastructure.mine.title' | transloco }}</h1>
      <app-infra-nav />
      <div class="feed">
        <button mat-stroked-button type="button" (click)="feed()" data-testid="feed-create">{{ 'infrastructure.mine.feed' | transloco }}</button>
        @if (feedUrl(); as url) {
          <p class="feed-url">{{ 'infrastructure.mine.feedHint' | transloco }} <code data-testid="feed-url">{{ url }}</code></p>
        }
      </div>
      @if (store.loading()) { <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" /> }
      @if (store.errorKey(); as key) {
        <app-empty-state icon="cloud_off" [title]="key | transloco" />
      } @else {
        <app-bookings-list [items]="store.items()" [actions]="['cancel']" [highlight]="id() ?? null" (act)="onAct($event)" />
        @if (store.loaded() && store.items().length === 0) {
          <app-empty-state icon="event_available" [title]="'infrastructure.mine.empty' | transloco">
            <a mat-flat-button routerLink="/infrastructure">{{ 'infrastructure.nav.catalogue' | transloco }}</a>
          </app-empty-state>
        }
        @if (store.hasMore()) { <button mat-stroked-button type="button" (click)="store.loadMore()">{{ 'common.loadMore' | transloco }}</button> }
      }
    </section>
  `,
  styles: `.feed { margin-bottom: 16px; } .feed-url { color: var(--k-text-muted); word-break: break-all; }`,
})
export default class MyBookingsPage {
  readonly id = input<string>();
  protected readonly store = inject(BookingsStore);
  private readonly api = inject(InfrastructureApi);
  private readonly dialog = inject(MatDialog);
  private readonly snack = inject(MatSnackBar);
  private readonly errors = inject(ErrorMessageService);
  private readonly i18n = inject(TranslocoService);
  protected readonly feedUrl = signal<string | null>(null);

  constructor() {
    this.store.load('mine');
  }

  protected feed(): void {
    this.api.createFeed().subscribe({ next: (r) => this.feedUrl.set(r.url), error: (e: unknown) => this.snack.open(this.errors.message(e), undefined, { duration: 5000 }) });
  }

  protected onAct(e: { action: BookingAction; booking: Booking }): void {
    if (e.action !== 'cancel') return;
    this.dialog
      .open(ConfirmDialogComponent, { data: { title: this.i18n.translate('infrastructure.mine.cancelTitle'), message: e.booking.resourceName, confirmLabel: this.i18n.translate('infrastructure.actions.cancel'), danger: true } })
      .afterClosed()
      .subscribe((ok) => {
        if (!ok) return;
        this.api.cancel(e.booking.id).subscribe({
          next: ({ booking }) => this.store.receive(booking),
          error: (err: unknown) => this.snack.open(this.errors.message(err), undefined, { duration: 5000 }),
        });
      });
  }
}
