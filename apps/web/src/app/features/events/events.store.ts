import { Injectable, inject, signal } from '@angular/core';
import type { ClusterEvent, Page } from '@klasteris/contracts';
import { type Observable, EMPTY, expand, reduce } from 'rxjs';
import { toApiError } from '../../shared/api-error';
import { isPast } from './event-logic';
import { EventsApi } from './events.api';

export type EventsWhen = 'upcoming' | 'past';

const YEAR_MS = 365 * 86_400_000;
/** Past events are read a year at a time, at most this many pages of 100 per year. */
const PAST_PAGES = 10;

/** The events list: upcoming (soonest first, paged) or past (latest first, a year at a time). */
@Injectable()
export class EventsStore {
  private readonly api = inject(EventsApi);
  readonly when = signal<EventsWhen>('upcoming');
  readonly items = signal<ClusterEvent[]>([]);
  readonly loading = signal(false);
  readonly loaded = signal(false);
  readonly errorKey = signal<string | null>(null);
  /** upcoming: the next page's cursor */
  readonly nextCursor = signal<string | null>(null);
  /** past: events before this instant are not read yet */
  readonly pastFrom = signal<number | null>(null);
  private generation = 0;

  load(when: EventsWhen): void {
    this.when.set(when);
    this.items.set([]);
    this.nextCursor.set(null);
    this.pastFrom.set(null);
    this.loaded.set(false);
    if (when === 'upcoming') this.more();
    else this.earlier();
  }

  /** Upcoming: the next page. */
  more(): void {
    const gen = ++this.generation;
    const cursor = this.nextCursor() ?? undefined;
    this.run(this.api.list({ limit: 50, ...(cursor ? { cursor } : {}) }), gen, (page) => {
      this.items.update((list) => [...list, ...page.items.filter((e) => !list.some((x) => x.id === e.id))]);
      this.nextCursor.set(page.nextCursor);
    });
  }

  /** Past: one more year back (the first call reads the last year). */
  earlier(): void {
    const gen = ++this.generation;
    const to = this.pastFrom() ?? Date.now();
    const from = to - YEAR_MS;
    const query = { from: new Date(from).toISOString(), to: new Date(to).toISOString(), limit: 100 };
    let pages = 0;
    const all = this.api.list(query).pipe(
      expand((page) => (page.nextCursor && ++pages < PAST_PAGES ? this.api.list({ ...query, cursor: page.nextCursor }) : EMPTY)),
      reduce<Page<ClusterEvent>, ClusterEvent[]>((acc, page) => [...acc, ...page.items], []),
    );
    this.run(all, gen, (items) => {
      const now = Date.now();
      const past = items.filter((e) => isPast(e, now)).reverse();
      this.items.update((list) => [...list, ...past.filter((e) => !list.some((x) => x.id === e.id))]);
      this.pastFrom.set(from);
    });
  }

  /** An event changed elsewhere (an RSVP from a card): replace it in place. */
  replace(event: ClusterEvent): void {
    this.items.update((list) => list.map((e) => (e.id === event.id ? event : e)));
  }

  private run<T>(source: Observable<T>, gen: number, apply: (value: T) => void): void {
    this.loading.set(true);
    this.errorKey.set(null);
    source.subscribe({
      next: (value) => {
        if (gen === this.generation) apply(value);
      },
      error: (err: unknown) => {
        if (gen !== this.generation) return;
        this.errorKey.set(toApiError(err).messageKey);
        this.loading.set(false);
        this.loaded.set(true);
      },
      complete: () => {
        if (gen !== this.generation) return;
        this.loading.set(false);
        this.loaded.set(true);
      },
    });
  }
}
