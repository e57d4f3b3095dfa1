// The timeline of 1,000 resources: how long the API takes to serve every row of a week, page by
// page (100 rows a page, as the web timeline fetches them while rows scroll into view), against the
// plain catalogue page of 100 resources measured in the same run as the baseline. Database commands
// per page are counted with the driver's command monitoring (DB_COMMAND_STATS).
import type { CommandStartedEvent } from 'mongodb';
import { Types } from 'mongoose';
import { performance } from 'node:perf_hooks';
import { bearer, createTestApp, login, TestApp } from '../apps/api/test/support/test-app';

const RESOURCES = 1000;
const BOOKINGS_PER_RESOURCE = 5;
const H = 3_600_000;

async function timed<T>(f: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const v = await f();
  return [v, performance.now() - t0];
}
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

describe('bench: bookings timeline', () => {
  let t: TestApp;
  afterAll(() => t?.close());

  it(`serves a week of ${RESOURCES} resources`, async () => {
    t = await createTestApp({ KLASTERIS_MODE: 'production', DB_COMMAND_STATS: 'true' });
    const commands = new Map<string, number>();
    t.connection
      .getClient()
      .on('commandStarted', (e: CommandStartedEvent) => commands.set(e.commandName, (commands.get(e.commandName) ?? 0) + 1));
    const admin = await createAdmin(t);
    const org = new Types.ObjectId();
    const now = new Date();
    const policy = {
      openingHours: [],
      slotMinutes: 60,
      minDurationMinutes: 60,
      maxDurationMinutes: 480,
      minNoticeMinutes: 0,
      maxAdvanceDays: 90,
      maxUnitsPerBooking: 1,
      access: { mode: 'all', organisationIds: [] },
      approval: { required: false, approvers: 'owner_or_coordinator' },
      quotaHoursPerMonth: null,
      blackouts: [],
    };
    const resources = Array.from({ length: RESOURCES }, (_, i) => {
      const name = `Bench server ${String(i).padStart(4, '0')}`;
      return {
        _id: new Types.ObjectId(),
        name,
        nameKey: name.toLowerCase(),
        type: 'server',
        organisationId: org,
        organisationName: 'Bench',
        location: null,
        description: null,
        attributes: [],
        attributeKeys: [],
        capacity: 1,
        timeZone: 'Europe/Vilnius',
        status: 'available',
        policy,
        searchText: name.toLowerCase(),
        createdAt: now,
        updatedAt: now,
      };
    });
    await t.connection.collection('resources').insertMany(resources);
    const week = Date.UTC(2030, 0, 7);
    const bookings = resources.flatMap((r, i) =>
      Array.from({ length: BOOKINGS_PER_RESOURCE }, (_, k) => {
        const start = new Date(week + k * 24 * H + ((i + k) % 10) * H);
        return {
          resourceId: r._id,
          resourceName: r.name,
          resourceOrganisationId: org,
          timeZone: 'Europe/Vilnius',
          userId: org,
          userName: 'Bench',
          organisationId: org,
          organisationName: 'Bench',
          start,
          end: new Date(start.getTime() + 2 * H),
          units: 1,
          purpose: 'bench',
          status: 'confirmed',
          approvalStep: 0,
          approvalSteps: 0,
          approvals: [],
          version: 1,
          createdAt: now,
          updatedAt: now,
        };
      }),
    );
    await t.connection.collection('bookings').insertMany(bookings);
    const window = { from: new Date(week).toISOString(), to: new Date(week + 7 * 24 * H).toISOString(), limit: 100 };

    const runs: {
      firstPage: number;
      allPages: number;
      rows: number;
      catalogue: number;
      pages: number;
      commands: Record<string, number>;
    }[] = [];
    for (let run = 0; run < 5; run++) {
      const [, catalogue] = await timed(() => t.http.get('/api/resources').query({ limit: 100 }).set(bearer(admin)));
      let cursor: string | null = null;
      let rows = 0;
      let firstPage = 0;
      let pages = 0;
      const before = new Map(commands);
      const [, allPages] = await timed(async () => {
        do {
          const [res, ms] = await timed(() =>
            t.http
              .get('/api/resources/timeline')
              .query({ ...window, ...(cursor ? { cursor } : {}) })
              .set(bearer(admin)),
          );
          if (rows === 0) firstPage = ms;
          const page = res.body as { items: unknown[]; nextCursor: string | null };
          rows += page.items.length;
          pages++;
          cursor = page.nextCursor;
        } while (cursor);
      });
      const used: Record<string, number> = {};
      for (const [k, n] of commands) if (n > (before.get(k) ?? 0)) used[k] = n - (before.get(k) ?? 0);
      runs.push({ firstPage, allPages, rows, catalogue, pages, commands: used });
    }
    const first = median(runs.map((r) => r.firstPage));
    const all = median(runs.map((r) => r.allPages));
    const base = median(runs.map((r) => r.catalogue));
    process.stdout.write(
      [
        `timeline, ${RESOURCES} resources × ${BOOKINGS_PER_RESOURCE} bookings, one week (median of ${runs.length} runs):`,
        `  first page (100 rows, what the first screen needs): ${first.toFixed(0)} ms`,
        `  every row (${runs[0]!.rows} rows in ${Math.ceil(RESOURCES / 100)} pages):   ${all.toFixed(0)} ms`,
        `  baseline catalogue page (100 resources): ${base.toFixed(0)} ms → first timeline page = ${(first / base).toFixed(2)}× baseline`,
        `  database commands for every row (incl. the session checks and any background), first run / last run: ${JSON.stringify(runs[0]!.commands)} / ${JSON.stringify(runs[runs.length - 1]!.commands)} in ${runs[0]!.pages} pages`,
        '',
      ].join('\n'),
    );
    expect(runs[0]!.rows).toBe(RESOURCES);
  });
});

async function createAdmin(t: TestApp): Promise<string> {
  // Production mode seeds nothing: register a member and raise them to admin directly in the database.
  const email = `bench-admin-${Date.now()}@example.test`;
  const password = 'bench password 123';
  const reg = await t.http.post('/api/auth/register').send({ email, password, displayName: 'Bench Admin' });
  if (reg.status !== 201) throw new Error(`register → ${reg.status}`);
  await t.connection.collection('users').updateOne({ email }, { $set: { roles: ['member', 'admin'], status: 'active' } });
  return (await login(t, email, password)).accessToken;
}
