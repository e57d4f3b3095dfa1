import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Title } from '@angular/platform-browser';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { ClusterEvent, RsvpChoice } from '@klasteris/contracts';
import { AuthStore } from '../../../core/auth/auth.store';
import { ErrorMessageService } from '../../../core/http/error-message.service';
import { LanguageService } from '../../../core/i18n/language.service';
import { renderMarkdown } from '../../../shared/markdown';
import { browserTimeZone } from '../../../shared/time-zone';
import { ConfirmDialogComponent, type ConfirmDialogData, type ConfirmDialogResult } from '../../../shared/ui/confirm-dialog.component';
import { EmptyStateComponent } from '../../../shared/ui/empty-state.component';
import { EventAnnounceComponent } from '../components/announce.component';
import { EventAttendanceComponent } from '../components/attendance.component';
import { EventProspectsComponent } from '../components/prospects.component';
import { EventVenueComponent } from '../components/event-venue.component';
import { RsvpPanelComponent } from '../components/rsvp-panel.component';
import { fileName, saveText } from '../download';
import { eventTimes, spanLabel, venueState } from '../event-logic';
import { EventStore } from '../event.store';
import { EventsApi } from '../events.api';
import { OrganisersStore } from '../organisers.store';

/** One event: what, when (its zone and mine), where, my answer, add to calendar; organisers also edit, publish, cancel and see who attends. */
@Component({
  selector: 'app-event-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [EventStore],
  imports: [
    RouterLink,
    MatButtonModule,
    MatIconModule,
    TranslocoPipe,
    EmptyStateComponent,
    EventAnnounceComponent,
    EventAttendanceComponent,
    EventProspectsComponent,
    EventVenueComponent,
    RsvpPanelComponent,
  ],
  template: `
    <section class="page">
      <a mat-button routerLink="/events" class="back"
        ><mat-icon aria-hidden="true" fontIcon="arrow_back" />{{ 'events.back' | transloco }}</a
      >
      @if (store.notFound()) {
        <app-empty-state icon="event_busy" [title]="'events.notFound' | transloco" />
      } @else if (store.event(); as e) {
        @if (e.state === 'cancelled') {
          <p class="banner cancelled" role="status" data-testid="event-cancelled">
            <mat-icon aria-hidden="true" fontIcon="event_busy" />{{ 'events.cancelledBanner' | transloco }}
          </p>
        } @else if (e.state === 'draft') {
          <div class="banner draft" role="status" data-testid="event-draft">
            <mat-icon aria-hidden="true" fontIcon="edit_note" />
            <span class="grow">{{ (e.venue.kind === 'resource' ? 'events.draftBannerVenue' : 'events.draftBanner') | transloco }}</span>
            @if (e.canManage) {
              <button mat-flat-button type="button" (click)="publish()" [disabled]="busy()" data-testid="event-publish">
                {{ 'events.publish' | transloco }}
              </button>
            }
          </div>
        }
        @if (venuePending()) {
          <p class="banner draft" role="status" data-testid="event-venue-pending">
            <mat-icon aria-hidden="true" fontIcon="hourglass_top" />{{ 'events.venuePendingBanner' | transloco }}
          </p>
        }
        <header class="k-card head">
          <div class="head-main">
            <p class="pills">
              <span class="tag">{{ 'events.kinds.' + e.kind | transloco }}</span>
              <span class="tag">{{ 'events.visibility.' + e.visibility | transloco }}</span>
            </p>
            <h1 class="page-title" data-testid="event-title">{{ e.title }}</h1>
            <p class="muted organiser">{{ 'events.organisedBy' | transloco: { name: organiserName() } }}</p>
            <dl class="facts">
              <div>
                <dt><mat-icon aria-hidden="true" fontIcon="schedule" />{{ 'events.when' | transloco }}</dt>
                <dd data-testid="event-when">
                  {{ times().local }} <span class="muted">({{ times().zone }})</span>
                </dd>
                @if (times().mine; as mine) {
                  <dd class="muted" data-testid="event-when-mine">{{ 'events.yourTime' | transloco: { time: mine } }}</dd>
                }
              </div>
              <div>
                <dt><mat-icon aria-hidden="true" fontIcon="place" />{{ 'events.venue.label' | transloco }}</dt>
                <dd><app-event-venue [venue]="e.venue" [state]="e.state" [links]="true" [icon]="false" /></dd>
              </div>
            </dl>
          </div>
          <div class="head-actions">
            <button mat-stroked-button type="button" (click)="downloadIcs()" data-testid="event-ics">
              <mat-icon aria-hidden="true" fontIcon="calendar_add_on" />{{ 'events.addToCalendar' | transloco }}
            </button>
            @if (chatOpen()) {
              <button mat-stroked-button type="button" (click)="openChat()" [disabled]="busy()" data-testid="event-chat">
                <mat-icon aria-hidden="true" fontIcon="forum" />{{ 'eventChat.open' | transloco }}
              </button>
            }
            @if (e.canManage && e.state === 'published') {
              <a mat-stroked-button [routerLink]="['/events', e.id, 'check-in']" data-testid="event-checkin-link"
                ><mat-icon aria-hidden="true" fontIcon="how_to_reg" />{{ 'eventCheckIn.open' | transloco }}</a
              >
            }
            @if (e.canManage && e.state !== 'cancelled') {
              <a mat-stroked-button [routerLink]="['/events', e.id, 'edit']" data-testid="event-edit"
                ><mat-icon aria-hidden="true" fontIcon="edit" />{{ 'common.edit' | transloco }}</a
              >
              <button
                mat-stroked-button
                type="button"
                class="danger"
                (click)="cancelEvent()"
                [disabled]="busy()"
                data-testid="event-cancel"
              >
                <mat-icon aria-hidden="true" fontIcon="event_busy" />{{ 'events.cancel.action' | transloco }}
              </button>
            }
          </div>
        </header>

        <div class="layout">
          <div class="main-col">
            <section class="k-card" aria-labelledby="about-h">
              <h2 id="about-h" class="section-title">{{ 'events.about' | transloco }}</h2>
              @if (description(); as html) {
                <div class="markdown" data-testid="event-description" [innerHTML]="html"></div>
              } @else {
                <p class="muted">{{ 'events.noDescription' | transloco }}</p>
              }
            </section>
            @if (e.canManage && e.state === 'published') {
              <app-event-announce [event]="e" />
            }
            @if (e.canManage) {
              @if (store.attendees(); as a) {
                <app-event-attendance [data]="a" (csv)="downloadCsv()" />
              } @else if (store.attendeesError()) {
                <p class="form-error" role="alert">{{ 'events.attendance.error' | transloco }}</p>
              }
              @if (e.visibility === 'public') {
                <app-event-prospects [eventId]="e.id" [refresh]="store.attendees()" />
              }
            }
          </div>
          <aside class="side-col">
            <app-rsvp-panel [event]="e" [busy]="busy()" (choose)="answer($event)" />
            @if (store.series(); as sr) {
              <section class="k-card" aria-labelledby="series-h" data-testid="event-series">
                <h2 id="series-h" class="section-title">{{ 'events.series.title' | transloco }}</h2>
                <p class="muted">{{ 'events.series.rule.' + sr.series.recurrence.freq | transloco: { count: sr.series.occurrences } }}</p>
                <ol class="dates">
                  @for (o of sr.events; track o.id) {
                    <li [class.current]="o.id === e.id">
                      @if (o.id === e.id) {
                        <span aria-current="page">{{ dayOf(o) }}</span>
                      } @else {
                        <a [routerLink]="['/events', o.id]">{{ dayOf(o) }}</a>
                      }
                      @if (o.state === 'cancelled') {
                        <span class="status-pill status-rejected">{{ 'events.states.cancelled' | transloco }}</span>
                      }
                      @if (o.series?.moved) {
                        <span class="tag">{{ 'events.series.moved' | transloco }}</span>
                      }
                    </li>
                  }
                </ol>
                @if (e.canManage && hasUpcoming(sr.events)) {
                  <button
                    mat-stroked-button
                    type="button"
                    class="danger series-cancel"
                    (click)="cancelSeries()"
                    [disabled]="busy()"
                    data-testid="series-cancel"
                  >
                    <mat-icon aria-hidden="true" fontIcon="event_busy" />{{ 'events.series.cancel' | transloco }}
                  </button>
                }
              </section>
            }
          </aside>
        </div>
      }
    </section>
  `,
  styles: `
    .banner {
      display: flex;
      align-items: center;
      gap: 8px;
      padding: 12px 16px;
      border-radius: var(--k-radius);
      margin: 8px 0 16px;
      flex-wrap: wrap;
    }
    .banner.cancelled {
      background: #fde2e1;
      color: #7f1d1d;
    }
    .banner.draft {
      background: #fff1cf;
      color: #5c3d00;
    }
    .banner .grow {
      flex: 1;
    }
    .head {
      display: flex;
      justify-content: space-between;
      gap: 16px;
      flex-wrap: wrap;
    }
    .head-main {
      flex: 1 1 420px;
      min-width: 0;
    }
    .head-actions {
      display: flex;
      gap: 8px;
      align-items: flex-start;
      flex-wrap: wrap;
    }
    .pills {
      display: flex;
      gap: 6px;
      flex-wrap: wrap;
      margin: 0 0 8px;
    }
    .organiser {
      margin: 0 0 12px;
    }
    .facts {
      margin: 0;
      display: flex;
      flex-direction: column;
      gap: 10px;
    }
    .facts dt {
      display: flex;
      align-items: center;
      gap: 6px;
      font-weight: 500;
      color: var(--k-navy);
    }
    .facts dt mat-icon {
      font-size: 18px;
      width: 18px;
      height: 18px;
      color: var(--k-teal);
    }
    .facts dd {
      margin: 2px 0 0 24px;
    }
    .layout {
      display: grid;
      grid-template-columns: minmax(0, 2fr) minmax(260px, 1fr);
      gap: 16px;
      margin-top: 16px;
    }
    @media (max-width: 900px) {
      .layout {
        grid-template-columns: 1fr;
      }
      .side-col {
        order: -1;
      }
    }
    .main-col,
    .side-col {
      display: flex;
      flex-direction: column;
      gap: 16px;
    }
    .markdown {
      overflow-wrap: anywhere;
    }
    .markdown :is(p, ul, ol, blockquote, pre) {
      margin: 0 0 10px;
    }
    .markdown blockquote {
      border-left: 3px solid var(--k-border);
      padding-left: 12px;
      color: var(--k-text-muted);
    }
    .markdown pre {
      background: #f0f4f7;
      padding: 8px 12px;
      border-radius: 8px;
      overflow-x: auto;
    }
    .danger {
      color: #b3261e;
    }
    .dates {
      margin: 0;
      padding-left: 20px;
      display: flex;
      flex-direction: column;
      gap: 4px;
    }
    .dates .current {
      font-weight: 500;
    }
    .series-cancel {
      margin-top: 12px;
    }
  `,
})
export default class EventPage {
  protected readonly store = inject(EventStore);
  private readonly api = inject(EventsApi);
  private readonly auth = inject(AuthStore);
  private readonly organisers = inject(OrganisersStore);
  private readonly language = inject(LanguageService);
  private readonly dialog = inject(MatDialog);
  private readonly snack = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly errors = inject(ErrorMessageService);
  private readonly title = inject(Title);
  private readonly router = inject(Router);
  readonly id = input.required<string>();
  protected readonly busy = signal(false);

