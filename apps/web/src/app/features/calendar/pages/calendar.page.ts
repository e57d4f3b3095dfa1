import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { Clipboard } from '@angular/cdk/clipboard';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTooltipModule } from '@angular/material/tooltip';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { CalendarItem } from '@klasteris/contracts';
import { DateTime, Info } from 'luxon';
import { ErrorMessageService } from '../../../core/http/error-message.service';
import { LanguageService } from '../../../core/i18n/language.service';
import { CalendarViews, isCalendarView, linkOf, shift, type CalendarView, type DayEntry } from '../calendar-logic';
import { CalendarApi } from '../calendar.api';
import { CalendarStore } from '../calendar.store';

const MONTH_CELL_MAX = 3;
const KIND_ICONS: Record<CalendarItem['kind'], string> = { event: 'event', booking: 'meeting_room', card: 'task_alt' };

/** My calendar: my events, my bookings and my cards' due dates — month, week and agenda, in my time zone. */
@Component({
  selector: 'app-calendar-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [CalendarStore],
  imports: [RouterLink, MatButtonModule, MatButtonToggleModule, MatIconModule, MatProgressBarModule, MatTooltipModule, TranslocoPipe],
  template: `
    <div class="page">
      <header class="head">
        <div>
          <h1 data-testid="calendar-title">{{ 'calendar.title' | transloco }}</h1>
          <p class="zone" data-testid="calendar-zone">{{ 'calendar.zoneNote' | transloco: { zone: store.zone() } }}</p>
        </div>
        <button mat-stroked-button type="button" (click)="subscribe()" [disabled]="feedBusy()" data-testid="calendar-subscribe">
          <mat-icon aria-hidden="true" fontIcon="event_repeat" />{{ 'calendar.subscribe' | transloco }}
        </button>
      </header>
      @if (feedUrl(); as url) {
        <div class="feed" role="status" data-testid="calendar-feed">
          <p>{{ 'calendar.subscribeHint' | transloco }}</p>
          <div class="feed-row">
            <code class="url">{{ url }}</code>
            <button mat-button type="button" (click)="copy(url)">
              <mat-icon aria-hidden="true" fontIcon="content_copy" />{{ (copied() ? 'calendar.copied' : 'calendar.copy') | transloco }}
            </button>
          </div>
        </div>
      }
      @if (feedError()) {
        <p class="alert" role="alert">{{ feedError() }}</p>
      }

      <div class="toolbar">
        <div class="nav">
          <button
            mat-icon-button
            type="button"
            (click)="move(-1)"
            [attr.aria-label]="'calendar.previous' | transloco"
            [matTooltip]="'calendar.previous' | transloco"
            data-testid="calendar-prev"
          >
            <mat-icon aria-hidden="true" fontIcon="chevron_left" />
          </button>
          <button mat-stroked-button type="button" (click)="goToday()" data-testid="calendar-today">
            {{ 'calendar.today' | transloco }}
          </button>
          <button
            mat-icon-button
            type="button"
            (click)="move(1)"
            [attr.aria-label]="'calendar.next' | transloco"
            [matTooltip]="'calendar.next' | transloco"
            data-testid="calendar-next"
          >
            <mat-icon aria-hidden="true" fontIcon="chevron_right" />
          </button>
          <h2 class="range" aria-live="polite" data-testid="calendar-range">{{ rangeTitle() }}</h2>
        </div>
        <mat-button-toggle-group
          [value]="store.view()"
          (change)="go($event.value, store.anchor())"
          [attr.aria-label]="'calendar.viewLabel' | transloco"
          hideSingleSelectionIndicator
        >
          @for (v of views; track v) {
            <mat-button-toggle [value]="v" [attr.data-testid]="'calendar-view-' + v">{{
              'calendar.views.' + v | transloco
            }}</mat-button-toggle>
          }
        </mat-button-toggle-group>
      </div>

      <ul class="legend" [attr.aria-label]="'calendar.legend' | transloco">
        @for (k of kinds; track k) {
          <li class="chip" [class]="'legend-' + k">
            <mat-icon aria-hidden="true" [fontIcon]="icons[k]" />{{ 'calendar.kinds.' + k | transloco }}
          </li>
        }
      </ul>

      <div class="bar">
        @if (store.loading()) {
          <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" />
        }
      </div>
      @if (store.error(); as err) {
        <p class="alert" role="alert" data-testid="calendar-error">{{ 'calendar.failed' | transloco }} {{ err }}</p>
      }

      @switch (store.view()) {
        @case ('month') {
          <div class="month" data-testid="calendar-month">
            @for (w of weekdays(); track $index) {
              <div class="weekday" aria-hidden="true">{{ w }}</div>
            }
            @for (d of store.days(); track d.toISODate()) {
              @let key = d.toISODate()!;
              @let list = store.entries().get(key) ?? [];
              <section
                class="cell"
                [class.other]="d.month !== store.anchor().month"
                [class.today]="key === store.today()"
                [attr.aria-label]="dayLabel(d)"
                [attr.data-testid]="'calendar-day-' + key"
              >
                <span class="num" aria-hidden="true">{{ d.day }}</span>
                <ul class="entries">
                  @for (e of list.slice(0, cellMax); track e.item.kind + e.item.id) {
                    <li>
                      <a
                        class="entry"
                        [class]="entryClass(e)"
                        [routerLink]="link(e).path"
                        [queryParams]="link(e).query"
                        [attr.data-testid]="'calendar-item-' + e.item.id"
                      >
                        @if (e.time.start) {
                          <span class="t">{{ e.time.start }}</span>
                        }
                        <span class="title">{{ e.item.title }}</span>
                        <span class="sr">{{ srDetail(e) }}</span>
                      </a>
                    </li>
                  }
                </ul>
                @if (list.length > cellMax) {
                  <button type="button" class="more" (click)="go('agenda', d)">
                    {{ 'calendar.more' | transloco: { count: list.length - cellMax } }}
                  </button>
                }
              </section>
            }
          </div>
        }
        @case ('week') {
          <div class="week" data-testid="calendar-week">
            @for (d of store.days(); track d.toISODate()) {
              @let key = d.toISODate()!;
              @let list = store.entries().get(key) ?? [];
              <section
                class="col"
                [class.today]="key === store.today()"
                [attr.aria-labelledby]="'wd-' + key"
                [attr.data-testid]="'calendar-day-' + key"
              >
                <h3 class="col-head" [id]="'wd-' + key">
                  <span class="wd">{{ d.setLocale(locale()).toFormat('ccc') }}</span>
                  <span class="dn">{{ d.setLocale(locale()).toFormat('d LLL') }}</span>
                </h3>
                <ul class="entries">
                  @for (e of list; track e.item.kind + e.item.id) {
                    <li>
                      <a
                        class="entry block"
                        [class]="entryClass(e)"
                        [routerLink]="link(e).path"
                        [queryParams]="link(e).query"
                        [attr.data-testid]="'calendar-item-' + e.item.id"
                      >
                        <span class="t">{{ timeText(e) }}</span>
                        <span class="title">{{ e.item.title }}</span>
                        @if (e.item.detail) {
                          <span class="detail">{{ e.item.detail }}</span>
                        }
                        <span class="sr">{{ srDetail(e) }}</span>
                      </a>
                    </li>
                  } @empty {
                    <li class="none" aria-hidden="true">—</li>
                  }
                </ul>
              </section>
            }
          </div>
        }
        @case ('agenda') {
          <div class="agenda" data-testid="calendar-agenda">
            @for (d of agendaDays(); track d.key) {
              <section class="aday" [attr.aria-labelledby]="'ad-' + d.key">
                <h3 [id]="'ad-' + d.key" [class.today]="d.key === store.today()">{{ d.label }}</h3>
                <ul class="alist">
                  @for (e of d.entries; track e.item.kind + e.item.id) {
                    <li>
                      <a
                        class="arow"
                        [class]="entryClass(e)"
                        [routerLink]="link(e).path"
                        [queryParams]="link(e).query"
                        [attr.data-testid]="'calendar-item-' + e.item.id"
                      >
                        <span class="atime">{{ timeText(e) }}</span>
                        <mat-icon class="aicon" aria-hidden="true" [fontIcon]="icons[e.item.kind]" />
                        <span class="amain">
                          <span class="title">{{ e.item.title }}</span>
                          @if (e.item.detail) {
                            <span class="detail">{{ e.item.detail }}</span>
                          }
                        </span>
                        <span class="status"
                          >{{ 'calendar.kinds.' + e.item.kind | transloco }} · {{ 'calendar.status.' + e.item.status | transloco }}</span
                        >
                      </a>
                    </li>
                  }
                </ul>
              </section>
            } @empty {
              @if (!store.loading() && !store.error()) {
                <div class="empty" role="status" data-testid="calendar-empty">
                  <mat-icon aria-hidden="true" fontIcon="event_available" />
                  <p class="etitle">{{ 'calendar.empty' | transloco }}</p>
                  <p>{{ 'calendar.emptyText' | transloco }}</p>
                </div>
              }
            }
          </div>
        }
      }
    </div>
  `,
  styles: `
    :host {
      display: block;
      --c-event: #0f766e;
      --c-event-bg: #e0f2f1;
      --c-booking: #1d4ed8;
      --c-booking-bg: #e6edfd;
      --c-card: #7f5700;
      --c-card-bg: #fdf3dc;
    }
    .page {
      max-width: 1240px;
      margin: 0 auto;
      padding: 20px 24px 40px;
    }
    .head {
      display: flex;
      flex-wrap: wrap;
      gap: 12px 24px;
      align-items: flex-start;
      justify-content: space-between;
    }
    h1 {
      margin: 0;
      color: var(--k-navy);
      font-size: 28px;
    }
    .zone {
      margin: 4px 0 0;
      color: var(--k-text-muted);
    }
    .feed {
      margin: 12px 0 0;
      padding: 12px 16px;
      background: var(--k-card);
      border: 1px solid var(--k-border);
      border-radius: 12px;
    }
    .feed p {
      margin: 0 0 6px;
      color: var(--k-text-muted);
    }
    .feed-row {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
    }
    .url {
      word-break: break-all;
      background: var(--k-surface);
      padding: 4px 8px;
      border-radius: 6px;
      font-size: 13px;
    }
    .toolbar {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
      align-items: center;
      justify-content: space-between;
      margin: 20px 0 8px;
    }
    .nav {
      display: flex;
      align-items: center;
      gap: 4px;
    }
    .range {
      margin: 0 0 0 12px;
      font-size: 20px;
      color: var(--k-navy);
      text-transform: capitalize;
    }
    .legend {
      list-style: none;
      margin: 0 0 8px;
      padding: 0;
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .chip {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      padding: 2px 10px 2px 8px;
      border-radius: 999px;
      font-size: 13px;
      font-weight: 500;
    }
    .chip mat-icon {
      font-size: 16px;
      width: 16px;
      height: 16px;
    }
    .legend-event {
      background: var(--c-event-bg);
      color: var(--c-event);
    }
    .legend-booking {
      background: var(--c-booking-bg);
      color: var(--c-booking);
    }
    .legend-card {
      background: var(--c-card-bg);
      color: var(--c-card);
    }
    .kind-event {
      background: var(--c-event-bg);
      color: var(--c-event);
      border-left: 3px solid var(--c-event);
    }
    .kind-booking {
      background: var(--c-booking-bg);
      color: var(--c-booking);
      border-left: 3px solid var(--c-booking);
    }
    .kind-card {
      background: var(--c-card-bg);
      color: var(--c-card);
      border-left: 3px solid var(--c-card);
    }
    .bar {
      height: 4px;
    }
    .alert {
      color: #8c1d18;
    }
    .sr {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
    .entries {
      list-style: none;
      margin: 0;
      padding: 0;
      display: flex;
      flex-direction: column;
      gap: 3px;
    }
    .entry {
      display: flex;
      gap: 4px;
      align-items: baseline;
      padding: 2px 6px;
      border-radius: 6px;
      font-size: 12.5px;
      line-height: 1.35;
      text-decoration: none;
      min-width: 0;
    }
    .entry .title {
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .entry .t {
      font-variant-numeric: tabular-nums;
      font-weight: 600;
      flex: none;
    }
    .entry:hover .title,
    .entry:focus-visible .title,
    .arow:hover .title {
      text-decoration: underline;
    }
    .st-cancelled .title {
      text-decoration: line-through;
    }
    .st-pending,
    .st-maybe,
    .st-waitlisted {
      border-style: dashed;
      border-width: 1px 1px 1px 3px;
    }
    .month {
      display: grid;
      grid-template-columns: repeat(7, minmax(0, 1fr));
      border-top: 1px solid var(--k-border);
      border-left: 1px solid var(--k-border);
      background: var(--k-card);
      border-radius: 8px;
      overflow: hidden;
    }
    .weekday {
      padding: 6px 8px;
      font-size: 12px;
      font-weight: 600;
      color: var(--k-text-muted);
      text-transform: uppercase;
      border-right: 1px solid var(--k-border);
      border-bottom: 1px solid var(--k-border);
      background: var(--k-surface);
    }
    .cell {
      min-height: 112px;
      padding: 4px;
      border-right: 1px solid var(--k-border);
      border-bottom: 1px solid var(--k-border);
      display: flex;
      flex-direction: column;
      gap: 2px;
      min-width: 0;
    }
    .cell.other {
      background: #f8fafb;
    }
    .cell.other .num {
      color: #5d6b74;
    }
    .num {
      font-size: 13px;
      font-weight: 600;
      color: var(--k-navy);
      width: 24px;
      height: 24px;
      display: inline-flex;
      align-items: center;
      justify-content: center;
      border-radius: 50%;
    }
    .today .num {
      background: var(--k-navy);
      color: #fff;
    }
    .more {
      align-self: flex-start;
      border: 0;
      background: none;
      color: var(--k-navy);
      font-size: 12px;
      font-weight: 600;
      padding: 2px 6px;
      cursor: pointer;
      border-radius: 6px;
    }
    .more:hover {
      text-decoration: underline;
    }
    .week {
      display: grid;
      grid-template-columns: repeat(7, minmax(0, 1fr));
      gap: 8px;
    }
    .col {
      background: var(--k-card);
      border: 1px solid var(--k-border);
      border-radius: 10px;
      padding: 8px;
      min-height: 220px;
      min-width: 0;
    }
    .col.today {
      border-color: var(--k-navy);
      box-shadow: inset 0 3px 0 var(--k-navy);
    }
    .col-head {
      margin: 0 0 8px;
      font-size: 14px;
      color: var(--k-navy);
    }
    .col-head .wd {
      display: block;
      text-transform: uppercase;
      font-size: 12px;
      color: var(--k-text-muted);
    }
    .entry.block {
      flex-direction: column;
      align-items: stretch;
      gap: 0;
      padding: 6px 8px;
    }
    .entry.block .title {
      white-space: normal;
      font-weight: 600;
    }
    .detail {
      font-size: 12px;
      overflow: hidden;
      text-overflow: ellipsis;
    }
    .none {
      color: var(--k-text-muted);
      padding: 4px;
    }
    .agenda {
      display: flex;
      flex-direction: column;
      gap: 16px;
    }
    .aday h3 {
      margin: 0 0 6px;
      font-size: 15px;
      color: var(--k-navy);
      text-transform: capitalize;
    }
    .aday h3.today::after {
      content: '';
      display: inline-block;
      width: 8px;
      height: 8px;
      border-radius: 50%;
      background: var(--k-amber);
      margin-left: 8px;
      vertical-align: middle;
    }
    .alist {
      list-style: none;
      margin: 0;
      padding: 0;
      display: flex;
      flex-direction: column;
      gap: 6px;
    }
    .arow {
      display: grid;
      grid-template-columns: 120px 24px minmax(0, 1fr) auto;
      gap: 12px;
      align-items: center;
      padding: 10px 12px;
      border-radius: 10px;
      text-decoration: none;
    }
    .atime {
      font-variant-numeric: tabular-nums;
      font-weight: 600;
    }
    .amain {
      display: flex;
      flex-direction: column;
      min-width: 0;
    }
    .amain .title {
      font-weight: 600;
    }
    .status {
      font-size: 13px;
    }
    .empty {
      text-align: center;
      padding: 40px 16px;
      color: var(--k-text-muted);
    }
    .empty mat-icon {
      font-size: 44px;
      width: 44px;
      height: 44px;
      color: var(--k-teal);
    }
    .etitle {
      font-weight: 600;
      color: var(--k-navy);
    }
    @media (max-width: 959.98px) {
      .week {
        grid-template-columns: 1fr;
      }
      .col {
        min-height: 0;
      }
      .cell {
        min-height: 80px;
      }
      .entry .t {
        display: none;
      }
      .arow {
        grid-template-columns: 90px 20px minmax(0, 1fr);
      }
      .arow .status {
        grid-column: 3;
      }
    }
    @media (max-width: 599.98px) {
      .page {
        padding: 12px;
      }
      .cell {
        min-height: 64px;
      }
      .entry .title {
        font-size: 11px;
      }
    }
  `,
})
export default class CalendarPage {
  /** `?view=month|week|agenda&date=YYYY-MM-DD` (bound from the query string) */
  readonly view = input<string | undefined>(undefined);
  readonly date = input<string | undefined>(undefined);

