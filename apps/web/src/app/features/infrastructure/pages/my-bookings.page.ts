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
import type { Booking, WaitlistEntry } from '@klasteris/contracts';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { DateTime } from 'luxon';
import { SocketService } from '../../../core/socket.service';
import { rangeLabel, viewerZone } from '../time';

@Component({
  selector: 'app-my-bookings-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [BookingsStore],
  imports: [
    RouterLink,
    MatButtonModule,
    MatProgressBarModule,
    TranslocoPipe,
    EmptyStateComponent,
    InfraNavComponent,
    BookingsListComponent,
  ],
  template: `
    <section class="page">
      <h1 class="page-title">{{ 'infrastructure.mine.title' | transloco }}</h1>
      <app-infra-nav />
      <div class="feed">
        <button mat-stroked-button type="button" (click)="feed()" data-testid="feed-create">
          {{ 'infrastructure.mine.feed' | transloco }}
        </button>
        @if (feedUrl(); as url) {
          <p class="feed-url">
            {{ 'infrastructure.mine.feedHint' | transloco }} <code data-testid="feed-url">{{ url }}</code>
          </p>
        }
      </div>
      @if (waitlist().length) {
        <h2 class="section">{{ 'infrastructure.waitlist.title' | transloco }}</h2>
        <ul class="wl" data-testid="waitlist">
          @for (w of waitlist(); track w.id) {
            <li>
              <span>{{ when(w.start, w.end) }} — {{ w.purpose }}</span>
              @if (w.status === 'offered') {
                <strong class="offer">{{ 'infrastructure.waitlist.offerUntil' | transloco: { time: time(w.offerExpiresAt!) } }}</strong>
                <button mat-flat-button type="button" (click)="accept(w.id)" [attr.data-testid]="'waitlist-accept-' + w.id">
                  {{ 'infrastructure.waitlist.accept' | transloco }}
                </button>
              } @else {
                <span class="muted">{{ 'infrastructure.waitlist.waiting' | transloco }}</span>
              }
              <button mat-button type="button" (click)="leave(w.id)">{{ 'infrastructure.waitlist.leave' | transloco }}</button>
            </li>
          }
        </ul>
        <h2 class="section">{{ 'infrastructure.mine.title' | transloco }}</h2>
      }
      @if (store.loading()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" />
      }
      @if (store.errorKey(); as key) {
        <app-empty-state icon="cloud_off" [title]="key | transloco" />
      } @else {
        <app-bookings-list
          [items]="store.items()"
          [actions]="['cancel', 'cancelFollowing']"
          [highlight]="id() ?? null"
          (act)="onAct($event)"
        />
        @if (store.loaded() && store.items().length === 0) {
          <app-empty-state icon="event_available" [title]="'infrastructure.mine.empty' | transloco">
            <a mat-flat-button routerLink="/infrastructure">{{ 'infrastructure.nav.catalogue' | transloco }}</a>
          </app-empty-state>
        }
        @if (store.hasMore()) {
          <button mat-stroked-button type="button" (click)="store.loadMore()">{{ 'common.loadMore' | transloco }}</button>
        }
      }
    </section>
  `,
  styles: `
    .feed {
      margin-bottom: 16px;
    }
    .feed-url {
      color: var(--k-text-muted);
      word-break: break-all;
    }
    .section {
      font: var(--mat-sys-title-medium);
      margin: 16px 0 8px;
    }
    .wl {
      list-style: none;
      padding: 0;
      display: grid;
      gap: 8px;
    }
    .wl li {
      display: flex;
      gap: 12px;
      align-items: center;
      flex-wrap: wrap;
    }
    .offer {
      color: var(--k-teal);
    }
    .muted {
      color: var(--k-text-muted);
    }
  `,
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
  protected readonly waitlist = signal<WaitlistEntry[]>([]);

  constructor() {
    this.store.load('mine');
    this.loadWaitlist();
    // An offer arrives as a held booking: refresh the waitlist when one of mine changes.
    inject(SocketService)
      .on('booking:updated')
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.loadWaitlist());
  }

  protected when(start: string, end: string): string {
    return rangeLabel(start, end, viewerZone(), this.i18n.getActiveLang());
  }

  protected time(iso: string): string {
    return DateTime.fromISO(iso).setLocale(this.i18n.getActiveLang()).toFormat('HH:mm');
  }

  protected accept(id: string): void {
    this.api.acceptOffer(id).subscribe({
      next: ({ booking }) => {
        this.store.receive(booking);
        this.loadWaitlist();
      },
      error: (err: unknown) => this.snack.open(this.errors.message(err), undefined, { duration: 5000 }),
    });
  }

  protected leave(id: string): void {
    this.api.leaveWaitlist(id).subscribe({
      next: () => this.loadWaitlist(),
      error: (err: unknown) => this.snack.open(this.errors.message(err), undefined, { duration: 5000 }),
    });
  }

  private loadWaitlist(): void {
    this.api.myWaitlist().subscribe({ next: (p) => this.waitlist.set(p.items), error: () => undefined });
  }

  protected feed(): void {
    this.api.createFeed().subscribe({
      next: (r) => this.feedUrl.set(r.url),
      error: (e: unknown) => this.snack.open(this.errors.message(e), undefined, { duration: 5000 }),
    });
  }

  protected onAct(e: { action: BookingAction; booking: Booking }): void {
    if (e.action === 'checkIn') {
      this.api.checkIn(e.booking.id).subscribe({
        next: ({ booking }) => this.store.receive(booking),
        error: (err: unknown) => this.snack.open(this.errors.message(err), undefined, { duration: 5000 }),
      });
      return;
    }
    if (e.action !== 'cancel' && e.action !== 'cancelFollowing') return;
    const scope = e.action === 'cancelFollowing' ? 'following' : 'one';
    this.dialog
      .open(ConfirmDialogComponent, {
        data: {
          title: this.i18n.translate('infrastructure.mine.cancelTitle'),
          message: e.booking.resourceName,
          confirmLabel: this.i18n.translate('infrastructure.actions.cancel'),
          danger: true,
        },
      })
      .afterClosed()
      .subscribe((ok) => {
        if (!ok) return;
        this.api.cancel(e.booking.id, { scope }).subscribe({
          next: ({ booking, cancelled }) => {
            this.store.receive(booking);
            if (cancelled > 1) this.store.load('mine');
          },
          error: (err: unknown) => this.snack.open(this.errors.message(err), undefined, { duration: 5000 }),
        });
      });
  }
}