  private readonly myZone = computed(() => this.auth.user()?.timeZone ?? browserTimeZone() ?? 'UTC');
  protected readonly times = computed(() => {
    const e = this.store.event();
    return e ? eventTimes(e, this.myZone(), this.language.lang()) : { local: '', zone: '', mine: null };
  });
  protected readonly description = computed(() => {
    const d = this.store.event()?.description?.trim();
    return d ? renderMarkdown(d) : null;
  });
  protected readonly venuePending = computed(() => {
    const e = this.store.event();
    return !!e && e.state === 'published' && venueState(e.venue, e.state) === 'pending';
  });
  /** "Event chat": for the people going and the organisers, once the event is published (a cancelled one's stays readable). */
  protected readonly chatOpen = computed(() => {
    const e = this.store.event();
    return !!e && e.state !== 'draft' && (e.canManage || e.myRsvp?.status === 'going');
  });
  protected readonly organiserName = computed(() => {
    this.language.lang();
    const e = this.store.event();
    if (!e) return '';
    return this.organisers.nameOf(e.organiser) ?? this.transloco.translate(`events.organiser.${e.organiser.type}`);
  });

  constructor() {
    this.organisers.load();
    effect(() => {
      const id = this.id();
      untracked(() => this.store.load(id));
    });
    // the tab says which event (the route's title is only "Event")
    effect(() => {
      const e = this.store.event();
      if (e) this.title.setTitle(`${e.title} · Klasteris`);
    });
  }

