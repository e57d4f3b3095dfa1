import { Injectable, inject, signal } from '@angular/core';
import type { AttendeesResponse, ClusterEvent, RsvpChoice, RsvpView } from '@klasteris/contracts';
import { type Observable, map, tap } from 'rxjs';
import { EventsApi } from './events.api';

/** One event: the event, my answer, and (for its organisers) who attends. */
@Injectable()
export class EventStore {
  private readonly api = inject(EventsApi);
  readonly event = signal<ClusterEvent | null>(null);
  readonly notFound = signal(false);
  readonly attendees = signal<AttendeesResponse | null>(null);
  readonly attendeesError = signal(false);

  load(eventId: string): void {
    this.api.get(eventId).subscribe({
      next: ({ event }) => {
        this.event.set(event);
        this.notFound.set(false);
        if (event.canManage) this.loadAttendees();
        else this.attendees.set(null);
      },
      error: () => this.notFound.set(true),
    });
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

  publish(): Observable<ClusterEvent> {
    const e = this.event();
    if (!e) throw new Error('no event');
    return this.api.update(e.id, { publish: true }).pipe(
      map(({ event }) => event),
      tap((event) => this.event.set(event)),
    );
  }
}
