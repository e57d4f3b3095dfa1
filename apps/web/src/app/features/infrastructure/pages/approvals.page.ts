import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { Booking } from '@klasteris/contracts';
import { ErrorMessageService } from '../../../core/http/error-message.service';
import { EmptyStateComponent } from '../../../shared/ui/empty-state.component';
import { BookingsStore } from '../bookings.store';
import { InfraNavComponent } from '../components/infra-nav.component';
import { InfrastructureApi } from '../infrastructure.api';
import { BookingsListComponent, type BookingAction } from './bookings-list.component';

/** The approvals queue: pending requests the signed-in approver may decide, oldest first, live. */
@Component({
  selector: 'app-approvals-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [BookingsStore],
  imports: [MatButtonModule, MatProgressBarModule, TranslocoPipe, EmptyStateComponent, InfraNavComponent, BookingsListComponent],
  template: `
    <section class="page">
      <h1 class="page-title">{{ 'infrastructure.approvals.title' | transloco }}</h1>
      <app-infra-nav />
      @if (store.loading()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" />
      }
      @if (store.errorKey(); as key) {
        <app-empty-state icon="cloud_off" [title]="key | transloco" />
      } @else {
        <app-bookings-list [items]="store.items()" [actions]="['approve', 'reject']" [showRequester]="true" (act)="decide($event)" />
        @if (store.loaded() && store.items().length === 0) {
          <app-empty-state icon="task_alt" [title]="'infrastructure.approvals.empty' | transloco" />
        }
        @if (store.hasMore()) {
          <button mat-stroked-button type="button" (click)="store.loadMore()">{{ 'common.loadMore' | transloco }}</button>
        }
      }
    </section>
  `,
})
export default class ApprovalsPage {
  protected readonly store = inject(BookingsStore);
  private readonly api = inject(InfrastructureApi);
  private readonly snack = inject(MatSnackBar);
  private readonly errors = inject(ErrorMessageService);
  private readonly i18n = inject(TranslocoService);

  constructor() {
    this.store.load('approvals');
  }

  protected decide(e: { action: BookingAction; booking: Booking }): void {
    const call = e.action === 'approve' ? this.api.approve(e.booking.id) : e.action === 'reject' ? this.api.reject(e.booking.id) : null;
    call?.subscribe({
      next: ({ booking }) => {
        this.store.receive(booking);
        this.snack.open(
          this.i18n.translate(e.action === 'approve' ? 'infrastructure.approvals.approved' : 'infrastructure.approvals.rejected'),
          undefined,
          { duration: 3000 },
        );
      },
      error: (err: unknown) => {
        this.snack.open(this.errors.message(err), undefined, { duration: 5000 });
        this.store.load('approvals');
      },
    });
  }
}
