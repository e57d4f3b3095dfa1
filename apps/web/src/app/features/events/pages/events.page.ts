import { ChangeDetectionStrategy, Component, computed, effect, inject, input, untracked } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { EventKinds, type EventKind } from '@klasteris/contracts';
import { AuthStore } from '../../../core/auth/auth.store';
import { LanguageService } from '../../../core/i18n/language.service';
import { browserTimeZone } from '../../../shared/time-zone';
import { EmptyStateComponent } from '../../../shared/ui/empty-state.component';
import { EventCardComponent } from '../components/event-card.component';
import { type EventFilter, groupByMonth, matchesFilter, organiserKey } from '../event-logic';
import { EventsStore, type EventsWhen } from '../events.store';
import { OrganisersStore } from '../organisers.store';

/** Events of the cluster I may see: upcoming (soonest first) or past (latest first), by month, with filters. */
@Component({
  selector: 'app-events-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [EventsStore],
  imports: [
    FormsModule,
    RouterLink,
    MatButtonModule,
    MatButtonToggleModule,
    MatFormFieldModule,
    MatIconModule,
    MatProgressBarModule,
    MatSelectModule,
    MatSlideToggleModule,
    TranslocoPipe,
    EmptyStateComponent,
    EventCardComponent,
  ],
  template: `
    <section class="page">
      <div class="head">
        <div>
          <h1 class="page-title">{{ 'events.title' | transloco }}</h1>
          <p class="page-subtitle">{{ 'events.subtitle' | transloco }}</p>
        </div>
        @if (organisers.canCreate()) {
          <a mat-flat-button routerLink="/events/new" data-testid="event-new"
            ><mat-icon aria-hidden="true" fontIcon="add" />{{ 'events.new' | transloco }}</a
          >
        }
      </div>

      <div class="toolbar">
        <mat-button-toggle-group
          [value]="store.when()"
          (change)="setWhen($event.value)"
          [attr.aria-label]="'events.whenLabel' | transloco"
          data-testid="events-when"
        >
          <mat-button-toggle value="upcoming" data-testid="events-upcoming">{{ 'events.upcoming' | transloco }}</mat-button-toggle>
          <mat-button-toggle value="past" data-testid="events-past">{{ 'events.past' | transloco }}</mat-button-toggle>
        </mat-button-toggle-group>
        <form class="filters" role="search" [attr.aria-label]="'events.filters.label' | transloco">
          <mat-form-field subscriptSizing="dynamic">
            <mat-label>{{ 'events.filters.kind' | transloco }}</mat-label>
            <mat-select name="kind" [ngModel]="filter().kind" (ngModelChange)="patch({ kind: $event })" data-testid="events-filter-kind">
              <mat-option value="">{{ 'common.all' | transloco }}</mat-option>
              @for (k of kinds; track k) {
                <mat-option [value]="k">{{ 'events.kinds.' + k | transloco }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          <mat-form-field subscriptSizing="dynamic">
            <mat-label>{{ 'events.filters.organiser' | transloco }}</mat-label>
            <mat-select
              name="organiser"
              [ngModel]="filter().organiser"
              (ngModelChange)="patch({ organiser: $event })"
              data-testid="events-filter-organiser"
            >
              <mat-option value="">{{ 'common.all' | transloco }}</mat-option>
              @for (o of organiserChoices(); track o.key) {
                <mat-option [value]="o.key">{{ o.label }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          <mat-slide-toggle
            name="mine"
            [ngModel]="filter().mine"
            (ngModelChange)="patch({ mine: $event })"
            data-testid="events-filter-mine"
            >{{ 'events.filters.mine' | transloco }}</mat-slide-toggle
          >
        </form>
      </div>

      @if (store.loading()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" />
      }
      @if (store.errorKey(); as key) {
        <app-empty-state icon="cloud_off" [title]="key | transloco" />
      } @else if (store.loaded() && shown().length === 0) {
        <app-empty-state
          icon="event_busy"
          [title]="(store.items().length ? 'events.noMatch' : store.when() === 'past' ? 'events.nonePast' : 'events.none') | transloco"
        />
      }
      @for (m of months(); track m.key) {
        <section class="month" [attr.aria-labelledby]="'m-' + m.key">
          <h2 class="section-title" [id]="'m-' + m.key">{{ m.label }}</h2>
          <ul class="list" data-testid="events-list">
            @for (e of m.items; track e.id) {
              <li><app-event-card [event]="e" [myZone]="myZone()" [organiserName]="organisers.nameOf(e.organiser)" /></li>
            }
          </ul>
        </section>
      }
      @if (store.when() === 'upcoming' && store.nextCursor()) {
        <button mat-stroked-button type="button" (click)="store.more()" [disabled]="store.loading()">
          {{ 'common.loadMore' | transloco }}
        </button>
      }
      @if (store.when() === 'past' && store.loaded() && !store.errorKey()) {
        <button mat-stroked-button type="button" (click)="store.earlier()" [disabled]="store.loading()" data-testid="events-earlier">
          {{ 'events.earlier' | transloco }}
        </button>
      }
    </section>
  `,
  styles: `
    .head {
      display: flex;
      justify-content: space-between;
      align-items: flex-start;
      gap: 16px;
      flex-wrap: wrap;
    }
    .toolbar {
      display: flex;
      flex-wrap: wrap;
      gap: 16px;
      align-items: center;
      margin-bottom: 16px;
    }
    .filters {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
      align-items: center;
      margin: 0;
    }
    .filters mat-form-field {
      width: 220px;
    }
    .month {
      margin-top: 16px;
    }
    .list {
      list-style: none;
      padding: 0;
      margin: 0;
      display: grid;
      gap: 12px;
      grid-template-columns: repeat(auto-fill, minmax(420px, 1fr));
    }
    @media (max-width: 520px) {
      .list {
        grid-template-columns: 1fr;
      }
    }
  `,
})
export default class EventsPage {
  protected readonly store = inject(EventsStore);
  protected readonly organisers = inject(OrganisersStore);
  private readonly auth = inject(AuthStore);
  private readonly language = inject(LanguageService);
  private readonly transloco = inject(TranslocoService);
  private readonly router = inject(Router);
  /** ?when=past&kind=webinar&organiser=group:<id>&mine=1 — kept in the address, so going back to the list keeps them */
  readonly when = input<string>();
  readonly kind = input<string>();
  readonly organiser = input<string>();
  readonly mine = input<string>();
  protected readonly kinds = EventKinds;
  protected readonly filter = computed<EventFilter>(() => {
    const kind = this.kind();
    return {
      kind: (EventKinds as readonly string[]).includes(kind ?? '') ? (kind as EventKind) : '',
      organiser: this.organiser() ?? '',
      mine: this.mine() === '1',
    };
  });
  protected readonly myZone = computed(() => this.auth.user()?.timeZone ?? browserTimeZone() ?? 'UTC');

