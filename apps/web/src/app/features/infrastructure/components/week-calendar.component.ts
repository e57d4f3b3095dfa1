import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { AvailabilityResponse, CalendarEntry, Resource } from '@klasteris/contracts';
import { DateTime } from 'luxon';
import { viewerZone } from '../time';

export interface SlotSelection {
  start: string;
  end: string;
}

interface Cell {
  key: string;
  start: number;
  end: number;
  label: string;
  /** local wall time that does not exist (spring-forward gap) */
  missing: boolean;
  closed: boolean;
  /** in a maintenance window: its reason ('' without one); null outside */
  blackout: string | null;
  /** the window starts in this cell (or the day's first row): its label goes here */
  blackoutStarts: boolean;
  used: number;
  mine: boolean;
  pending: boolean;
  entry: CalendarEntry | null;
}

interface Day {
  key: string;
  title: string;
  today: boolean;
  cells: Cell[];
}

/**
 * A week of one resource in the resource's own time zone: opening hours, blackouts and how many units
 * are taken in each slot. Drag over free slots (or press Enter on one) to start a booking.
 */
@Component({
  selector: 'app-week-calendar',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe],
  template: `
    <div
      class="grid"
      role="grid"
      [attr.aria-label]="'infrastructure.calendar.label' | transloco"
      (pointerup)="finish()"
      (pointerleave)="cancelDrag()"
      [style.grid-template-columns]="'4.5rem repeat(7, minmax(0, 1fr))'"
    >
      <div class="row" role="row">
        <div class="corner" role="columnheader">
          <span class="zone">{{ zoneShort() }}</span>
        </div>
        @for (d of days(); track d.key) {
          <div class="day-head" role="columnheader" [class.today]="d.today">{{ d.title }}</div>
        }
      </div>
      @for (row of rowIndexes(); track row) {
        <div class="row" role="row">
          <div class="time" role="rowheader">{{ rowLabels()[row] }}</div>
          @for (d of days(); track d.key) {
            @let c = d.cells[row]!;
            <div role="gridcell" class="gc">
              <button
                type="button"
                class="cell"
                [class.closed]="c.closed || c.missing"
                [class.blackout]="c.blackout !== null"
                [attr.title]="c.blackout !== null ? blackoutText(c.blackout) : null"
                [class.full]="c.used >= capacity()"
                [class.partial]="c.used > 0 && c.used < capacity()"
                [class.mine]="c.mine"
                [class.pending]="c.pending"
                [class.selected]="isSelected(d.key, row)"
                [disabled]="c.closed || c.missing || !canBook()"
                [attr.data-testid]="'slot-' + d.key + '-' + c.label"
                (pointerdown)="begin(d.key, row, $event)"
                (pointerenter)="extend(d.key, row)"
                (keydown.enter)="pick(c)"
                (keydown.space)="pick(c); $event.preventDefault()"
              >
                <span class="visually-hidden">{{ cellLabel(d, c) }}</span>
                @if (c.blackout !== null) {
                  @if (c.blackoutStarts && !c.missing) {
                    <span class="entry">{{ c.blackout || ('infrastructure.calendar.blackout' | transloco) }}</span>
                  }
                } @else if (c.entry) {
                  <span class="entry">{{
                    c.entry.purpose ?? c.entry.organisationName ?? ('infrastructure.calendar.booked' | transloco)
                  }}</span>
                } @else if (c.used > 0 && capacity() > 1) {
                  <span class="count">{{ c.used }}/{{ capacity() }}</span>
                }
              </button>
            </div>
          }
        </div>
      }
    </div>
    <div class="legend" aria-hidden="true">
      <span><i class="sw free"></i>{{ 'infrastructure.calendar.free' | transloco }}</span>
      <span><i class="sw partial"></i>{{ 'infrastructure.calendar.partial' | transloco }}</span>
      <span><i class="sw full"></i>{{ 'infrastructure.calendar.full' | transloco }}</span>
      <span><i class="sw mine"></i>{{ 'infrastructure.calendar.mine' | transloco }}</span>
      <span><i class="sw closed"></i>{{ 'infrastructure.calendar.closed' | transloco }}</span>
      <span><i class="sw blackout"></i>{{ 'infrastructure.calendar.blackout' | transloco }}</span>
    </div>
  `,
  styles: `
    :host {
      display: block;
    }
    .grid {
      display: grid;
      gap: 2px;
      user-select: none;
      touch-action: none;
    }
    .row {
      display: contents;
    }
    .gc {
      display: flex;
    }
    .gc .cell {
      flex: 1;
    }
    .corner,
    .day-head {
      font: var(--mat-sys-label-large);
      padding: 6px 4px;
      text-align: center;
      color: var(--k-navy);
    }
    .day-head.today {
      color: var(--k-teal);
      font-weight: 700;
    }
    .zone {
      font: var(--mat-sys-label-small);
      color: var(--k-text-muted);
    }
    .time {
      font: var(--mat-sys-label-small);
      color: var(--k-text-muted);
      text-align: right;
      padding-right: 6px;
      line-height: 28px;
    }
    .cell {
      position: relative;
      min-height: 28px;
      border: 0;
      border-radius: 4px;
      background: #e8f5f2;
      cursor: pointer;
      padding: 0 4px;
      text-align: left;
      overflow: hidden;
      font: var(--mat-sys-label-small);
      color: #0b3d3a;
    }
    .cell:focus-visible {
      outline: 3px solid var(--k-navy);
      outline-offset: 1px;
    }
    .cell.partial {
      background: #fde9b8;
      color: #5a3b00;
    }
    .cell.full {
      background: #f7c9c4;
      color: #6b1a12;
      cursor: not-allowed;
    }
    .cell.mine {
      background: #c9d8f7;
      color: #10295c;
    }
    .cell.pending {
      background-image: repeating-linear-gradient(45deg, transparent 0 6px, rgba(0, 0, 0, 0.07) 6px 12px);
    }
    .cell.closed {
      background: #eceff1;
      color: #5f6b73;
      cursor: default;
    }
    .cell.blackout {
      background: repeating-linear-gradient(135deg, #eceff1 0 6px, #dde2e6 6px 12px);
      color: #3f4a52;
    }
    .cell.selected {
      outline: 2px solid var(--k-teal);
      background: #b5e6dc;
    }
    .entry,
    .count {
      white-space: nowrap;
      text-overflow: ellipsis;
      overflow: hidden;
      display: block;
      line-height: 28px;
    }
    .legend {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
      margin-top: 8px;
      font: var(--mat-sys-label-small);
      color: var(--k-text-muted);
    }
    .sw {
      display: inline-block;
      width: 12px;
      height: 12px;
      border-radius: 3px;
      margin-right: 4px;
      vertical-align: -2px;
    }
    .sw.free {
      background: #e8f5f2;
    }
    .sw.partial {
      background: #fde9b8;
    }
    .sw.full {
      background: #f7c9c4;
    }
    .sw.mine {
      background: #c9d8f7;
    }
    .sw.closed {
      background: #eceff1;
    }
    .sw.blackout {
      background: repeating-linear-gradient(135deg, #eceff1 0 3px, #c9d0d5 3px 6px);
    }
  `,
})
export class WeekCalendarComponent {
  readonly resource = input.required<Resource>();
  readonly weekStart = input.required<DateTime>();
  readonly availability = input<AvailabilityResponse | null>(null);
  readonly locale = input('en');
  readonly select = output<SlotSelection>();
  private readonly i18n = inject(TranslocoService);

