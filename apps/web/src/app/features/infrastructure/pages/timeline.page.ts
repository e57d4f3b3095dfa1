import { ScrollingModule } from '@angular/cdk/scrolling';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { TimelineRow } from '@klasteris/contracts';
import { DateTime } from 'luxon';
import type { Subscription } from 'rxjs';
import { InfraNavComponent } from '../components/infra-nav.component';
import { InfrastructureApi } from '../infrastructure.api';
import { viewerZone } from '../time';

const PAGE = 100;
const ROW_PX = 36;

/**
 * Many resources over a day or a week. Rows are virtualised (only the visible ones are in the DOM) and
 * fetched a page of 100 at a time as they scroll into view, so a thousand resources stay fast.
 */
@Component({
  selector: 'app-timeline-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    RouterLink,
    ScrollingModule,
    MatButtonModule,
    MatButtonToggleModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    TranslocoPipe,
    InfraNavComponent,
  ],
  template: `
    <section class="page">
      <h1 class="page-title">{{ 'infrastructure.timeline.title' | transloco }}</h1>
      <app-infra-nav />
      <div class="toolbar">
        <mat-button-toggle-group
          [value]="span()"
          (change)="setSpan($event.value)"
          [attr.aria-label]="'infrastructure.timeline.span' | transloco"
        >
          <mat-button-toggle value="day">{{ 'infrastructure.timeline.day' | transloco }}</mat-button-toggle>
          <mat-button-toggle value="week">{{ 'infrastructure.timeline.week' | transloco }}</mat-button-toggle>
        </mat-button-toggle-group>
        <button mat-icon-button type="button" (click)="shift(-1)" [attr.aria-label]="'infrastructure.calendar.prev' | transloco">
          <mat-icon fontIcon="chevron_left" />
        </button>
        <button mat-icon-button type="button" (click)="shift(1)" [attr.aria-label]="'infrastructure.calendar.next' | transloco">
          <mat-icon fontIcon="chevron_right" />
        </button>
        <h2 class="range" aria-live="polite">{{ title() }}</h2>
        <mat-form-field class="search" subscriptSizing="dynamic">
          <mat-label>{{ 'infrastructure.filters.q' | transloco }}</mat-label>
          <input matInput [ngModel]="q()" (ngModelChange)="search($event)" data-testid="timeline-search" />
        </mat-form-field>
      </div>
      <p class="zone">
        {{ 'infrastructure.timeline.zone' | transloco: { zone: zone } }} ·
        {{ 'infrastructure.timeline.loaded' | transloco: { n: rows().length } }}
      </p>
      @if (loading()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" />
      }
      <div class="axis" aria-hidden="true">
        <span class="name-col"></span>
        <span class="ticks">
          @for (tk of ticks(); track tk.left) {
            <span class="tick" [style.left.%]="tk.left">{{ tk.label }}</span>
          }
        </span>
      </div>
      <cdk-virtual-scroll-viewport
        [itemSize]="rowPx"
        class="viewport"
        (scrolledIndexChange)="onScroll($event)"
        data-testid="timeline-viewport"
      >
        <div *cdkVirtualFor="let row of rows(); trackBy: trackRow" class="row">
          <a class="name-col" [routerLink]="['/infrastructure/resources', row.resource.id]" [title]="row.resource.name">{{
            row.resource.name
          }}</a>
          <span class="track" role="img" [attr.aria-label]="rowLabel(row)">
            @for (tk of ticks(); track tk.left) {
              <span class="grid-line" [style.left.%]="tk.left"></span>
            }
            @for (b of row.busy; track b.start) {
              <span
                class="seg"
                [class.full]="b.unitsUsed >= row.resource.capacity"
                [style.left.%]="pos(b.start)"
                [style.width.%]="pos(b.end) - pos(b.start)"
              ></span>
            }
          </span>
        </div>
      </cdk-virtual-scroll-viewport>
    </section>
  `,
  styles: `
    .toolbar {
      display: flex;
      align-items: center;
      gap: 8px;
      flex-wrap: wrap;
    }
    .range {
      font: var(--mat-sys-title-medium);
      margin: 0 8px;
    }
    .search {
      margin-left: auto;
      width: 240px;
    }
    .zone {
      color: var(--k-text-muted);
      font: var(--mat-sys-body-small);
    }
    .axis,
    .row {
      display: flex;
      align-items: center;
      height: 36px;
    }
    .axis {
      height: 24px;
      font: var(--mat-sys-label-small);
      color: var(--k-text-muted);
    }
    .name-col {
      flex: 0 0 240px;
      white-space: nowrap;
      overflow: hidden;
      text-overflow: ellipsis;
      padding-right: 8px;
      color: var(--k-navy);
    }
    .ticks,
    .track {
      position: relative;
      flex: 1;
      height: 100%;
    }
    .tick {
      position: absolute;
      transform: translateX(-50%);
      top: 4px;
    }
    .track {
      background: #f1f7f6;
      border-radius: 4px;
      height: 24px;
      overflow: hidden;
    }
    .grid-line {
      position: absolute;
      top: 0;
      bottom: 0;
      width: 1px;
      background: #dbe5e3;
    }
    .seg {
      position: absolute;
      top: 3px;
      bottom: 3px;
      background: #f5c26b;
      border-radius: 3px;
    }
    .seg.full {
      background: #e57368;
    }
    .viewport {
      height: calc(100vh - 330px);
      min-height: 320px;
      border: 1px solid #e0e6ea;
      border-radius: 8px;
      background: #fff;
      padding: 0 8px;
    }
  `,
})
export default class TimelinePage {
  private readonly api = inject(InfrastructureApi);
  private readonly i18n = inject(TranslocoService);
  protected readonly zone = viewerZone();
  protected readonly rowPx = ROW_PX;
  protected readonly span = signal<'day' | 'week'>('week');
  protected readonly anchor = signal(DateTime.now().setZone(this.zone));
  protected readonly q = signal('');
  protected readonly rows = signal<TimelineRow[]>([]);
  protected readonly loading = signal(false);
  private next: string | null = null;
  private request: Subscription | null = null;
  private searchTimer: ReturnType<typeof setTimeout> | null = null;

