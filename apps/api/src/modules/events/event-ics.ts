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

/** Events as an iCalendar file (RFC 5545), each in its own zone, with the VTIMEZONEs. */
export function eventsIcs(name: string, events: LeanEvent[], publicUrl: string, pathOf: (e: LeanEvent) => string): string {
  const cal = ical({
    name,
    method: ICalCalendarMethod.PUBLISH,
    prodId: { company: 'Klasteris', product: 'Events', language: 'EN' },
    timezone: { name: events[0]?.timeZone ?? 'Europe/Vilnius', generator: getVtimezoneComponent },
  });
  for (const e of events) {
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
      url: `${publicUrl}${pathOf(e)}`,
    });
  }
  return cal.toString();
}

/** One event as an iCalendar file. */
export const eventIcs = (e: LeanEvent, publicUrl: string, path: string): string => eventsIcs(e.title, [e], publicUrl, () => path);
