import { DateTime } from 'luxon';
import type { Resource } from '@klasteris/contracts';
import { bearer, TestApp } from './test-app';

export const H = 3_600_000;
export const iso = (ms: number): string => new Date(ms).toISOString();

/** Monday 00:00 UTC, `weeks` weeks from now (at least a few days ahead). */
export function mondayUtc(weeks = 1): number {
  return DateTime.utc().startOf('week').plus({ weeks }).toMillis();
}

/** The next DST change of a zone after now: the instant of the last Sunday of `month` at 01:00 UTC (EU rule). */
export function nextEuChange(month: 3 | 10): number {
  let year = DateTime.utc().year;
  for (;;) {
    const lastSunday = DateTime.utc(year, month, 1).endOf('month').startOf('day');
    const day = lastSunday.minus({ days: lastSunday.weekday % 7 });
    const at = day.set({ hour: 1 }).toMillis();
    if (at > Date.now() + 2 * 24 * H) return at;
    year++;
  }
}

export function bookingHelpers(t: TestApp, defaults: () => { token: string; organisationId: string }) {
  return {
    async createResource(body: Record<string, unknown>, token?: string): Promise<Resource> {
      const d = defaults();
      const res = await t.http
        .post('/api/resources')
        .set(bearer(token ?? d.token))
        .send({ timeZone: 'Europe/Vilnius', type: 'meeting_room', organisationId: d.organisationId, ...body });
      if (res.status !== 201) throw new Error(`create resource → ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.resource as Resource;
    },
    book(token: string, body: Record<string, unknown>) {
      return t.http
        .post('/api/bookings')
        .set(bearer(token))
        .send({ purpose: 'Team workshop', ...body });
    },
  };
}