  protected readonly window = computed(() => {
    const a = this.anchor();
    const start = this.span() === 'day' ? a.startOf('day') : a.startOf('week');
    return { start, end: start.plus(this.span() === 'day' ? { days: 1 } : { weeks: 1 }) };
  });
  protected readonly title = computed(() => {
    const { start, end } = this.window();
    const l = start.setLocale(this.i18n.getActiveLang());
    return this.span() === 'day'
      ? l.toFormat('cccc d LLLL yyyy')
      : `${l.toFormat('d LLL')} – ${end.minus({ days: 1 }).setLocale(l.locale!).toFormat('d LLL yyyy')}`;
  });
  protected readonly ticks = computed(() => {
    const { start, end } = this.window();
    const out: { left: number; label: string }[] = [];
    const step = this.span() === 'day' ? { hours: 3 } : { days: 1 };
    for (let t = start; t < end; t = t.plus(step))
      out.push({
        left: this.posOf(t.toMillis()),
        label: this.span() === 'day' ? t.toFormat('HH:mm') : t.setLocale(this.i18n.getActiveLang()).toFormat('ccc d'),
      });
    return out;
  });

  constructor() {
    this.reload();
  }

  protected setSpan(v: 'day' | 'week'): void {
    this.span.set(v);
    this.reload();
  }

  protected shift(n: number): void {
    this.anchor.update((a) => a.plus(this.span() === 'day' ? { days: n } : { weeks: n }));
    this.reload();
  }

  protected search(q: string): void {
    this.q.set(q);
    if (this.searchTimer) clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => this.reload(), 250);
  }

  protected onScroll(index: number): void {
    if (this.next && !this.loading() && index + 40 >= this.rows().length) this.fetch(true);
  }

  protected pos(iso: string): number {
    return this.posOf(Date.parse(iso));
  }

  protected rowLabel(row: TimelineRow): string {
    const busy = row.busy.length
      ? this.i18n.translate('infrastructure.timeline.busyN', { n: row.busy.length })
      : this.i18n.translate('infrastructure.calendar.free');
    return `${row.resource.name}: ${busy}`;
  }

  protected trackRow = (_: number, row: TimelineRow): string => row.resource.id;

  private posOf(ms: number): number {
    const { start, end } = this.window();
    return Math.max(0, Math.min(100, ((ms - start.toMillis()) / (end.toMillis() - start.toMillis())) * 100));
  }

  private reload(): void {
    this.next = null;
    this.rows.set([]);
    this.fetch(false);
  }

  private fetch(more: boolean): void {
    const { start, end } = this.window();
    if (!more) this.request?.unsubscribe();
    this.loading.set(true);
    this.request = this.api
      .timeline({
        from: start.toUTC().toISO()!,
        to: end.toUTC().toISO()!,
        limit: PAGE,
        ...(this.q().trim() ? { q: this.q().trim() } : {}),
        ...(more && this.next ? { cursor: this.next } : {}),
      })
      .subscribe({
        next: (page) => {
          this.rows.update((rows) => (more ? [...rows, ...page.items] : page.items));
          this.next = page.nextCursor;
          this.loading.set(false);
        },
        error: () => this.loading.set(false),
      });
  }
}
