import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import type { Booking, Card } from '@klasteris/contracts';
import { venueLine } from '../events/event-ics';
import type { MyEvent } from '../events/my-events.service';

/**
 * The personal feed (RFC 5545): bookings and events at their instants, each in its own zone (with
 * the VTIMEZONEs), and cards' due dates as all-day entries. UIDs are stable across the three kinds.
 */
export function renderCalendar(
  name: string,
  events: MyEvent[],
  bookings: Booking[],
  cards: (Card & { projectName: string })[],
  publicUrl = '',
): string {
  const zone = events[0]?.event.timeZone ?? bookings[0]?.timeZone ?? 'Europe/Vilnius';
  const cal = ical({
    name,
    method: ICalCalendarMethod.PUBLISH,
    prodId: { company: 'Klasteris', product: 'Calendar', language: 'EN' },
    timezone: { name: zone, generator: getVtimezoneComponent },
  });
  for (const b of bookings) {
    cal.createEvent({
      id: `${b.id}@klasteris`,
      start: DateTime.fromISO(b.start, { zone: b.timeZone }),
      end: DateTime.fromISO(b.end, { zone: b.timeZone }),
      timezone: b.timeZone,
      stamp: new Date(b.createdAt),
      summary: `${b.resourceName}: ${b.purpose}`,
      location: b.resourceName,
      status: b.status === 'confirmed' || b.status === 'completed' ? ICalEventStatus.CONFIRMED : ICalEventStatus.TENTATIVE,
      url: `${publicUrl}/infrastructure/bookings/${b.id}`,
    });
  }
  for (const { event: e, rsvp } of events) {
    cal.createEvent({
      id: `event-${e._id.toHexString()}@klasteris`,
      start: DateTime.fromJSDate(e.start, { zone: e.timeZone }),
      end: DateTime.fromJSDate(e.end, { zone: e.timeZone }),
      timezone: e.timeZone,
      stamp: e.updatedAt,
      summary: e.title,
      description: e.description,
      location: venueLine(e),
      status:
        e.state === 'cancelled'
          ? ICalEventStatus.CANCELLED
          : rsvp === 'going' || rsvp === null
            ? ICalEventStatus.CONFIRMED
            : ICalEventStatus.TENTATIVE,
      url: `${publicUrl}/events/${e._id.toHexString()}`,
    });
  }
  for (const c of cards) {
    if (!c.dueDate) continue;
    const day = DateTime.fromISO(c.dueDate, { zone: 'UTC' });
    cal.createEvent({
      id: `card-${c.id}@klasteris`,
      start: day.toJSDate(),
      end: day.plus({ days: 1 }).toJSDate(),
      allDay: true,
      stamp: new Date(c.updatedAt),
      summary: `Due: ${c.title}`,
      description: c.projectName || null,
      url: `${publicUrl}/projects/${c.projectId}/board?card=${c.id}`,
    });
  }
  return cal.toString();
}
