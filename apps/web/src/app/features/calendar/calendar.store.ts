import { Injectable, computed, inject, signal } from '@angular/core';
import type { CalendarItem } from '@klasteris/contracts';
import { DateTime } from 'luxon';
import type { Subscription } from 'rxjs';
import { AuthStore } from '../../core/auth/auth.store';
import { ErrorMessageService } from '../../core/http/error-message.service';
import { browserTimeZone } from '../../shared/time-zone';
import { byDay, daysOf, spanOf, type CalendarView } from './calendar-logic';
import { CalendarApi } from './calendar.api';

/** My calendar: the view, the day it is anchored at, and the items of the days shown, in my zone. */
@Injectable()
export class CalendarStore {
  private readonly api = inject(CalendarApi);
  private readonly auth = inject(AuthStore);
  private readonly errors = inject(ErrorMessageService);

  /** my zone: the profile's, else the device's */
  readonly zone = computed(() => this.auth.user()?.timeZone || browserTimeZone() || 'Europe/Vilnius');
  readonly view = signal<CalendarView>('month');
  readonly anchor = signal<DateTime>(DateTime.now().setZone(this.zone()).startOf('day'));
  readonly items = signal<CalendarItem[]>([]);
  readonly loading = signal(false);
  readonly error = signal<string | null>(null);

  readonly span = computed(() => spanOf(this.view(), this.anchor()));
  readonly days = computed(() => daysOf(this.span()));
  readonly entries = computed(() => byDay(this.items(), this.days(), this.zone()));
  readonly today = computed(() => DateTime.now().setZone(this.zone()).toISODate());

  private request: Subscription | null = null;

  /** Shows `view` around `date` (YYYY-MM-DD in my zone; today when missing or not a date) and loads it. */
  show(view: CalendarView, date: string | null): void {
    const parsed = date ? DateTime.fromISO(date, { zone: this.zone() }) : null;
    this.view.set(view);
    this.anchor.set((parsed?.isValid ? parsed : DateTime.now().setZone(this.zone())).startOf('day'));
    this.load();
  }

  load(): void {
    const { start, end } = this.span();
    this.request?.unsubscribe();
    this.loading.set(true);
    this.error.set(null);
    this.request = this.api.range(start.toISO()!, end.toISO()!).subscribe({
      next: (r) => {
        this.items.set(r.items);
        this.loading.set(false);
      },
      error: (err: unknown) => {
        this.items.set([]);
        this.loading.set(false);
        this.error.set(this.errors.message(err));
      },
    });
  }
}
