import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { Booking } from '@klasteris/contracts';
import { BookingStatusComponent } from '../components/booking-status.component';
import { rangeLabel, viewerZone } from '../time';

export type BookingAction = 'approve' | 'reject' | 'cancel' | 'cancelFollowing' | 'checkIn';

/** Bookings as a list of cards with the actions the page allows. */
@Component({
  selector: 'app-bookings-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatButtonModule, MatIconModule, TranslocoPipe, BookingStatusComponent],
  template: `
    <ul class="list">
      @for (b of items(); track b.id) {
        <li class="item" [attr.data-testid]="'booking-' + b.id" [class.highlight]="b.id === highlight()">
          <div class="main">
            <a class="name" [routerLink]="['/infrastructure/resources', b.resourceId]">{{ b.resourceName }}</a>
            <app-booking-status [status]="b.status" />
            <div class="when">
              {{ when(b) }}
              @if (b.units > 1) {
                · {{ 'infrastructure.unitsN' | transloco: { n: b.units } }}
              }
            </div>
            @if (local(b); as l) {
              <div class="local">{{ 'infrastructure.book.yourTime' | transloco: { time: l } }}</div>
            }
            <div class="purpose">{{ b.purpose }}</div>
            @if (showRequester()) {
              <div class="who">
                {{ b.userName }}
                @if (b.organisationName) {
                  · {{ b.organisationName }}
                }
              </div>
            }
            @if (b.decisionNote) {
              <div class="note">{{ b.decisionNote }}</div>
            }
          </div>
          <div class="actions">
            @if (canCheckIn(b)) {
              <button
                mat-flat-button
                type="button"
                (click)="act.emit({ action: 'checkIn', booking: b })"
                [attr.data-testid]="'checkin-' + b.id"
              >
                {{ 'infrastructure.actions.checkIn' | transloco }}
              </button>
            }
            @if (b.checkedInAt) {
              <span class="checked">{{ 'infrastructure.checkedIn' | transloco }}</span>
            }
            @for (a of actions(); track a) {
              @if (
                (a !== 'cancel' && a !== 'cancelFollowing') ||
                ((b.status === 'pending' || b.status === 'confirmed' || b.status === 'held') && (a === 'cancel' || b.seriesId))
              ) {
                <button
                  mat-stroked-button
                  type="button"
                  [class.primary]="a === 'approve'"
                  (click)="act.emit({ action: a, booking: b })"
                  [attr.data-testid]="a + '-' + b.id"
                >
                  {{ 'infrastructure.actions.' + a | transloco }}
                </button>
              }
            }
          </div>
        </li>
      }
    </ul>
  `,
  styles: `
    .list {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 8px;
    }
    .item {
      display: flex;
      gap: 16px;
      align-items: center;
      justify-content: space-between;
      padding: 12px 16px;
      border: 1px solid var(--k-border, #dde3ea);
      border-radius: 8px;
      background: #fff;
      flex-wrap: wrap;
    }
    .item.highlight {
      border-color: var(--k-teal);
      box-shadow: 0 0 0 2px #b5e6dc;
    }
    .name {
      font: var(--mat-sys-title-small);
      margin-right: 8px;
      color: var(--k-navy);
    }
    .when {
      margin-top: 4px;
    }
    .local,
    .who,
    .note {
      color: var(--k-text-muted);
      font: var(--mat-sys-body-small);
    }
    .purpose {
      margin-top: 2px;
    }
    .actions {
      display: flex;
      gap: 8px;
    }
    .primary {
      background: var(--k-teal);
      color: #fff;
    }
    .checked {
      color: var(--k-teal);
      align-self: center;
    }
  `,
})
export class BookingsListComponent {
  readonly items = input.required<Booking[]>();
  readonly actions = input<BookingAction[]>([]);
  readonly showRequester = input(false);
  readonly highlight = input<string | null>(null);
  readonly act = output<{ action: BookingAction; booking: Booking }>();
  private readonly i18n = inject(TranslocoService);

  /** Shown from 15 minutes before the start until the end; the server decides whether the resource uses check-in. */
  protected canCheckIn(b: Booking): boolean {
    const now = Date.now();
    return (
      this.actions().includes('cancel') &&
      b.status === 'confirmed' &&
      !b.checkedInAt &&
      now >= Date.parse(b.start) - 15 * 60_000 &&
      now < Date.parse(b.end)
    );
  }

  protected when(b: Booking): string {
    return `${rangeLabel(b.start, b.end, b.timeZone, this.i18n.getActiveLang())} (${b.timeZone})`;
  }

  protected local(b: Booking): string | null {
    return viewerZone() === b.timeZone ? null : rangeLabel(b.start, b.end, viewerZone(), this.i18n.getActiveLang());
  }
}
