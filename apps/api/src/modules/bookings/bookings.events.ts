import type { Booking } from '@klasteris/contracts';

/** A booking changed; realtime pushes `booking:updated` to each listed user's room. */
export class BookingChangedEvent {
  static readonly event = 'booking.changed';
  constructor(
    readonly booking: Booking,
    readonly userIds: string[],
  ) {}
}
