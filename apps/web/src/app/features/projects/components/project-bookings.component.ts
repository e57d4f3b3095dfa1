import { ChangeDetectionStrategy, Component, effect, inject, input, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { Booking } from '@klasteris/contracts';
import { forkJoin, of, type Observable } from 'rxjs';
import { catchError, map, switchMap } from 'rxjs/operators';
import { BookingContext } from '../../infrastructure/booking-context';
import { BookingStatusComponent } from '../../infrastructure/components/booking-status.component';
import { InfrastructureApi } from '../../infrastructure/infrastructure.api';
import { rangeLabel } from '../../infrastructure/time';
import { ProjectsApi } from '../projects.api';

interface Row {
  booking: Booking;
  /** the linked card's title; null when the booking is for the project as a whole or the card is gone */
  cardTitle: string | null;
}

/**
 * A project's upcoming bookings (pending and confirmed), each with its state, resource, local time
 * and the card it is for; "Book infrastructure for this project" carries the project to the catalogue.
 */
@Component({
  selector: 'app-project-bookings',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatButtonModule, MatIconModule, TranslocoPipe, BookingStatusComponent],
  template: `
    <div class="section-head">
      <h2 id="project-bookings-h" class="section-title">{{ 'projectBookings.title' | transloco }}</h2>
      @if (canBook()) {
        <button mat-stroked-button type="button" (click)="book()" data-testid="project-book">
          <mat-icon aria-hidden="true" fontIcon="event_available" />{{ 'projectBookings.book' | transloco }}
        </button>
      }
    </div>
    @if (failed()) {
      <p class="muted" role="alert">{{ 'projectBookings.failed' | transloco }}</p>
    } @else if (rows(); as list) {
      @if (list.length === 0) {
        <p class="muted" data-testid="project-bookings-empty">{{ 'projectBookings.none' | transloco }}</p>
      } @else {
        <table class="bookings" data-testid="project-bookings" aria-labelledby="project-bookings-h">
          <thead>
            <tr>
              <th scope="col">{{ 'projectBookings.when' | transloco }}</th>
              <th scope="col">{{ 'projectBookings.resource' | transloco }}</th>
              <th scope="col">{{ 'projectBookings.card' | transloco }}</th>
              <th scope="col">{{ 'projectBookings.state' | transloco }}</th>
            </tr>
          </thead>
          <tbody>
            @for (r of list; track r.booking.id) {
              <tr data-testid="project-booking">
                <td>
                  <span class="when">{{ range(r.booking) }}</span>
                  <span class="sub"
                    >{{ r.booking.timeZone }} · {{ r.booking.userName }}
                    @if (r.booking.organisationName) {
                      · {{ r.booking.organisationName }}
                    }
                  </span>
                </td>
                <td>
                  <a [routerLink]="['/infrastructure/resources', r.booking.resourceId]">{{ r.booking.resourceName }}</a>
                  @if (r.booking.units > 1) {
                    <span class="sub">{{ 'infrastructure.cardBookings.units' | transloco: { units: r.booking.units } }}</span>
                  }
                </td>
                <td>
                  @if (r.booking.cardId && r.cardTitle) {
                    <a
                      [routerLink]="['/projects', projectId(), 'board']"
                      [queryParams]="{ card: r.booking.cardId }"
                      data-testid="project-booking-card"
                      >{{ r.cardTitle }}</a
                    >
                  } @else {
                    <span class="muted">{{
                      (r.booking.cardId ? 'projectBookings.cardGone' : 'projectBookings.wholeProject') | transloco
                    }}</span>
                  }
                </td>
                <td><app-booking-status [status]="r.booking.status" /></td>
              </tr>
            }
          </tbody>
        </table>
      }
    } @else {
      <p class="muted">{{ 'infrastructure.cardBookings.loading' | transloco }}</p>
    }
  `,
  styles: `
    .section-head {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 12px;
      flex-wrap: wrap;
    }
    .bookings {
      width: 100%;
      border-collapse: collapse;
      margin-top: 8px;
    }
    .bookings th,
    .bookings td {
      text-align: left;
      padding: 8px 8px 8px 0;
      border-bottom: 1px solid var(--k-border);
      vertical-align: top;
    }
    .bookings th {
      font-weight: 600;
      font-size: 13px;
      color: var(--k-text-muted);
    }
    .when {
      display: block;
    }
    .sub {
      display: block;
      font-size: 12px;
      color: var(--k-text-muted);
    }
    .muted {
      color: var(--k-text-muted);
    }
  `,
})
export class ProjectBookingsComponent {
  readonly projectId = input.required<string>();
  readonly projectName = input.required<string>();
  /** observers read the list but do not book for the project */
  readonly canBook = input(false);
  private readonly infra = inject(InfrastructureApi);
  private readonly projects = inject(ProjectsApi);
  private readonly context = inject(BookingContext);
  private readonly router = inject(Router);
  private readonly i18n = inject(TranslocoService);
  protected readonly rows = signal<Row[] | null>(null);
  protected readonly failed = signal(false);

  constructor() {
    effect(() => {
      const projectId = this.projectId();
      untracked(() => this.load(projectId));
    });
  }

  private load(projectId: string): void {
    this.infra
      .projectBookings(projectId)
      .pipe(switchMap((page) => this.withCardTitles(page.items)))
      .subscribe({
        next: (rows) => {
          this.failed.set(false);
          this.rows.set(rows);
        },
        error: () => this.failed.set(true),
      });
  }

  /** One request per distinct card (a project lists up to 100 upcoming bookings); a deleted card shows as gone. */
  private withCardTitles(bookings: Booking[]): Observable<Row[]> {
    const ids = [...new Set(bookings.map((b) => b.cardId).filter((id): id is string => id !== null))];
    if (ids.length === 0) return of(bookings.map((booking) => ({ booking, cardTitle: null })));
    const titles = ids.map((id) =>
      this.projects.card(id).pipe(
        map(({ card }) => [id, card.title] as const),
        catchError(() => of([id, null] as const)),
      ),
    );
    return forkJoin(titles).pipe(
      map((pairs) => {
        const byId = new Map<string, string | null>(pairs);
        return bookings.map((booking) => ({ booking, cardTitle: booking.cardId ? (byId.get(booking.cardId) ?? null) : null }));
      }),
    );
  }

  protected range(b: Booking): string {
    return rangeLabel(b.start, b.end, b.timeZone, this.i18n.getActiveLang());
  }

  protected book(): void {
    this.context.bookFor({ projectId: this.projectId(), cardId: null, cardTitle: this.projectName() });
    void this.router.navigateByUrl('/infrastructure');
  }
}
