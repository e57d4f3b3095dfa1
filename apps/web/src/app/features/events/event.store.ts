import { DestroyRef, Injectable, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { AttendeesResponse, ClusterEvent, EventSeriesResponse, EventUpdatedPayload, RsvpChoice, RsvpView } from '@klasteris/contracts';
import { type Observable, Subject, debounceTime, map, tap } from 'rxjs';
import { SocketService } from '../../core/socket.service';
import { EventsApi } from './events.api';

/**
 * One event: the event, my answer, and (for its organisers) who attends. Counts are live: the store
 * joins the event's room (`event:subscribe`, again after every reconnect) and applies `event:updated`;
 * when the line moved and I am in it, or I run the event, it reads my answer / the attendance again.
 */
@Injectable()
export class EventStore {
  private readonly api = inject(EventsApi);
  private readonly socket = inject(SocketService);
  readonly event = signal<ClusterEvent | null>(null);
  readonly notFound = signal(false);
  readonly attendees = signal<AttendeesResponse | null>(null);
  readonly attendeesError = signal(false);
  /** the other dates, when the event is an occurrence of a series */
  readonly series = signal<EventSeriesResponse | null>(null);
  /** the event whose room this page is in */
  private live: string | null = null;
  private readonly refresh$ = new Subject<void>();
  private line: string | null = null;

  constructor() {
    const destroyRef = inject(DestroyRef);
    this.socket
      .on('event:updated')
      .pipe(takeUntilDestroyed(destroyRef))
      .subscribe((p) => this.applyCounts(p));
    this.socket.reconnected.pipe(takeUntilDestroyed(destroyRef)).subscribe(() => this.join());
    this.refresh$.pipe(debounceTime(400), takeUntilDestroyed(destroyRef)).subscribe(() => {
      const e = this.event();
      if (e) this.load(e.id, false);
    });
    destroyRef.onDestroy(() => this.leave());
  }

  load(eventId: string, live = true): void {
    if (live && this.live !== eventId) {
      this.leave();
      this.live = eventId;
      this.join();
    }
    this.api.get(eventId).subscribe({
      next: ({ event }) => {
        this.event.set(event);
        this.notFound.set(false);
        if (event.canManage) this.loadAttendees();
        else this.attendees.set(null);
        const seriesId = event.series?.id ?? null;
        if (!seriesId) this.series.set(null);
        else if (this.series()?.series.id !== seriesId)
          this.api.series(seriesId).subscribe({ next: (r) => this.series.set(r), error: () => this.series.set(null) });
      },
      error: () => this.notFound.set(true),
    });
  }

  private join(): void {
    const eventId = this.live;
    if (!eventId || !this.socket.connected()) return; // joined on the next (re)connect
    this.socket
      .request('event:subscribe', { eventId })
      .then((ack) => {
        if (ack.ok) this.applyCounts(ack.counts);
      })
      .catch(() => undefined);
  }

  private leave(): void {
    const eventId = this.live;
    this.live = null;
    this.line = null;
    if (eventId && this.socket.connected()) this.socket.request('event:unsubscribe', { eventId }).catch(() => undefined);
  }

  /** New counts from the room; my place in the line and the attendance are read again when they may have moved. */
  private applyCounts(p: EventUpdatedPayload): void {
    if (p.eventId !== this.live) return;
    const line = `${p.waitlisted}/${p.offered}`;
    const lineMoved = this.line !== null && this.line !== line;
    this.line = line;
    const e = this.event();
    if (!e || e.id !== p.eventId) return; // the first read of the event is on its way and brings these counts
    const changed = e.going !== p.going || e.capacity !== p.capacity || e.state !== p.state || lineMoved;
    this.event.set({ ...e, going: p.going, capacity: p.capacity, state: p.state });
    if (changed && (e.myRsvp?.status === 'waitlisted' || e.canManage)) this.refresh$.next();
  }

  loadAttendees(): void {
    const e = this.event();
    if (!e?.canManage) return;
    this.api.attendees(e.id).subscribe({
      next: (a) => {
        this.attendees.set(a);
        this.attendeesError.set(false);
      },
      error: () => this.attendeesError.set(true),
    });
  }

  /** Answers, then reads the event again (places and the line may have moved). */
  rsvp(choice: RsvpChoice): Observable<RsvpView> {
    const e = this.event();
    if (!e) throw new Error('no event');
    return this.api.rsvp(e.id, choice).pipe(
      map(({ rsvp }) => rsvp),
      tap((rsvp) => {
        this.event.update((cur) => (cur ? { ...cur, myRsvp: rsvp } : cur));
        this.load(e.id);
      }),
    );
  }

  cancel(reason: string): Observable<ClusterEvent> {
    const e = this.event();
    if (!e) throw new Error('no event');
    return this.api.cancel(e.id, reason || undefined).pipe(
      map(({ event }) => event),
      tap((event) => this.event.set(event)),
    );
  }

  /** Cancels every occurrence of the series not over yet. */
  cancelSeries(reason: string): Observable<ClusterEvent | null> {
    const e = this.event();
    const seriesId = e?.series?.id;
    if (!e || !seriesId) throw new Error('no series');
    return this.api.cancelSeries(seriesId, reason || undefined).pipe(
      tap((r) => this.series.set(r)),
      map((r) => r.events.find((x) => x.id === e.id) ?? null),
      tap((event) => {
        if (event) this.event.set(event);
      }),
    );
  }

  publish(): Observable<ClusterEvent> {
    const e = this.event();
    if (!e) throw new Error('no event');
    return this.api.update(e.id, { publish: true }).pipe(
      map(({ event }) => event),
      tap((event) => this.event.set(event)),
    );
  }
}