  protected readonly store = inject(CalendarStore);
  private readonly router = inject(Router);
  private readonly api = inject(CalendarApi);
  private readonly clipboard = inject(Clipboard);
  private readonly errors = inject(ErrorMessageService);
  private readonly lang = inject(LanguageService).lang;

  protected readonly views = CalendarViews;
  protected readonly kinds = ['event', 'booking', 'card'] as const;
  protected readonly icons = KIND_ICONS;
  protected readonly cellMax = MONTH_CELL_MAX;
  protected readonly feedUrl = signal<string | null>(null);
  protected readonly feedBusy = signal(false);
  protected readonly feedError = signal<string | null>(null);
  protected readonly copied = signal(false);

  protected readonly locale = computed(() => (this.lang() === 'lt' ? 'lt' : 'en-GB'));
  protected readonly weekdays = computed(() => Info.weekdays('short', { locale: this.locale() }));
  protected readonly rangeTitle = computed(() => {
    const { start, end } = this.store.span();
    const last = end.minus({ days: 1 }).setLocale(this.locale());
    const first = start.setLocale(this.locale());
    if (this.store.view() === 'month') return this.store.anchor().setLocale(this.locale()).toFormat('LLLL yyyy');
    return first.hasSame(last, 'year')
      ? `${first.toFormat('d LLL')} – ${last.toFormat('d LLL yyyy')}`
      : `${first.toFormat('d LLL yyyy')} – ${last.toFormat('d LLL yyyy')}`;
  });
  protected readonly agendaDays = computed(() =>
    this.store
      .days()
      .map((d) => ({
        key: d.toISODate()!,
        label: d.setLocale(this.locale()).toFormat('cccc, d LLLL'),
        entries: this.store.entries().get(d.toISODate()!) ?? [],
      }))
      .filter((d) => d.entries.length > 0),
  );