  protected readonly capacity = computed(() => this.resource().capacity);
  protected readonly canBook = computed(() => this.resource().canBook);
  private readonly drag = signal<{ day: string; from: number; to: number } | null>(null);

  protected readonly zoneShort = computed(() => this.weekStart().setLocale(this.locale()).toFormat('ZZZZ'));

  /** Rows: whole local days for day-granular resources, else slots of the opening window. */
  private readonly rows = computed(() => {
    const p = this.resource().policy;
    if (p.slotMinutes >= 1440) return [{ from: 0, to: 1440 }];
    const step = p.slotMinutes < 60 ? 30 : p.slotMinutes;
    const opens = p.openingHours.map((o) => toMinutes(o.open));
    const closes = p.openingHours.map((o) => toMinutes(o.close));
    const first = opens.length ? Math.floor(Math.min(...opens) / step) * step : 0;
    const last = closes.length ? Math.max(...closes) : 1440;
    const out: { from: number; to: number }[] = [];
    for (let m = first; m < last; m += step) out.push({ from: m, to: Math.min(m + step, 1440) });
    return out;
  });
  protected readonly rowIndexes = computed(() => this.rows().map((_, i) => i));
  protected readonly rowLabels = computed(() =>
    this.rows().map((r) => (r.to - r.from >= 1440 ? '' : `${pad(Math.floor(r.from / 60))}:${pad(r.from % 60)}`)),
  );

