import type { IsoDateTime } from './common';
import type { IsoDate } from './boards';

/* My calendar (issue 12): my events, my bookings and the due dates of my cards, in one list. */

export const CalendarItemKinds = ['event', 'booking', 'card'] as const;
export type CalendarItemKind = (typeof CalendarItemKinds)[number];

/** `GET /api/calendar?from&to` answers at most this many days at once. */
export const CALENDAR_RANGE_MAX_DAYS = 100;

export interface CalendarQuery {
  /** ISO 8601 instant with an offset: items ending after it */
  from: IsoDateTime;
  /** ISO 8601 instant with an offset: items starting before it; at most CALENDAR_RANGE_MAX_DAYS after `from` */
  to: IsoDateTime;
}

export interface CalendarItem {
  kind: CalendarItemKind;
  /** the event's, booking's or card's id */
  id: string;
  title: string;
  /** events and bookings: the instants; cards: null (see `date`) */
  start: IsoDateTime | null;
  end: IsoDateTime | null;
  /** cards: the due date (YYYY-MM-DD, a whole day) */
  date: IsoDate | null;
  allDay: boolean;
  /** the zone the item is planned in (the event's, the resource's); null for cards */
  timeZone: string | null;
  /**
   * events: my RSVP (going, maybe, waitlisted) or `organiser`; `cancelled` when the event was cancelled;
   * bookings: pending, held (a waitlist offer), confirmed or completed; cards: open
   */
  status: string;
  /** a second line: the venue, the resource, the project */
  detail: string | null;
  /** where the item lives in the web app (a path on the same origin) */
  path: string;
}

export interface CalendarResponse {
  from: IsoDateTime;
  to: IsoDateTime;
  /** by start (cards at the start of their day), oldest first */
  items: CalendarItem[];
}