  constructor() {
    effect(() => {
      const view = this.view();
      const date = this.date() ?? null;
      untracked(() => this.store.show(isCalendarView(view) ? view : 'month', date));
    });
  }

  go(view: CalendarView, day: DateTime): void {
    void this.router.navigate([], { queryParams: { view, date: day.toISODate() }, replaceUrl: true });
  }

  move(dir: -1 | 1): void {
    this.go(this.store.view(), shift(this.store.view(), this.store.anchor(), dir));
  }

  goToday(): void {
    this.go(this.store.view(), DateTime.now().setZone(this.store.zone()));
  }

  link(e: DayEntry): { path: string; query: Record<string, string> } {
    return linkOf(e.item);
  }

  entryClass(e: DayEntry): string {
    return `kind-${e.item.kind} st-${e.item.status}`;
  }

  timeText(e: DayEntry): string {
    const t = (key: string, p?: Record<string, unknown>): string => this.translate(key, p);
    switch (e.time.kind) {
      case 'range':
        return `${e.time.start}–${e.time.end}`;
      case 'from':
        return t('calendar.time.from', { time: e.time.start });
      case 'until':
        return t('calendar.time.until', { time: e.time.end });
      case 'allDay':
        return t(e.item.kind === 'card' ? 'calendar.time.due' : 'calendar.allDay');
    }
  }

