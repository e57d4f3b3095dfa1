import type { Booking } from '@klasteris/contracts';

/** A booking changed; realtime pushes `booking:updated` to each listed user's room. */
export class BookingChangedEvent {
  static readonly event = 'booking.changed';
  constructor(
    readonly booking: Booking,
    readonly userIds: string[],
  ) {}
}

/** What happened to a booking, as the people told about it need to know it. */
export type BookingNews =
  | { what: 'requested'; requester: string; purpose: string; occurrences: number; afterOwner: boolean }
  | { what: 'approved'; note: string | null }
  | { what: 'rejected'; note: string | null }
  | { what: 'cancelled'; occurrences: number; reason: string | null }
  | { what: 'waitlist-offer'; holdMinutes: number };

/** Someone should hear of a booking (the requester, or its approvers); the notifications listener writes it in their language. */
export class BookingNewsEvent {
  static readonly event = 'booking.news';
  constructor(
    readonly userIds: string[],
    readonly booking: { id: string; resourceName: string; start: Date; end: Date; timeZone: string },
    readonly news: BookingNews,
  ) {}
}
