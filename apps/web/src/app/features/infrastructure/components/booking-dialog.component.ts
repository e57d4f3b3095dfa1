import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { AvailabilityResponse, Booking, BusyInterval, Resource } from '@klasteris/contracts';
import { DateTime } from 'luxon';
import { startWith } from 'rxjs';
import { ErrorMessageService } from '../../../core/http/error-message.service';
import { BookingContext } from '../booking-context';
import { InfrastructureApi } from '../infrastructure.api';
import { durationLabel, rangeLabel, viewerZone } from '../time';
import { PolicySummaryComponent } from './policy-summary.component';

export interface BookingDialogData {
  resource: Resource;
  start: string;
  end: string;
  availability: AvailabilityResponse | null;
}

/** Books a slot: local times in the resource's zone, rule hints and clashes shown before submitting. */
@Component({
  selector: 'app-booking-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatDialogModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
    TranslocoPipe,
    PolicySummaryComponent,
  ],
  template: `
    <h2 mat-dialog-title>{{ 'infrastructure.book.title' | transloco: { name: r.name } }}</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        <p class="zone-note">
          {{ 'infrastructure.book.zoneNote' | transloco: { zone: r.timeZone } }}
          @if (localHint(); as h) {
            <br /><span data-testid="booking-local-time">{{ 'infrastructure.book.yourTime' | transloco: { time: h } }}</span>
          }
        </p>
        <div class="form-grid">
          <mat-form-field>
            <mat-label>{{ (daily ? 'infrastructure.book.firstDay' : 'infrastructure.book.date') | transloco }}</mat-label>
            <input matInput type="date" formControlName="date" required data-testid="booking-date" />
          </mat-form-field>
          @if (daily) {
            <mat-form-field>
              <mat-label>{{ 'infrastructure.book.lastDay' | transloco }}</mat-label>
              <input matInput type="date" formControlName="lastDate" required data-testid="booking-last-date" />
            </mat-form-field>
          } @else {
            <mat-form-field>
              <mat-label>{{ 'infrastructure.book.from' | transloco }}</mat-label>
              <input matInput type="time" formControlName="from" [step]="r.policy.slotMinutes * 60" required data-testid="booking-from" />
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'infrastructure.book.to' | transloco }}</mat-label>
              <input matInput type="time" formControlName="to" [step]="r.policy.slotMinutes * 60" required data-testid="booking-to" />
            </mat-form-field>
          }
          @if (maxUnits > 1) {
            <mat-form-field>
              <mat-label>{{ 'infrastructure.book.units' | transloco }}</mat-label>
              <mat-select formControlName="units" data-testid="booking-units">
                @for (n of unitChoices; track n) {
                  <mat-option [value]="n">{{ n }}</mat-option>
                }
              </mat-select>
              <mat-hint>{{ 'infrastructure.book.unitsHint' | transloco: { max: maxUnits, capacity: r.capacity } }}</mat-hint>
            </mat-form-field>
          }
          <mat-form-field class="span-2">
            <mat-label>{{ 'infrastructure.book.purpose' | transloco }}</mat-label>
            <textarea matInput formControlName="purpose" rows="2" required data-testid="booking-purpose"></textarea>
            <mat-hint>{{ 'infrastructure.book.purposeHint' | transloco }}</mat-hint>
          </mat-form-field>
          @if (!daily) {
            <mat-form-field>
              <mat-label>{{ 'infrastructure.book.repeat' | transloco }}</mat-label>
              <mat-select formControlName="repeat" data-testid="booking-repeat">
                <mat-option value="none">{{ 'infrastructure.book.repeatNone' | transloco }}</mat-option>
                <mat-option value="daily">{{ 'infrastructure.book.repeatDaily' | transloco }}</mat-option>
                <mat-option value="weekly">{{ 'infrastructure.book.repeatWeekly' | transloco }}</mat-option>
              </mat-select>
            </mat-form-field>
            @if (form.controls.repeat.value !== 'none') {
              <mat-form-field>
                <mat-label>{{ 'infrastructure.book.count' | transloco }}</mat-label>
                <input matInput type="number" min="2" max="52" formControlName="count" />
              </mat-form-field>
              <mat-checkbox formControlName="skipConflicts" class="span-2">{{
                'infrastructure.book.skipConflicts' | transloco
              }}</mat-checkbox>
            }
          }
          @if (target; as t) {
            <mat-checkbox formControlName="linkCard" class="span-2" data-testid="booking-link-card">{{
              (t.cardId ? 'infrastructure.cardBookings.forCard' : 'projectBookings.forProject') | transloco: { title: t.cardTitle }
            }}</mat-checkbox>
          }
        </div>

        <section class="hints" aria-live="polite">
          @for (w of warnings(); track w) {
            <p class="warn"><mat-icon aria-hidden="true" fontIcon="warning" />{{ w }}</p>
          }
          @if (clashes().length) {
            <div class="warn" data-testid="booking-clashes">
              <mat-icon aria-hidden="true" fontIcon="event_busy" />
              <div>
                {{ 'infrastructure.book.clashes' | transloco }}
                <ul>
                  @for (c of clashes(); track c.start) {
                    <li>{{ label(c) }}</li>
                  }
                </ul>
              </div>
            </div>
          }
          @if (r.policy.approval.required) {
            <p class="info"><mat-icon aria-hidden="true" fontIcon="how_to_reg" />{{ 'infrastructure.book.needsApproval' | transloco }}</p>
          }
        </section>
        <app-policy-summary [resource]="r" [compact]="true" />

        @if (error()) {
          <div class="form-error" role="alert" data-testid="booking-error">
            <p>{{ error() }}</p>
            @if (skipped().length) {
              <p>{{ 'infrastructure.book.occurrencesFailed' | transloco }}</p>
              <ul>
                @for (o of skipped(); track o) {
                  <li>{{ o }}</li>
                }
              </ul>
            }
            @if (serverClashes().length) {
              <ul>
                @for (c of serverClashes(); track c.start) {
                  <li>{{ label(c) }}</li>
                }
              </ul>
            }
          </div>
        }
      </mat-dialog-content>
      @if (waitlisted(); as w) {
        <p class="info" role="status" data-testid="waitlist-status">{{ 'infrastructure.waitlist.' + w | transloco }}</p>
      }
      <mat-dialog-actions align="end">
        @if (canWait() && !waitlisted()) {
          <button mat-stroked-button type="button" (click)="joinWaitlist()" data-testid="booking-waitlist">
            {{ 'infrastructure.waitlist.join' | transloco }}
          </button>
        }
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | transloco }}</button>
        <button mat-flat-button type="submit" [disabled]="busy()" data-testid="booking-submit">
          {{ (r.policy.approval.required ? 'infrastructure.book.request' : 'infrastructure.book.submit') | transloco }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .zone-note {
      color: var(--k-text-muted);
      margin-top: 0;
    }
    .hints {
      margin: 4px 0 8px;
    }
    .warn,
    .info {
      display: flex;
      gap: 8px;
      align-items: flex-start;
      margin: 4px 0;
    }
    .warn {
      color: #8a4b00;
    }
    .info {
      color: var(--k-navy);
    }
    .warn ul,
    .form-error ul {
      margin: 4px 0 0;
      padding-left: 18px;
    }
    mat-icon {
      flex: none;
    }
  `,
})
export class BookingDialogComponent {
  private readonly data = inject<BookingDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<BookingDialogComponent, Booking>>(MatDialogRef);
  private readonly api = inject(InfrastructureApi);
  private readonly errors = inject(ErrorMessageService);
  private readonly i18n = inject(TranslocoService);
  private readonly fb = inject(NonNullableFormBuilder);

