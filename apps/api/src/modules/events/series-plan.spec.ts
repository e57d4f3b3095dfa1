import { DateTime } from 'luxon';
import { planSeries } from './series-plan';

const at = (iso: string, zone = 'Europe/Vilnius'): number => DateTime.fromISO(iso, { zone }).toMillis();
const wall = (ms: number, zone = 'Europe/Vilnius'): string => DateTime.fromMillis(ms, { zone }).toFormat("yyyy-LL-dd'T'HH:mm");

describe('series plan', () => {
  it('weekly: the same wall-clock time in the zone across the daylight-saving change', () => {
    const p = planSeries(at('2027-03-18T10:00'), at('2027-03-18T12:00'), 'Europe/Vilnius', { freq: 'weekly', count: 3 });
    if (!p.ok) throw new Error(p.message);
    expect(p.occurrences.map((o) => wall(o.start))).toEqual(['2027-03-18T10:00', '2027-03-25T10:00', '2027-04-01T10:00']);
    expect(p.occurrences.every((o) => o.end - o.start === 2 * 3_600_000)).toBe(true);
    expect(p.occurrences.map((o) => o.index)).toEqual([0, 1, 2]);
  });

  it('monthly every 2 months until a date (inclusive); the 31st skips short months', () => {
    const p = planSeries(at('2027-01-10T09:00', 'Asia/Muscat'), at('2027-01-10T10:00', 'Asia/Muscat'), 'Asia/Muscat', {
      freq: 'monthly',
      interval: 2,
      until: '2027-07-10',
    });
    if (!p.ok) throw new Error(p.message);
    expect(p.occurrences.map((o) => wall(o.start, 'Asia/Muscat'))).toEqual([
      '2027-01-10T09:00',
      '2027-03-10T09:00',
      '2027-05-10T09:00',
      '2027-07-10T09:00',
    ]);
    const q = planSeries(at('2027-01-31T09:00'), at('2027-01-31T10:00'), 'Europe/Vilnius', { freq: 'monthly', count: 3 });
    if (!q.ok) throw new Error(q.message);
    expect(q.occurrences.map((o) => wall(o.start).slice(0, 10))).toEqual(['2027-01-31', '2027-03-31', '2027-05-31']);
  });

  it('refuses more than two years, too many or too few occurrences, and an until before the start', () => {
    const s = at('2027-01-04T10:00');
    const e = s + 3_600_000;
    expect(planSeries(s, e, 'Europe/Vilnius', { freq: 'monthly', count: 26 })).toMatchObject({ ok: false, field: 'recurrence.count' });
    expect(planSeries(s, e, 'Europe/Vilnius', { freq: 'monthly', count: 25 })).toMatchObject({ ok: true });
    expect(planSeries(s, e, 'Europe/Vilnius', { freq: 'weekly', until: '2029-02-01' })).toMatchObject({
      ok: false,
      field: 'recurrence.until',
    });
    const weekly = planSeries(s, e, 'Europe/Vilnius', { freq: 'weekly', until: '2028-12-31' }); // every week for two years is fine
    expect(weekly.ok && weekly.occurrences.length).toBe(104);
    expect(planSeries(s, e, 'Europe/Vilnius', { freq: 'weekly', count: 1 })).toMatchObject({ ok: false, field: 'recurrence.count' });
    expect(planSeries(s, e, 'Europe/Vilnius', { freq: 'weekly', until: '2026-12-01' })).toMatchObject({
      ok: false,
      field: 'recurrence.until',
    });
  });
});