  protected readonly days = computed<Day[]>(() => {
    const week = this.weekStart();
    const a = this.availability();
    const today = DateTime.now().setZone(week.zone).toISODate();
    const opening = (a?.openingHours ?? []).map((s) => ({ start: Date.parse(s.start), end: Date.parse(s.end) }));
    const blackouts = (a?.blackouts ?? []).map((s) => ({ start: Date.parse(s.start), end: Date.parse(s.end), reason: s.reason ?? '' }));
    const busy = (a?.busy ?? []).map((s) => ({ start: Date.parse(s.start), end: Date.parse(s.end), used: s.unitsUsed }));
    const entries = (a?.entries ?? []).map((e) => ({ e, start: Date.parse(e.start), end: Date.parse(e.end) }));
    return Array.from({ length: 7 }, (_, i) => {
      const day = week.plus({ days: i }).startOf('day').setLocale(this.locale());
      const cells = this.rows().map((r, ri) => {
        const at = (m: number): DateTime =>
          m >= 1440 ? day.plus({ days: 1 }).startOf('day') : day.set({ hour: Math.floor(m / 60), minute: m % 60 });
        const s = at(r.from);
        const missing = r.to - r.from < 1440 && (s.hour * 60 + s.minute !== r.from || !s.hasSame(day, 'day'));
        const start = s.toMillis();
        const end = at(r.to).toMillis();
        const inside = (x: { start: number; end: number }) => x.start < end && start < x.end;
        const covered = opening.some((o) => o.start <= start && o.end >= end);
        const used = Math.max(0, ...busy.filter(inside).map((b) => b.used));
        const here = entries.filter(inside);
        const first = here.find((x) => x.start >= start && x.start < end) ?? null;
        return {
          key: `${i}-${r.from}`,
          start,
          end,
          label: `${pad(Math.floor(r.from / 60))}${pad(r.from % 60)}`,
          missing,
          closed: !covered || blackouts.some(inside) || end <= Date.now(),
          blackout: blackouts.find(inside)?.reason ?? null,
          blackoutStarts: blackouts.some((b) => inside(b) && (ri === 0 || b.start >= start)),
          used,
          mine: here.some((x) => x.e.mine),
          pending: here.some((x) => x.e.status === 'pending'),
          entry: first?.e ?? null,
        } satisfies Cell;
      });
      return { key: day.toISODate()!, title: day.toFormat('ccc d'), today: day.toISODate() === today, cells };
    });
  });

  protected cellLabel(d: Day, c: Cell): string {
    const time = DateTime.fromMillis(c.start, { zone: this.weekStart().zone }).setLocale(this.locale());
    const local =
      viewerZone() !== this.resource().timeZone ? ` (${DateTime.fromMillis(c.start).setLocale(this.locale()).toFormat('HH:mm ZZZZ')})` : '';
    const cap = this.capacity();
    const state =
      c.blackout !== null
        ? this.blackoutText(c.blackout)
        : c.closed || c.missing
          ? this.i18n.translate('infrastructure.calendar.closed')
          : c.used >= cap
            ? this.i18n.translate('infrastructure.calendar.full')
            : c.used > 0
              ? this.i18n.translate('infrastructure.calendar.freeOf', { free: cap - c.used, capacity: cap })
              : this.i18n.translate('infrastructure.calendar.free');
    const when = this.resource().policy.slotMinutes >= 1440 ? d.title : `${d.title} ${time.toFormat('HH:mm')}${local}`;
    return `${when}: ${state}.`;
  }

  protected blackoutText(reason: string): string {
    return reason
      ? this.i18n.translate('infrastructure.calendar.blackoutReason', { reason })
      : this.i18n.translate('infrastructure.calendar.blackout');
  }

  protected begin(day: string, row: number, ev: PointerEvent): void {
    if (ev.button !== 0) return;
    const c = this.cell(day, row);
    if (!c || c.closed || c.missing || c.used >= this.capacity() || !this.canBook()) return;
    this.drag.set({ day, from: row, to: row });
  }

  protected extend(day: string, row: number): void {
    const d = this.drag();
    if (!d || d.day !== day) return;
    this.drag.set({ ...d, to: row });
  }

  protected finish(): void {
    const d = this.drag();
    if (!d) return;
    this.drag.set(null);
    const a = this.cell(d.day, Math.min(d.from, d.to));
    const b = this.cell(d.day, Math.max(d.from, d.to));
    if (a && b) this.select.emit({ start: iso(a.start), end: iso(b.end) });
  }

  protected cancelDrag(): void {
    this.drag.set(null);
  }

  protected pick(c: Cell): void {
    if (c.closed || c.missing) return;
    this.select.emit({ start: iso(c.start), end: iso(c.end) });
  }

  protected isSelected(day: string, row: number): boolean {
    const d = this.drag();
    return !!d && d.day === day && row >= Math.min(d.from, d.to) && row <= Math.max(d.from, d.to);
  }

  private cell(day: string, row: number): Cell | undefined {
    return this.days().find((d) => d.key === day)?.cells[row];
  }
}

const pad = (n: number): string => String(n).padStart(2, '0');
const toMinutes = (hm: string): number => Number(hm.slice(0, 2)) * 60 + Number(hm.slice(3, 5));
const iso = (ms: number): string => new Date(ms).toISOString();
