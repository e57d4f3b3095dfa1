import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalCalendarMethod, ICalEventRepeatingFreq, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import type { LeanEvent, LeanSeries } from './event.schema';

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

/**
 * A series as one repeating VEVENT (RRULE with the series' rule) whose cancelled occurrences are
 * EXDATEs, plus one override VEVENT (same UID, RECURRENCE-ID = the start the rule gave it) for each
 * occurrence that was moved or changed — what calendar programs expect of a recurring event.
 */
export function seriesIcs(series: LeanSeries, occurrences: LeanEvent[], publicUrl: string): string {
  const first = occurrences.find((e) => e.occurrence === 0) ?? occurrences[0];
  const cal = ical({
    name: first?.title ?? 'Series',
    method: ICalCalendarMethod.PUBLISH,
    prodId: { company: 'Klasteris', product: 'Events', language: 'EN' },
    timezone: { name: series.timeZone, generator: getVtimezoneComponent },
  });
  if (!first || !first.originalStart) return cal.toString();
  const uid = `series-${series._id.toHexString()}@klasteris`;
  const zone = series.timeZone;
  const at = (d: Date): DateTime => DateTime.fromJSDate(d, { zone });
  const duration = first.end.getTime() - first.start.getTime();
  const r = series.recurrence;
  cal.createEvent({
    id: uid,
    start: at(first.originalStart),
    end: at(new Date(first.originalStart.getTime() + duration)),
    timezone: zone,
    stamp: first.updatedAt,
    summary: first.title,
    description: first.description,
    location: venueLine(first),
    url: `${publicUrl}/events/${first._id.toHexString()}`,
    repeating: {
      freq: r.freq === 'weekly' ? ICalEventRepeatingFreq.WEEKLY : ICalEventRepeatingFreq.MONTHLY,
      interval: r.interval,
      count: series.occurrences,
      exclude: occurrences.filter((e) => e.state === 'cancelled' && e.originalStart).map((e) => at(e.originalStart!)),
    },
  });
  for (const e of occurrences) {
    if (!e.originalStart || e.state === 'cancelled') continue;
    const changed =
      e.originalStart.getTime() !== e.start.getTime() ||
      e.end.getTime() - e.start.getTime() !== duration ||
      e.title !== first.title ||
      venueLine(e) !== venueLine(first);
    if (!changed) continue;
    cal.createEvent({
      id: uid,
      recurrenceId: at(e.originalStart),
      start: at(e.start),
      end: at(e.end),
      timezone: e.timeZone,
      stamp: e.updatedAt,
      summary: e.title,
      description: e.description,
      location: venueLine(e),
      url: `${publicUrl}/events/${e._id.toHexString()}`,
    });
  }
  return cal.toString();
}
