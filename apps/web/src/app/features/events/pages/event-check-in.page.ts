import { ChangeDetectionStrategy, Component, computed, effect, inject, input, linkedSignal, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { Title } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { Attendee } from '@klasteris/contracts';
import { forkJoin } from 'rxjs';
import { ErrorMessageService } from '../../../core/http/error-message.service';
import { LanguageService } from '../../../core/i18n/language.service';
import { CountryPipe } from '../../../shared/ui/country.pipe';
import { EmptyStateComponent } from '../../../shared/ui/empty-state.component';
import { checkInRows, checkInTally, withMark } from '../check-in-logic';
import { spanLabel } from '../event-logic';
import { EventsApi } from '../events.api';

/**
 * At the door (organisers): search the people going — members and prospects — and mark each present
 * or absent; the counts follow every mark. The list is read once and searched here, so the search
 * answers as one types and the counts stay those of the whole event.
 */
@Component({
  selector: 'app-event-check-in-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    CountryPipe,
    EmptyStateComponent,
    TranslocoPipe,
    FormsModule,
    RouterLink,
    MatCheckboxModule,
    MatButtonModule,
    MatButtonToggleModule,
    MatFormFieldModule,
    MatInputModule,
    MatIconModule,
  ],
  template: `
    <section class="page">
      <nav [attr.aria-label]="'eventCheckIn.back' | transloco">
        <a mat-button [routerLink]="['/events', id()]" class="back"
          ><mat-icon aria-hidden="true" fontIcon="arrow_back" />{{ 'eventCheckIn.back' | transloco }}</a
        >
      </nav>
      @if (failed()) {
        <app-empty-state icon="event_busy" [title]="'eventCheckIn.unavailable' | transloco" />
      } @else if (event(); as e) {
        <h1 class="page-title" data-testid="checkin-title">{{ 'eventCheckIn.title' | transloco: { title: e.title } }}</h1>
        <p class="muted">{{ when() }}</p>
        <ul class="counts" aria-live="polite" data-testid="checkin-counts">
          @for (k of countKeys; track k) {
            <li [attr.data-testid]="'checkin-count-' + k">
              <span class="n">{{ tally()[k] }}</span> {{ 'eventCheckIn.counts.' + k | transloco }}
            </li>
          }
        </ul>
        <div class="tools">
          <mat-form-field class="search" subscriptSizing="dynamic">
            <mat-label>{{ 'eventCheckIn.search' | transloco }}</mat-label>
            <input matInput type="search" [ngModel]="q()" (ngModelChange)="q.set($event)" data-testid="checkin-search" />
            <mat-icon matSuffix aria-hidden="true" fontIcon="search" />
          </mat-form-field>
          <mat-checkbox [ngModel]="everyone()" (ngModelChange)="everyone.set($event)" data-testid="checkin-everyone">
            {{ 'eventCheckIn.everyone' | transloco }}
          </mat-checkbox>
        </div>
        @if (markError(); as text) {
          <p class="form-error" role="alert">{{ text }}</p>
        }
        @if (e.state !== 'published') {
          <p class="muted" role="status">{{ 'eventCheckIn.closed' | transloco }}</p>
        }
        <ul class="people" data-testid="checkin-list" [attr.aria-label]="'eventCheckIn.list' | transloco">
          @for (p of rows(); track p.id) {
            <li
              class="person"
              [attr.data-testid]="'checkin-row'"
              [class.present]="p.checkedIn === true"
              [class.absent]="p.checkedIn === false"
            >
              <div class="who">
                <span class="name">{{ p.name }}</span>
                @if (p.kind === 'prospect') {
                  <span class="tag">{{ 'events.attendance.prospect' | transloco }}</span>
                }
                <span class="muted meta"
                  >{{ p.organisationName ?? '—' }} · {{ p.country ? (p.country | country) : '—' }}
                  @if (p.status !== 'going') {
                    · {{ 'events.attendance.counts.' + p.status | transloco }}
                  }
                </span>
              </div>
              <mat-button-toggle-group
                class="marks"
                hideSingleSelectionIndicator
                [value]="p.checkedIn"
                [disabled]="busy() === p.id || e.state !== 'published'"
                (change)="mark(p, $event.value === true)"
                [attr.aria-label]="'eventCheckIn.markFor' | transloco: { name: p.name }"
              >
                @for (m of marks; track m.present) {
                  <mat-button-toggle [value]="m.present" [class]="m.key" [attr.data-testid]="'checkin-' + m.key">
                    <mat-icon aria-hidden="true" [fontIcon]="m.icon" />{{ 'eventCheckIn.' + m.key | transloco }}
                  </mat-button-toggle>
                }
              </mat-button-toggle-group>
            </li>
          } @empty {
            <li class="muted">{{ (items().length ? 'events.attendance.noMatch' : 'eventCheckIn.nobody') | transloco }}</li>
          }
        </ul>
      }
    </section>
  `,
  styles: `
    .counts {
      list-style: none;
      display: flex;
      flex-wrap: wrap;
      gap: 20px;
      padding: 0;
      margin: 8px 0 16px;
    }
    .counts .n {
      font-size: 24px;
      font-weight: 600;
      color: var(--k-navy);
    }
    .tools {
      display: flex;
      gap: 16px;
      align-items: center;
      flex-wrap: wrap;
      margin-bottom: 12px;
    }
    .search {
      width: min(420px, 100%);
    }
    .people {
      list-style: none;
      padding: 0;
      margin: 0;
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    .person {
      display: flex;
      justify-content: space-between;
      align-items: center;
      gap: 12px;
      flex-wrap: wrap;
      padding: 10px 14px;
      border: 1px solid var(--k-border);
      border-left: 4px solid var(--k-border);
      border-radius: var(--k-radius);
      background: var(--k-surface, #fff);
    }
    .person.present {
      border-left-color: #1b7f3b;
    }
    .person.absent {
      border-left-color: #b3261e;
    }
    .who {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 6px 10px;
      min-width: 0;
    }
    .name {
      font-weight: 500;
    }
    .marks .present.mat-button-toggle-checked {
      background: #e3f4e8;
      color: #14532d;
    }
    .marks .absent.mat-button-toggle-checked {
      background: #fde2e1;
      color: #7f1d1d;
    }
  `,
})
export default class EventCheckInPage {
  readonly id = input.required<string>();
  private readonly api = inject(EventsApi);
  private readonly errors = inject(ErrorMessageService);
  protected readonly countKeys = ['going', 'present', 'absent', 'unmarked'] as const;
  private readonly transloco = inject(TranslocoService);
  private readonly language = inject(LanguageService);
  private readonly title = inject(Title);

