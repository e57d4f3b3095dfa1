import type { ClusterEvent } from '@klasteris/contracts';
import { bearer, newMember, TestApp } from './test-app';

export const DAY = 86_400_000;

/** A valid event body (a members' event in Vilnius, at an address), overridable field by field. */
export function eventBody(over: Record<string, unknown> = {}): Record<string, unknown> {
  const start = Date.UTC(new Date().getUTCFullYear() + 1, 2, 10, 8, 0, 0);
  return {
    title: 'Cloud computing cooperation day',
    description: 'Members share **cloud** offers.',
    kind: 'internal',
    start: new Date(start).toISOString(),
    end: new Date(start + 3 * 3_600_000).toISOString(),
    timeZone: 'Europe/Vilnius',
    visibility: 'members',
    venue: { address: 'Gedimino pr. 1', city: 'Vilnius', country: 'LT' },
    publish: true,
    ...over,
  };
}

export function eventHelpers(t: TestApp) {
  return {
    create(token: string, over: Record<string, unknown> = {}) {
      return t.http.post('/api/events').set(bearer(token)).send(eventBody(over));
    },
    async created(token: string, over: Record<string, unknown> = {}): Promise<ClusterEvent> {
      const res = await t.http.post('/api/events').set(bearer(token)).send(eventBody(over));
      if (res.status !== 201) throw new Error(`create event → ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.event as ClusterEvent;
    },
    rsvp(token: string, id: string, status: string) {
      return t.http.post(`/api/events/${id}/rsvp`).set(bearer(token)).send({ status });
    },
    async count(): Promise<number> {
      return t.connection.collection('events').countDocuments();
    },
  };
}

/** `n` fresh active members, registered a few at a time (password hashing runs on the thread pool). */
export async function newMembers(
  t: TestApp,
  n: number,
  name = (i: number) => `Person ${i}`,
): Promise<Awaited<ReturnType<typeof newMember>>[]> {
  const out: Awaited<ReturnType<typeof newMember>>[] = [];
  for (let i = 0; i < n; i += 4) {
    out.push(...(await Promise.all(Array.from({ length: Math.min(4, n - i) }, (_, j) => newMember(t, { displayName: name(i + j) })))));
  }
  return out;
}