  private readonly context = inject(BookingContext);
  /** The card this booking is for, when the member came from a card's "Book infrastructure". */
  protected readonly target = this.context.card();
  protected readonly r = this.data.resource;
  protected readonly daily = this.r.policy.slotMinutes >= 1440;
  protected readonly maxUnits = Math.min(this.r.capacity, this.r.policy.maxUnitsPerBooking);
  protected readonly unitChoices = Array.from({ length: this.maxUnits }, (_, i) => i + 1);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly serverClashes = signal<BusyInterval[]>([]);

  private readonly s0 = DateTime.fromISO(this.data.start, { zone: this.r.timeZone });
  private readonly e0 = DateTime.fromISO(this.data.end, { zone: this.r.timeZone });
  protected readonly form = this.fb.group({
    date: [this.s0.toISODate()!, Validators.required],
    lastDate: [this.e0.minus({ days: 1 }).toISODate()!],
    from: [this.s0.toFormat('HH:mm')],
    to: [this.e0.hour === 0 && this.e0.minute === 0 && !this.daily ? '24:00' : this.e0.toFormat('HH:mm')],
    units: [1],
    purpose: ['', [Validators.required, Validators.minLength(3), Validators.maxLength(500)]],
    repeat: this.fb.control<'none' | 'daily' | 'weekly'>('none'),
    count: [4, [Validators.min(2), Validators.max(52)]],
    skipConflicts: [false],
    linkCard: [true],
  });
  protected readonly waitlisted = signal<'waiting' | 'offered' | null>(null);
  protected readonly canWait = signal(false);
  protected readonly skipped = signal<string[]>([]);
  private readonly value = toSignal(this.form.valueChanges.pipe(startWith(this.form.getRawValue())), {
    initialValue: this.form.getRawValue(),
  });

