import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import type { LeanBooking } from './booking.schema';

export interface InviteParty {
  name: string | null;
  email: string;
}

export interface InviteInput {
  method: 'REQUEST' | 'CANCEL';
  /** the bookings it is about (a cancelled series sends every cancelled occurrence at once) */
  bookings: LeanBooking[];
  organizer: InviteParty;
  attendee: InviteParty;
  location: string | null;
  publicUrl: string;
}

/** The UID of a booking in every calendar we write (the feeds use the same one). */
export const bookingUid = (b: Pick<LeanBooking, '_id'>): string => `${b._id.toHexString()}@klasteris`;

/**
 * An iTIP invitation (RFC 5546) for the mails of approved and cancelled bookings. A calendar
 * program matches it to what it already has by `UID` (one per booking, the same as in the feeds)
 * and applies it when its `SEQUENCE` is higher: the booking's `version` counts its state changes,
 * so a cancellation always outranks the approval before it. Times are written in the resource's
 * zone with its VTIMEZONE.
 */
export function bookingInvite(input: InviteInput): string {
  const zone = input.bookings[0]?.timeZone ?? 'Europe/Vilnius';
  const cal = ical({
    prodId: { company: 'Klasteris', product: 'Bookings', language: 'EN' },
    method: input.method === 'REQUEST' ? ICalCalendarMethod.REQUEST : ICalCalendarMethod.CANCEL,
    timezone: { name: zone, generator: getVtimezoneComponent },
  });
  for (const b of input.bookings) {
    cal.createEvent({
      id: bookingUid(b),
      sequence: b.version,
      start: DateTime.fromJSDate(b.start, { zone: b.timeZone }),
      end: DateTime.fromJSDate(b.end, { zone: b.timeZone }),
      timezone: b.timeZone,
      stamp: b.updatedAt,
      summary: `${b.resourceName}: ${b.purpose}`,
      location: input.location,
      status: input.method === 'CANCEL' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      organizer: { name: input.organizer.name ?? input.organizer.email, email: input.organizer.email },
      attendees: [
        {
          email: input.attendee.email,
          ...(input.attendee.name ? { name: input.attendee.name } : {}),
          role: ICalAttendeeRole.REQ,
          status: input.method === 'CANCEL' ? ICalAttendeeStatus.DECLINED : ICalAttendeeStatus.ACCEPTED,
          rsvp: false,
        },
      ],
      url: `${input.publicUrl}/infrastructure/bookings/${b._id.toHexString()}`,
    });
  }
  return cal.toString();
}

/** `Name <address>` or `address` (MAIL_FROM) as the invitation's organizer. */
export function organizerOf(from: string, fallbackName: string): InviteParty {
  const m = /^\s*(.*?)\s*<([^<>]+)>\s*$/.exec(from);
  return m ? { name: m[1] || fallbackName, email: m[2]! } : { name: fallbackName, email: from.trim() };
}
