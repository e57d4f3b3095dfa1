// Booking race: 100 concurrent requests for the same slot of a one-unit room. Exactly one may win;
// we measure how long the race takes to settle. Baseline in the same run: 100 concurrent bookings
// of 100 different slots (no conflict), the same work without contention.
import { performance } from 'node:perf_hooks';
import { api, envInt, login } from './lib';

const H = 3_600_000;

export interface RaceResult {
  requests: number;
  winners: number;
  conflicts: number;
  otherStatuses: Record<string, number>;
  settleMs: number;
  baselineSettleMs: number;
  baselineCreated: number;
  ratio: number;
}

export async function bookingRace(url: string): Promise<RaceResult> {
  const n = envInt('BENCH_RACE_REQUESTS', 100);
  const coordinator = await login(url, 'coordinator@klasteris.demo');
  const orgs = await api<{ items: { id: string }[] }>(url, 'GET', '/api/organisations?q=infobalt');
  const organisationId = orgs.body.items[0]!.id;
  const bookers = await Promise.all(
    ['member@klasteris.demo', 'member2@klasteris.demo', 'orgadmin@klasteris.demo', 'orgadmin2@klasteris.demo'].map((e) => login(url, e)),
  );
  const room = async (name: string): Promise<string> => {
    const res = await api<{ resource: { id: string } }>(url, 'POST', '/api/resources', coordinator.token, {
      name,
      timeZone: 'Europe/Vilnius',
      type: 'meeting_room',
      organisationId,
    });
    if (res.status !== 201) throw new Error(`create resource: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.resource.id;
  };
  // A Monday a few weeks ahead, 10:00 UTC, inside default opening hours.
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + 21 + ((8 - d.getUTCDay()) % 7));
  d.setUTCHours(8, 0, 0, 0);
  const start = d.getTime();
  const book = (token: string, resourceId: string, s: number) =>
    api(url, 'POST', '/api/bookings', token, {
      resourceId,
      start: new Date(s).toISOString(),
      end: new Date(s + H).toISOString(),
      purpose: 'Bench race',
    });

  const contested = await room('Bench race room');
  const t0 = performance.now();
  const results = await Promise.all(Array.from({ length: n }, (_, i) => book(bookers[i % bookers.length]!.token, contested, start)));
  const settleMs = performance.now() - t0;

  // Baseline: the same number of bookings without conflicts (each its own room, same slot).
  const rooms = await Promise.all(Array.from({ length: n }, (_, i) => room(`Bench free room ${i}`)));
  const t1 = performance.now();
  const free = await Promise.all(rooms.map((r, i) => book(bookers[i % bookers.length]!.token, r, start)));
  const baselineSettleMs = performance.now() - t1;

  const statuses: Record<string, number> = {};
  for (const r of results) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
  const winners = statuses['201'] ?? 0;
  const conflicts = statuses['409'] ?? 0;
  const { ['201']: _w, ['409']: _c, ...otherStatuses } = statuses;
  return {
    requests: n,
    winners,
    conflicts,
    otherStatuses,
    settleMs: Math.round(settleMs),
    baselineSettleMs: Math.round(baselineSettleMs),
    baselineCreated: free.filter((r) => r.status === 201).length,
    ratio: Math.round((baselineSettleMs / settleMs) * 100) / 100,
  };
}