  /** What a screen reader hears after the title: kind, time, status. */
  srDetail(e: DayEntry): string {
    return `, ${this.translate(`calendar.kinds.${e.item.kind}`)}, ${this.timeText(e)}, ${this.translate(`calendar.status.${e.item.status}`)}`;
  }

  dayLabel(d: DateTime): string {
    const n = this.store.entries().get(d.toISODate()!)?.length ?? 0;
    return `${d.setLocale(this.locale()).toFormat('cccc, d LLLL')}${n ? ` — ${this.translate('calendar.count', { count: n })}` : ''}`;
  }

  subscribe(): void {
    this.feedBusy.set(true);
    this.feedError.set(null);
    this.api.createFeed().subscribe({
      next: (r) => {
        this.feedBusy.set(false);
        this.feedUrl.set(r.url);
      },
      error: (err: unknown) => {
        this.feedBusy.set(false);
        this.feedError.set(this.errors.message(err));
      },
    });
  }

  copy(url: string): void {
    this.copied.set(this.clipboard.copy(url));
  }

  private readonly transloco = inject(TranslocoService);
  /** Reads the language signal, so template calls re-run when the language switches. */
  private translate(key: string, params?: Record<string, unknown>): string {
    this.lang();
    return this.transloco.translate(key, params);
  }
}