  /** The chosen range as instants, from local wall time in the resource's zone. */
  protected readonly range = computed(() => {
    const v = { ...this.form.getRawValue(), ...this.value() };
    const zone = this.r.timeZone;
    const day = DateTime.fromISO(v.date ?? '', { zone });
    if (!day.isValid) return null;
    if (this.daily) {
      const last = DateTime.fromISO(v.lastDate ?? '', { zone });
      return last.isValid ? { start: day.startOf('day'), end: last.plus({ days: 1 }).startOf('day') } : null;
    }
    const at = (hm: string | undefined) =>
      hm === '24:00' ? day.plus({ days: 1 }).startOf('day') : DateTime.fromISO(`${v.date}T${hm}`, { zone });
    const s = at(v.from);
    const e = at(v.to);
    return s.isValid && e.isValid ? { start: s, end: e } : null;
  });

  protected readonly localHint = computed(() => {
    const rg = this.range();
    if (!rg || viewerZone() === this.r.timeZone || this.daily) return null;
    const loc = this.i18n.getActiveLang();
    return `${rg.start.setZone(viewerZone()).setLocale(loc).toFormat('ccc d LLL, HH:mm')}–${rg.end.setZone(viewerZone()).toFormat('HH:mm ZZZZ')}`;
  });

  /** Rule hints checked in the browser (the server checks again and decides). */
  protected readonly warnings = computed(() => {
    const rg = this.range();
    const p = this.r.policy;
    const t = (k: string, params?: Record<string, unknown>) => this.i18n.translate(k, params);
    if (!rg) return [t('infrastructure.book.invalidTimes')];
    const out: string[] = [];
    const minutes = this.daily ? Math.round(rg.end.diff(rg.start, 'days').days) * 1440 : rg.end.diff(rg.start, 'minutes').minutes;
    if (minutes <= 0) return [t('infrastructure.book.endAfterStart')];
    if (minutes < p.minDurationMinutes || minutes > p.maxDurationMinutes) {
      out.push(
        t('infrastructure.rules.duration', { min: durationLabel(p.minDurationMinutes, t), max: durationLabel(p.maxDurationMinutes, t) }),
      );
    }
    if (rg.start.toMillis() < Date.now() + p.minNoticeMinutes * 60_000)
      out.push(t('infrastructure.rules.notice', { notice: durationLabel(Math.max(p.minNoticeMinutes, 15), t) }));
    if (rg.end.toMillis() > Date.now() + p.maxAdvanceDays * 86_400_000)
      out.push(t('infrastructure.rules.window', { days: p.maxAdvanceDays }));
    const a = this.data.availability;
    if (a && p.openingHours.length) {
      const open = a.openingHours.some((o) => Date.parse(o.start) <= rg.start.toMillis() && Date.parse(o.end) >= rg.end.toMillis());
      const inWeek = rg.start.toMillis() >= Date.parse(a.from) && rg.end.toMillis() <= Date.parse(a.to);
      if (inWeek && !open) out.push(t('infrastructure.rules.opening_hours'));
    }
    if (a?.blackouts.some((b) => Date.parse(b.start) < rg.end.toMillis() && rg.start.toMillis() < Date.parse(b.end)))
      out.push(t('infrastructure.ruleNames.blackout'));
    return out;
  });

