import { DateTime } from 'luxon';
import type { CalendarItem } from '@klasteris/contracts';

export const CalendarViews = ['month', 'week', 'agenda'] as const;
export type CalendarView = (typeof CalendarViews)[number];

export const isCalendarView = (v: unknown): v is CalendarView => typeof v === 'string' && (CalendarViews as readonly string[]).includes(v);

/** Agenda: this many days from the anchor day. */
export const AGENDA_DAYS = 30;

export interface Span {
  /** first day shown, 00:00 in the zone */
  start: DateTime;
  /** the day after the last one shown, 00:00 in the zone */
  end: DateTime;
}

/** The days a view shows around an anchor day: the month's full weeks (Monday first), the week, or 30 days. */
export function spanOf(view: CalendarView, anchor: DateTime): Span {
  const day = anchor.startOf('day');
  switch (view) {
    case 'month': {
      const first = day.startOf('month');
      return { start: first.startOf('week'), end: first.endOf('month').endOf('week').plus({ milliseconds: 1 }).startOf('day') };
    }
    case 'week':
      return { start: day.startOf('week'), end: day.startOf('week').plus({ weeks: 1 }) };
    case 'agenda':
      return { start: day, end: day.plus({ days: AGENDA_DAYS }) };
  }
}

/** The anchor moved one view-length back (-1) or forward (+1). */
export function shift(view: CalendarView, anchor: DateTime, dir: -1 | 1): DateTime {
  switch (view) {
    case 'month':
      return anchor.startOf('month').plus({ months: dir });
    case 'week':
      return anchor.plus({ weeks: dir });
    case 'agenda':
      return anchor.plus({ days: dir * AGENDA_DAYS });
  }
}

/** Every day of a span. */
export function daysOf(span: Span): DateTime[] {
  const out: DateTime[] = [];
  for (let d = span.start; d < span.end; d = d.plus({ days: 1 })) out.push(d);
  return out;
}

/** An item as one day shows it: whether it began before this day or goes on after it. */
export interface DayEntry {
  item: CalendarItem;
  /** "10:00–12:00", "from 10:00", "until 12:00" or null (all day) — in the viewer's zone */
  time: { kind: 'range' | 'from' | 'until' | 'allDay'; start?: string; end?: string };
  /** minutes since 00:00 of the day at which it starts here (0 when it began earlier), to sort */
  order: number;
}

/** Places items on the days of the viewer's zone: timed items on every day they touch, cards on their due date. */
export function byDay(items: CalendarItem[], days: DateTime[], zone: string): Map<string, DayEntry[]> {
  const out = new Map<string, DayEntry[]>(days.map((d) => [d.toISODate()!, []]));
  for (const item of items) {
    if (item.allDay || !item.start || !item.end) {
      const list = item.date ? out.get(item.date) : undefined;
      list?.push({ item, time: { kind: 'allDay' }, order: -1 });
      continue;
    }
    const s = DateTime.fromISO(item.start, { zone });
    const e = DateTime.fromISO(item.end, { zone });
    for (const day of days) {
      const next = day.plus({ days: 1 });
      if (!(s < next && e > day)) continue;
      const startsHere = s >= day;
      const endsHere = e <= next;
      const hm = (t: DateTime): string => t.toFormat('HH:mm');
      const time: DayEntry['time'] =
        startsHere && endsHere
          ? { kind: 'range', start: hm(s), end: hm(e) }
          : startsHere
            ? { kind: 'from', start: hm(s) }
            : endsHere
              ? { kind: 'until', end: hm(e) }
              : { kind: 'allDay' };
      out.get(day.toISODate()!)?.push({ item, time, order: startsHere ? s.diff(day, 'minutes').minutes : 0 });
    }
  }
  for (const list of out.values()) list.sort((a, b) => a.order - b.order || a.item.title.localeCompare(b.item.title));
  return out;
}

/** The link of an item: a router path and its query (cards open on their board). */
export function linkOf(item: CalendarItem): { path: string; query: Record<string, string> } {
  const [path, qs] = item.path.split('?');
  const query: Record<string, string> = {};
  new URLSearchParams(qs ?? '').forEach((v, k) => (query[k] = v));
  return { path: path ?? '/', query };
}
