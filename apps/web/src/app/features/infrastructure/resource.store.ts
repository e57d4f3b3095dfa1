import { DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { AvailabilityResponse, Resource } from '@klasteris/contracts';
import { DateTime } from 'luxon';
import type { Subscription } from 'rxjs';
import { toApiError } from '../../shared/api-error';
import { SocketService } from '../../core/socket.service';
import { InfrastructureApi } from './infrastructure.api';

/** One resource's page: its data, the visible week (in the resource's zone) and that week's availability, live. */
@Injectable()
export class ResourceStore {
  private readonly api = inject(InfrastructureApi);
  private readonly _resource = signal<Resource | null>(null);
  private readonly _week = signal<DateTime | null>(null);
  private readonly _availability = signal<AvailabilityResponse | null>(null);
  private readonly _errorKey = signal<string | null>(null);
  private readonly _loading = signal(false);
  private request: Subscription | null = null;

  readonly resource = this._resource.asReadonly();
  readonly week = this._week.asReadonly();
  readonly availability = this._availability.asReadonly();
  readonly errorKey = this._errorKey.asReadonly();
  readonly loading = this._loading.asReadonly();
  readonly zone = computed(() => this._resource()?.timeZone ?? 'UTC');

  constructor() {
    inject(SocketService)
      .on('booking:updated')
      .pipe(takeUntilDestroyed(inject(DestroyRef)))
      .subscribe(({ booking }) => {
        if (booking.resourceId === this._resource()?.id) this.loadWeek();
      });
  }

  load(id: string): void {
    this._errorKey.set(null);
    this.api.resource(id).subscribe({
      next: ({ resource }) => {
        this._resource.set(resource);
        this._week.set(DateTime.now().setZone(resource.timeZone).startOf('week'));
        this.loadWeek();
      },
      error: (e: unknown) => this._errorKey.set(toApiError(e).messageKey),
    });
  }

  shiftWeek(weeks: number): void {
    const w = this._week();
    if (!w) return;
    this._week.set(weeks === 0 ? DateTime.now().setZone(this.zone()).startOf('week') : w.plus({ weeks }).startOf('week'));
    this.loadWeek();
  }

  loadWeek(): void {
    const r = this._resource();
    const w = this._week();
    if (!r || !w) return;
    this.request?.unsubscribe();
    this._loading.set(true);
    this.request = this.api.availability(r.id, w.toUTC().toISO()!, w.plus({ weeks: 1 }).toUTC().toISO()!).subscribe({
      next: (a) => {
        this._availability.set(a);
        this._loading.set(false);
      },
      error: (e: unknown) => {
        this._errorKey.set(toApiError(e).messageKey);
        this._loading.set(false);
      },
    });
  }
}
