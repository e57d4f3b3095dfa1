import { ChangeDetectionStrategy, Component, effect, inject, input, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogRef } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { Booking } from '@klasteris/contracts';
import { BookingContext } from '../../infrastructure/booking-context';
import { BookingStatusComponent } from '../../infrastructure/components/booking-status.component';
import { InfrastructureApi } from '../../infrastructure/infrastructure.api';
import { rangeLabel } from '../../infrastructure/time';

/**
 * The bookings linked to a card (one request), cancelled and rejected ones marked as such; each
 * links to its resource. "Book infrastructure" carries the card to the catalogue and the booking dialog.
 */
@Component({
  selector: 'app-card-bookings',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatButtonModule, MatIconModule, TranslocoPipe, BookingStatusComponent],
  template: `
    @if (failed()) {
      <p class="muted" role="alert">{{ 'infrastructure.cardBookings.failed' | transloco }}</p>
    } @else if (bookings(); as list) {
      <ul class="bookings" data-testid="card-bookings">
        @for (b of list; track b.id) {
          <li [class.gone]="b.status === 'cancelled' || b.status === 'rejected' || b.status === 'expired'" data-testid="card-booking">
            <div class="what">
              <a
                [routerLink]="['/infrastructure/resources', b.resourceId]"
                [attr.aria-label]="'infrastructure.cardBookings.open' | transloco: { name: b.resourceName }"
                >{{ b.resourceName }}</a
              >
              <span class="when"
                >{{ range(b) }}
                @if (b.units > 1) {
                  · {{ 'infrastructure.cardBookings.units' | transloco: { units: b.units } }}
                }
              </span>
              <span class="who"
                >{{ b.userName }}
                @if (b.organisationName) {
                  · {{ b.organisationName }}
                }
              </span>
            </div>
            <app-booking-status [status]="b.status" />
          </li>
        } @empty {
          <li class="muted">{{ 'infrastructure.cardBookings.none' | transloco }}</li>
        }
      </ul>
    } @else {
      <p class="muted">{{ 'infrastructure.cardBookings.loading' | transloco }}</p>
    }
    @if (canBook()) {
      <button mat-stroked-button type="button" (click)="book()" data-testid="card-book">
        <mat-icon aria-hidden="true" fontIcon="event_available" />{{ 'infrastructure.cardBookings.book' | transloco }}
      </button>
    }
  `,
  styles: `
    .bookings {
      list-style: none;
      margin: 8px 0;
      padding: 0;
    }
    .bookings li {
      display: flex;
      align-items: center;
      gap: 12px;
      padding: 6px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant, #e0e0e0);
    }
    .what {
      flex: 1;
      display: flex;
      flex-direction: column;
    }
    .when,
    .who {
      font: var(--mat-sys-body-small);
      color: var(--k-text-muted);
    }
    .gone .what a,
    .gone .when {
      text-decoration: line-through;
    }
    .muted {
      color: var(--k-text-muted);
    }
  `,
})
export class CardBookingsComponent {
  readonly projectId = input.required<string>();
  readonly cardId = input.required<string>();
  readonly cardTitle = input.required<string>();
  /** How many bookings the live card lists: a change (a booking just made) reloads the list. */
  readonly count = input(0);
  readonly canBook = input(false);
  private readonly api = inject(InfrastructureApi);
  private readonly context = inject(BookingContext);
  private readonly router = inject(Router);
  /** The card dialog this list sits in: it closes when the member leaves for the catalogue. */
  private readonly dialogRef = inject(MatDialogRef, { optional: true });
  private readonly i18n = inject(TranslocoService);
  protected readonly bookings = signal<Booking[] | null>(null);
  protected readonly failed = signal(false);

  constructor() {
    effect(() => {
      const cardId = this.cardId();
      this.count();
      untracked(() => this.load(cardId));
    });
  }

  private load(cardId: string): void {
    this.api.cardBookings(cardId).subscribe({
      next: (page) => {
        this.failed.set(false);
        this.bookings.set(page.items);
      },
      error: () => this.failed.set(true),
    });
  }

  protected range(b: Booking): string {
    return rangeLabel(b.start, b.end, b.timeZone, this.i18n.getActiveLang());
  }

  protected book(): void {
    this.context.bookFor({ projectId: this.projectId(), cardId: this.cardId(), cardTitle: this.cardTitle() });
    this.dialogRef?.close();
    void this.router.navigateByUrl('/infrastructure');
  }
}