  protected readonly shown = computed(() => {
    const f = this.filter();
    const me = this.auth.user()?.id ?? null;
    return this.store.items().filter((e) => matchesFilter(e, f, me));
  });
  protected readonly months = computed(() => groupByMonth(this.shown(), this.myZone(), this.language.lang()));

  /** Organisers of the events loaded, by name (the cluster first). */
  protected readonly organiserChoices = computed(() => {
    this.language.lang();
    const seen = new Map<string, string>();
    for (const e of this.store.items()) {
      const key = organiserKey(e.organiser);
      if (!seen.has(key))
        seen.set(key, this.organisers.nameOf(e.organiser) ?? this.transloco.translate(`events.organiser.${e.organiser.type}`));
    }
    return [...seen]
      .map(([key, label]) => ({ key, label }))
      .sort((a, b) => (a.key === 'cluster' ? -1 : b.key === 'cluster' ? 1 : a.label.localeCompare(b.label)));
  });

  constructor() {
    this.organisers.load();
    effect(() => {
      const when: EventsWhen = this.when() === 'past' ? 'past' : 'upcoming';
      untracked(() => this.store.load(when));
    });
  }

  protected setWhen(value: EventsWhen): void {
    void this.router.navigate([], {
      queryParams: { when: value === 'past' ? 'past' : null },
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
  }

  protected patch(change: Partial<EventFilter>): void {
    const f = { ...this.filter(), ...change };
    void this.router.navigate([], {
      queryParams: { kind: f.kind || null, organiser: f.organiser || null, mine: f.mine ? '1' : null },
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
  }
}