  protected dayOf(e: ClusterEvent): string {
    return spanLabel(e.start, e.end, e.timeZone, this.language.lang());
  }

  protected answer(choice: RsvpChoice): void {
    this.busy.set(true);
    this.store.rsvp(choice).subscribe({
      next: (r) => {
        this.busy.set(false);
        const text =
          r.status === 'waitlisted'
            ? this.transloco.translate('events.rsvp.done.waitlisted', { position: r.position ?? '?' })
            : this.transloco.translate(`events.rsvp.done.${r.status}`);
        this.snack.open(text, undefined, { duration: 3000 });
      },
      error: (err: unknown) => this.fail(err),
    });
  }

  protected publish(): void {
    this.busy.set(true);
    this.store.publish().subscribe({
      next: (e) => {
        this.busy.set(false);
        this.snack.open(
          this.transloco.translate(venueState(e.venue, e.state) === 'pending' ? 'events.publishedPending' : 'events.published'),
          undefined,
          { duration: 4000 },
        );
      },
      error: (err: unknown) => this.fail(err),
    });
  }

  protected cancelEvent(): void {
    const e = this.store.event();
    if (!e) return;
    const data: ConfirmDialogData = {
      title: this.transloco.translate('events.cancel.title'),
      message: this.transloco.translate(
        e.venue.kind === 'resource' && e.venue.bookingId ? 'events.cancel.messageVenue' : 'events.cancel.message',
        { title: e.title, count: e.going },
      ),
      confirmLabel: this.transloco.translate('events.cancel.confirm'),
      reasonLabel: this.transloco.translate('events.cancel.reason'),
      danger: true,
    };
    this.dialog
      .open<ConfirmDialogComponent, ConfirmDialogData, ConfirmDialogResult>(ConfirmDialogComponent, { data, autoFocus: 'first-tabbable' })
      .afterClosed()
      .subscribe((result) => {
        if (!result) return;
        this.busy.set(true);
        this.store.cancel(result.reason).subscribe({
          next: () => {
            this.busy.set(false);
            this.snack.open(this.transloco.translate('events.cancel.done'), undefined, { duration: 3000 });
          },
          error: (err: unknown) => this.fail(err),
        });
      });
  }

