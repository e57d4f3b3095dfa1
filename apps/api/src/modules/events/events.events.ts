import type { EventUpdatedPayload } from '@klasteris/contracts';

/** An event's counts or state changed; realtime/ pushes it to the event's room as `event:updated`. */
export class EventCountsChangedEvent {
  static readonly event = 'events.counts-changed';
  constructor(readonly payload: EventUpdatedPayload) {}
}

/** Who may see an event changed (visibility, publish, cancel): realtime/ re-checks the sockets in its room. */
export class EventAccessChangedEvent {
  static readonly event = 'events.access-changed';
  constructor(readonly eventId: string) {}
}
