import { DateTime } from 'luxon';
import type { CalendarItem } from '@klasteris/contracts';
import { byDay, daysOf, linkOf, shift, spanOf } from './calendar-logic';

const Z = 'Europe/Vilnius';
const at = (iso: string) => DateTime.fromISO(iso, { zone: Z });
const item = (over: Partial<CalendarItem>): CalendarItem => ({
  kind: 'event',
  id: 'x',
  title: 'T',
  start: null,
  end: null,
  date: null,
  allDay: false,
  timeZone: Z,
  status: 'going',
  detail: null,
  path: '/events/x',
  ...over,
});

describe('calendar logic', () => {
  it('a month shows whole weeks, Monday first', () => {
    const s = spanOf('month', at('2026-03-15'));
    expect(s.start.toISODate()).toBe('2026-02-23');
    expect(s.end.toISODate()).toBe('2026-04-06');
    expect(daysOf(s)).toHaveLength(42);
  });

  it('a week and the agenda', () => {
    expect(spanOf('week', at('2026-03-15')).start.toISODate()).toBe('2026-03-09');
    const a = spanOf('agenda', at('2026-03-15T13:00'));
    expect([a.start.toISODate(), a.end.toISODate()]).toEqual(['2026-03-15', '2026-04-14']);
  });

  it('moves by a view length', () => {
    expect(shift('month', at('2026-01-31'), 1).toISODate()).toBe('2026-02-01');
    expect(shift('week', at('2026-03-15'), -1).toISODate()).toBe('2026-03-08');
  });

  it('places timed items in the viewer zone and cards on their date; a day across the DST change has 23 hours', () => {
    const days = daysOf(spanOf('week', at('2026-03-25')));
    const map = byDay(
      [
        item({ id: 'muscat', start: '2026-03-29T06:00:00Z', end: '2026-03-29T08:00:00Z', timeZone: 'Asia/Muscat' }),
        item({ id: 'two-days', start: '2026-03-26T20:00:00Z', end: '2026-03-27T09:00:00Z' }),
        item({ id: 'card', kind: 'card', allDay: true, date: '2026-03-24' }),
      ],
      days,
      Z,
    );
    expect(map.get('2026-03-29')!.map((e) => e.time)).toEqual([{ kind: 'range', start: '09:00', end: '11:00' }]);
    expect(map.get('2026-03-26')!.map((e) => e.time)).toEqual([{ kind: 'from', start: '22:00' }]);
    expect(map.get('2026-03-27')!.map((e) => e.time)).toEqual([{ kind: 'until', end: '11:00' }]);
    expect(map.get('2026-03-24')!.map((e) => e.item.id)).toEqual(['card']);
  });

  it('splits a card link into path and query', () => {
    expect(linkOf(item({ path: '/projects/p/board?card=c' }))).toEqual({ path: '/projects/p/board', query: { card: 'c' } });
  });
});