  protected hasUpcoming(events: readonly ClusterEvent[]): boolean {
    const now = Date.now();
    return events.some((o) => o.state !== 'cancelled' && Date.parse(o.end) > now);
  }

  protected cancelSeries(): void {
    const data: ConfirmDialogData = {
      title: this.transloco.translate('events.series.cancelTitle'),
      message: this.transloco.translate('events.series.cancelMessage'),
      confirmLabel: this.transloco.translate('events.series.cancelConfirm'),
      reasonLabel: this.transloco.translate('events.cancel.reason'),
      danger: true,
    };
    this.dialog
      .open<ConfirmDialogComponent, ConfirmDialogData, ConfirmDialogResult>(ConfirmDialogComponent, { data, autoFocus: 'first-tabbable' })
      .afterClosed()
      .subscribe((result) => {
        if (!result) return;
        this.busy.set(true);
        this.store.cancelSeries(result.reason).subscribe({
          next: () => {
            this.busy.set(false);
            this.snack.open(this.transloco.translate('events.series.cancelled'), undefined, { duration: 3000 });
          },
          error: (err: unknown) => this.fail(err),
        });
      });
  }

  protected openChat(): void {
    const e = this.store.event();
    if (!e) return;
    this.busy.set(true);
    this.api.channel(e.id).subscribe({
      next: ({ channel }) => {
        this.busy.set(false);
        void this.router.navigate(['/chat', channel.id]);
      },
      error: (err: unknown) => this.fail(err),
    });
  }

  protected downloadIcs(): void {
    const e = this.store.event();
    if (!e) return;
    this.api
      .ics(e.id)
      .subscribe({ next: (text) => saveText(text, 'text/calendar', fileName(e.title, 'ics')), error: (err: unknown) => this.fail(err) });
  }

  protected downloadCsv(): void {
    const e = this.store.event();
    if (!e) return;
    this.api.attendeesCsv(e.id).subscribe({
      next: (text) => saveText(text, 'text/csv', fileName(`${e.title}-attendees`, 'csv')),
      error: (err: unknown) => this.fail(err),
    });
  }

  private fail(err: unknown): void {
    this.busy.set(false);
    this.snack.open(this.errors.message(err), this.transloco.translate('common.close'));
  }
}
