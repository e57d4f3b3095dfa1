import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import type { EventUpdatedPayload } from '@klasteris/contracts';
import { AttendanceRepository } from './attendance.repository';
import type { LeanEvent } from './event.schema';
import { EventAccessChangedEvent, EventCountsChangedEvent } from './events.events';
import { EventsRepository } from './events.repository';

/** Changes to one event closer together than this are announced once, with the counts at the end. */
export const COALESCE_MS = 30;

export const countsOf = (e: LeanEvent, waitlisted: number, offered: number): EventUpdatedPayload => ({
  eventId: e._id.toHexString(),
  state: e.state,
  capacity: e.capacity,
  going: e.going,
  waitlisted,
  offered,
  placesLeft: e.capacity === null ? null : Math.max(0, e.capacity - e.going),
});

/**
 * Live counts: whoever changes places, the line or the state calls `changed(eventId)`; the counts
 * are read once the burst settles (a race of 50 RSVPs is a handful of announcements, not 50) and
 * emitted as a domain event. What is announced is always read after the change, so the last
 * announcement of a burst is the state the burst left.
 */
@Injectable()
export class EventLiveService implements OnModuleDestroy {
  private readonly logger = new Logger('EventLive');
  private readonly pending = new Map<string, NodeJS.Timeout>();
  private closed = false;

  constructor(
    private readonly events: EventsRepository,
    private readonly attendance: AttendanceRepository,
    private readonly emitter: EventEmitter2,
  ) {}

  async counts(eventId: string): Promise<EventUpdatedPayload | null> {
    const [e, waitlisted, offered] = await Promise.all([
      this.events.findById(eventId),
      this.attendance.waitingCount(eventId),
      this.attendance.offeredCount(eventId),
    ]);
    return e ? countsOf(e, waitlisted, offered) : null;
  }

  changed(eventId: string): void {
    if (this.closed || this.pending.has(eventId)) return;
    const timer = setTimeout(() => {
      this.pending.delete(eventId);
      void this.announce(eventId);
    }, COALESCE_MS);
    timer.unref();
    this.pending.set(eventId, timer);
  }

  /** The audience of the event may have shrunk: sockets that may no longer see it leave its room. */
  accessChanged(eventId: string): void {
    this.emitter.emit(EventAccessChangedEvent.event, new EventAccessChangedEvent(eventId));
  }

  private async announce(eventId: string): Promise<void> {
    if (this.closed) return;
    try {
      const counts = await this.counts(eventId);
      if (counts) this.emitter.emit(EventCountsChangedEvent.event, new EventCountsChangedEvent(counts));
    } catch (err) {
      if (!this.closed) this.logger.warn(`counts of ${eventId} not announced: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  onModuleDestroy(): void {
    this.closed = true;
    for (const t of this.pending.values()) clearTimeout(t);
    this.pending.clear();
  }
}