  protected readonly marks = [
    { present: true, key: 'present', icon: 'how_to_reg' },
    { present: false, key: 'absent', icon: 'person_off' },
  ] as const;
  /** the event and its list, read once per event (the attendees answer 403 to anyone who does not run it) */
  private readonly desk = rxResource({
    params: () => this.id(),
    stream: ({ params: id }) => forkJoin({ event: this.api.get(id), attendees: this.api.attendees(id) }),
  });
  protected readonly event = computed(() => (this.desk.hasValue() ? this.desk.value().event.event : null));
  /** the list as read, then with each mark made here */
  protected readonly items = linkedSignal<readonly Attendee[]>(() => (this.desk.hasValue() ? this.desk.value().attendees.items : []));
  protected readonly failed = computed(() => this.desk.status() === 'error');
  protected readonly q = signal('');
  protected readonly everyone = signal(false);
  /** the attendee whose mark is on its way */
  protected readonly busy = signal<string | null>(null);
  protected readonly markError = signal<string | null>(null);
  protected readonly tally = computed(() => checkInTally(this.items()));
  protected readonly rows = computed(() => checkInRows(this.items(), this.q(), this.everyone()));
  protected readonly when = computed(() => {
    const e = this.event();
    return e ? spanLabel(e.start, e.end, e.timeZone, this.language.lang()) : '';
  });

  constructor() {
    effect(() => {
      const name = this.event()?.title;
      if (name) this.title.setTitle(`${this.transloco.translate('eventCheckIn.title', { title: name })} · Klasteris`);
    });
  }

  protected mark(p: Attendee, present: boolean): void {
    const e = this.event();
    if (!e || this.busy()) return;
    this.busy.set(p.id);
    this.markError.set(null);
    this.api.checkIn(e.id, p.id, present).subscribe({
      next: ({ attendee }) => {
        this.items.update((list) => withMark(list, attendee));
        this.busy.set(null);
      },
      error: (err: unknown) => {
        this.markError.set(this.errors.message(err));
        this.busy.set(null);
      },
    });
  }
}
