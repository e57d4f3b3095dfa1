import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import type { LeanEvent } from './event.schema';

/** Where an event takes place, in one line (mails, calendars). */
export function venueLine(e: Pick<LeanEvent, 'venue'>): string {
  const v = e.venue;
  switch (v.kind) {
    case 'resource':
      return v.resourceName ?? '';
    case 'online':
      return 'Online';
    case 'address':
      return [v.address, v.city, v.country].filter(Boolean).join(', ');
  }
}

/** One event as an iCalendar file (RFC 5545) in the event's own zone, with its VTIMEZONE. */
export function eventIcs(e: LeanEvent, publicUrl: string, path: string): string {
  const cal = ical({
    name: e.title,
    method: ICalCalendarMethod.PUBLISH,
    prodId: { company: 'Klasteris', product: 'Events', language: 'EN' },
    timezone: { name: e.timeZone, generator: getVtimezoneComponent },
  });
  cal.createEvent({
    id: `event-${e._id.toHexString()}@klasteris`,
    start: DateTime.fromJSDate(e.start, { zone: e.timeZone }),
    end: DateTime.fromJSDate(e.end, { zone: e.timeZone }),
    timezone: e.timeZone,
    stamp: e.updatedAt,
    summary: e.title,
    description: e.description,
    location: venueLine(e),
    status: e.state === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    url: `${publicUrl}${path}`,
  });
  return cal.toString();
}