  /** Clashes with what the calendar already shows, before the server is asked. */
  protected readonly clashes = computed<BusyInterval[]>(() => {
    const rg = this.range();
    const a = this.data.availability;
    if (!rg || !a) return [];
    const units = this.value().units ?? 1;
    const s = rg.start.toMillis();
    const e = rg.end.toMillis();
    return a.busy
      .filter((b) => Date.parse(b.start) < e && s < Date.parse(b.end) && b.unitsUsed + units > this.r.capacity)
      .map((b) => ({ start: b.start, end: b.end }));
  });

  protected label(c: BusyInterval): string {
    return rangeLabel(c.start, c.end, this.r.timeZone, this.i18n.getActiveLang());
  }

  submit(): void {
    const rg = this.range();
    if (this.form.invalid || !rg) {
      this.form.markAllAsTouched();
      return;
    }
    const v = this.form.getRawValue();
    this.busy.set(true);
    this.error.set(null);
    this.serverClashes.set([]);
    this.skipped.set([]);
    this.canWait.set(false);
    const recurring = !this.daily && v.repeat !== 'none';
    this.api
      .book({
        resourceId: this.r.id,
        start: rg.start.toISO()!,
        end: rg.end.toISO()!,
        purpose: v.purpose.trim(),
        ...(this.maxUnits > 1 ? { units: v.units } : {}),
        ...(recurring
          ? { recurrence: { frequency: v.repeat as 'daily' | 'weekly', count: v.count }, onConflict: v.skipConflicts ? 'skip' : 'none' }
          : {}),
        ...(this.target && v.linkCard
          ? { projectId: this.target.projectId, ...(this.target.cardId ? { cardId: this.target.cardId } : {}) }
          : {}),
      })
      .subscribe({
        next: ({ booking }) => {
          if (booking.projectId) this.context.clear();
          this.ref.close(booking);
        },
        error: (e: unknown) => {
          this.busy.set(false);
          const info = this.errors.info(e);
          const rule = info.details?.['rule'];
          if (info.code === 'BOOKING_RULE_VIOLATED' && typeof rule === 'string') {
            this.error.set(this.i18n.translate(`infrastructure.ruleNames.${rule}`));
          } else {
            this.error.set(this.errors.message(e));
          }
          const occurrences = info.details?.['occurrences'];
          this.skipped.set(Array.isArray(occurrences) ? (occurrences as BusyInterval[]).map((o) => this.label(o)) : []);
          const conflicts = info.details?.['conflicts'];
          if (Array.isArray(conflicts) && !Array.isArray(occurrences)) this.serverClashes.set(conflicts as BusyInterval[]);
          this.canWait.set(info.code === 'BOOKING_CONFLICT' && !recurring);
        },
      });
  }

  /** The time is taken: wait for it. If it is free by now, it is offered (held) at once. */
  protected joinWaitlist(): void {
    const rg = this.range();
    if (!rg) return;
    const v = this.form.getRawValue();
    this.api
      .joinWaitlist({
        resourceId: this.r.id,
        start: rg.start.toISO()!,
        end: rg.end.toISO()!,
        purpose: v.purpose.trim(),
        ...(this.maxUnits > 1 ? { units: v.units } : {}),
      })
      .subscribe({
        next: ({ entry }) => this.waitlisted.set(entry.status === 'offered' ? 'offered' : 'waiting'),
        error: (e: unknown) => this.error.set(this.errors.message(e)),
      });
  }
}
