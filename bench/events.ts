// Events: (a) the RSVP race — an event with C places and N members answering "going" at once, each
// request on its own HTTP connection; we time until every answer is in ("settled") and check that
// exactly C are going and the rest wait at positions 1..N−C in order (rounds BENCH_EVENTS_RACE,
// default "10x50,100x500"). (b) an event page with BENCH_EVENTS_ATTENDEES (default 2,000) attendees
// — members and prospects seeded straight into event_attendance (the event's counters set to
// match) — then GET /api/events/:id and GET /api/events/:id/attendees, one request at a time,
// BENCH_EVENTS_SAMPLES (default 200) each, against GET /api/health in the same run (the baseline).
// The members of the race are cloned from the demo member in the database with a session each and
// an access token signed with the node's JWT secret: 550 argon2 logins would take minutes here and
// measure nothing of events. The scenario runs its own API node (it needs to know that secret).
import { JwtService } from '@nestjs/jwt';
import { MongoClient, ObjectId, type Document } from 'mongodb';
import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { AttendeesResponse, ClusterEvent, RsvpView } from '@klasteris/contracts';
import { api, commandsBetween, envInt, login, progress, stats, type DbStats, type Stats } from './lib';

export type StartNode = (
  env: Record<string, string>,
) => Promise<{ url: string; stop: () => Promise<void>; dbStats: () => Promise<DbStats> }>;

/** Database commands per request between two snapshots of the node's driver command monitoring. */
const perRequest = (a: DbStats, b: DbStats, n: number): { total: number; byCommand: Record<string, number> } => {
  const c = commandsBetween(a, b);
  const r = (v: number): number => Math.round((v / n) * 10) / 10;
  return {
    total: r(Object.values(c).reduce((x, y) => x + y, 0)),
    byCommand: Object.fromEntries(Object.entries(c).map(([k, v]) => [k, r(v)])),
  };
};

export interface RaceRound {
  capacity: number;
  members: number;
  settledMs: number;
  statuses: Record<string, number>;
  going: number;
  waitlisted: number;
  eventGoing: number;
  linePositionsOk: boolean;
  /** answers whose `position` equals the person's final place in line (answers given mid-race may see fewer ahead of them) */
  answersWithFinalPosition: number;
  /** database commands per answer during the race (driver command monitoring; includes the idle background, small next to the race) */
  dbCommandsPerAnswer: { total: number; byCommand: Record<string, number> };
  ok: boolean;
  problems: string[];
}

export interface PageTiming {
  what: string;
  latencyMs: Stats;
  /** p50 of this / p50 of GET /api/health */
  p50X: number;
  bytes: number;
  dbCommandsPerRequest: number;
}

export interface EventsResult {
  rounds: RaceRound[];
  attendees: { members: number; prospects: number; seedSeconds: number; counts: AttendeesResponse['counts'] };
  samples: number;
  pages: PageTiming[];
  problems: string[];
}

function rounds(): { capacity: number; members: number }[] {
  const spec = process.env['BENCH_EVENTS_RACE'] ?? '10x50,100x500';
  return spec.split(',').map((s) => {
    const [c, n] = s.split('x').map(Number);
    if (!c || !n || n < c) throw new Error(`BENCH_EVENTS_RACE: "${s}" is not <capacity>x<members> with members ≥ capacity`);
    return { capacity: c, members: n };
  });
}

const START = (): number => {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + 60);
  d.setUTCHours(8, 0, 0, 0);
  return d.getTime();
};

async function createEvent(url: string, token: string, title: string, capacity: number | null): Promise<ClusterEvent> {
  const start = START();
  const res = await api<{ event: ClusterEvent }>(url, 'POST', '/api/events', token, {
    title,
    kind: 'internal',
    start: new Date(start).toISOString(),
    end: new Date(start + 3 * 3_600_000).toISOString(),
    timeZone: 'Europe/Vilnius',
    capacity,
    visibility: 'members',
    venue: { address: 'Gedimino pr. 1', city: 'Vilnius', country: 'LT' },
    publish: true,
  });
  if (res.status !== 201) throw new Error(`create event: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.event;
}

/** `n` active members cloned from the demo member, each with a live session and a signed access token. */
async function seedMembers(
  db: ReturnType<MongoClient['db']>,
  jwt: JwtService,
  n: number,
  tag: string,
): Promise<{ userId: string; token: string }[]> {
  const template = await db.collection('users').findOne({ email: 'member@klasteris.demo' });
  if (!template) throw new Error('the demo member is missing');
  const now = new Date();
  const users: Document[] = [];
  const sessions: Document[] = [];
  const out: { userId: string; token: string }[] = [];
  for (let i = 0; i < n; i++) {
    const _id = new ObjectId();
    const sid = new ObjectId();
    const displayName = `Racer ${tag} ${i}`;
    const email = `racer-${tag}-${i}@bench.example`;
    users.push({
      ...template,
      _id,
      email,
      displayName,
      initials: 'RB',
      searchText: `${displayName.toLowerCase()} ${email}`,
      createdAt: now,
      updatedAt: now,
    });
    sessions.push({
      _id: sid,
      userId: _id,
      refreshHash: randomBytes(16).toString('hex'),
      previousHash: null,
      rotatedAt: null,
      generation: 0,
      createdAt: now,
      lastUsedAt: now,
      expiresAt: new Date(now.getTime() + 86_400_000),
      revokedAt: null,
      revokedReason: null,
      userAgent: 'bench',
      ip: null,
    });
    out.push({ userId: _id.toHexString(), token: jwt.sign({ sub: _id.toHexString(), sid: sid.toHexString() }, { expiresIn: 3600 }) });
  }
  for (let i = 0; i < n; i += 1000) {
    await db.collection('users').insertMany(users.slice(i, i + 1000), { ordered: false });
    await db.collection('sessions').insertMany(sessions.slice(i, i + 1000), { ordered: false });
  }
  return out;
}

async function race(
  url: string,
  dbStats: () => Promise<DbStats>,
  coordinator: string,
  members: { token: string }[],
  capacity: number,
): Promise<RaceRound> {
  const n = members.length;
  const event = await createEvent(url, coordinator, `Bench race ${capacity}/${n}`, capacity);
  // Each answer on its own connection (no keep-alive agent: a new socket per request).
  const body = JSON.stringify({ status: 'going' });
  const target = new URL(`${url}/api/events/${event.id}/rsvp`);
  const rsvp = (token: string): Promise<{ status: number; body: { rsvp?: RsvpView } }> =>
    new Promise((ok, fail) => {
      const req = request(
        {
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          method: 'POST',
          agent: false,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Bearer ${token}` },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            ok({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString() || '{}') as { rsvp?: RsvpView } }),
          );
          res.on('error', fail);
        },
      );
      req.on('error', fail);
      req.end(body);
    });
  const before = await dbStats();
  const t0 = performance.now();
  const answers = await Promise.all(members.map((m) => rsvp(m.token)));
  const settledMs = Math.round(performance.now() - t0);
  const dbCommandsPerAnswer = perRequest(before, await dbStats(), n);

  const problems: string[] = [];
  const statuses: Record<string, number> = {};
  for (const a of answers) {
    const k = a.status === 200 ? (a.body.rsvp?.status ?? 'none') : String(a.status);
    statuses[k] = (statuses[k] ?? 0) + 1;
  }
  const going = statuses['going'] ?? 0;
  const waitlisted = statuses['waitlisted'] ?? 0;
  if (going !== capacity) problems.push(`${going} answers "going" (must be ${capacity})`);
  if (waitlisted !== n - capacity) problems.push(`${waitlisted} answers "waitlisted" (must be ${n - capacity})`);
  const other = Object.keys(statuses).filter((k) => k !== 'going' && k !== 'waitlisted');
  if (other.length) problems.push(`other answers: ${JSON.stringify(statuses)}`);

  const list = await api<AttendeesResponse>(url, 'GET', `/api/events/${event.id}/attendees`, coordinator);
  const line = list.body.items.filter((a) => a.status === 'waitlisted');
  const linePositionsOk = line.length === n - capacity && line.every((a, i) => a.position === i + 1);
  if (list.body.counts.going !== capacity || list.body.counts.waitlisted !== n - capacity)
    problems.push(`attendees counts ${JSON.stringify(list.body.counts)} (must be ${capacity} going, ${n - capacity} waitlisted)`);
  if (!linePositionsOk)
    problems.push(`the line is not 1..${n - capacity} in order: ${JSON.stringify(line.slice(0, 5).map((a) => a.position))}…`);
  const after = await api<{ event: ClusterEvent }>(url, 'GET', `/api/events/${event.id}`, coordinator);
  const eventGoing = after.body.event.going;
  if (eventGoing !== capacity) problems.push(`event.going is ${eventGoing} (must be ${capacity})`);
  // Whose answer named their final place: the answer's position against the list (matched through the member's own view is N more requests; the list's order by waitSeq is the truth, so compare the multiset).
  const finalPositions = new Set(line.map((a) => a.position));
  const answersWithFinalPosition = answers.filter(
    (a) => a.body.rsvp?.status === 'waitlisted' && a.body.rsvp.position !== undefined && finalPositions.has(a.body.rsvp.position),
  ).length;
  return {
    capacity,
    members: n,
    settledMs,
    statuses,
    going,
    waitlisted,
    eventGoing,
    linePositionsOk,
    answersWithFinalPosition,
    dbCommandsPerAnswer,
    ok: problems.length === 0,
    problems,
  };
}

async function timeGet(
  url: string,
  path: string,
  token: string | undefined,
  samples: number,
  dbStats?: () => Promise<DbStats>,
): Promise<{ s: Stats; bytes: number; db: number }> {
  const before = dbStats ? await dbStats() : null;
  const xs: number[] = [];
  let bytes = 0;
  for (let i = 0; i < samples; i++) {
    const t = performance.now();
    const res = await fetch(`${url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    const body = await res.text();
    xs.push(performance.now() - t);
    if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${body.slice(0, 200)}`);
    bytes = body.length;
  }
  const db = before && dbStats ? perRequest(before, await dbStats(), samples).total : 0;
  return { s: stats(xs), bytes, db };
}

export async function eventsScenario(startNode: StartNode, mongoUri: string, dbName: string): Promise<EventsResult> {
  const size = envInt('BENCH_EVENTS_ATTENDEES', 2000);
  const samples = envInt('BENCH_EVENTS_SAMPLES', 200);
  const secret = randomBytes(32).toString('hex');
  const node = await startNode({ JWT_SECRET: secret });
  const client = await new MongoClient(mongoUri).connect();
  const problems: string[] = [];
  try {
    const db = client.db(dbName);
    const jwt = new JwtService({ secret });
    const coordinator = (await login(node.url, 'coordinator@klasteris.demo')).token;
    const plan = rounds();
    const tag = Date.now().toString(36);
    const members = await seedMembers(db, jwt, Math.max(...plan.map((r) => r.members)), tag);

    const done: RaceRound[] = [];
    for (const r of plan) {
      progress(`  race: ${r.capacity} places, ${r.members} members`);
      const round = await race(node.url, node.dbStats, coordinator, members.slice(0, r.members), r.capacity);
      done.push(round);
      problems.push(...round.problems.map((p) => `race ${r.capacity}/${r.members}: ${p}`));
    }

    // (b) the big event: 3/4 members, 1/4 prospects; capacity 90 % going, then a line, then maybe.
    progress(`  seeding an event with ${size} attendees`);
    const prospects = Math.floor(size / 4);
    const capacity = Math.floor(size * 0.9);
    const lineLength = Math.floor(size * 0.05);
    const event = await createEvent(node.url, coordinator, `Bench event of ${size}`, capacity);
    const eid = new ObjectId(event.id);
    const me = members[0]!;
    const orgs = await db
      .collection('organisations')
      .find({}, { projection: { name: 1, country: 1 } })
      .limit(20)
      .toArray();
    const countries = ['LT', 'LV', 'EE', 'PL', 'OM', 'KZ', 'AZ', 'DE'];
    const t0 = performance.now();
    const docs: Document[] = [];
    let seq = 0;
    const now = Date.now();
    for (let i = 0; i < size; i++) {
      const prospect = i % 4 === 3;
      // status by place: the first `capacity` going, then the line, then maybe; the bench's own member waits in line (their page shows a position)
      const status = i < capacity ? 'going' : i < capacity + lineLength ? 'waitlisted' : 'maybe';
      const isMe = i === capacity; // first in line
      const org = orgs[i % Math.max(1, orgs.length)];
      const userId = isMe ? new ObjectId(me.userId) : prospect ? null : new ObjectId();
      docs.push({
        eventId: eid,
        key: prospect && !isMe ? `e:prospect-${i}@bench.example` : `u:${userId!.toHexString()}`,
        kind: prospect && !isMe ? 'prospect' : 'member',
        userId: prospect && !isMe ? null : userId,
        email: prospect && !isMe ? `prospect-${i}@bench.example` : null,
        name: prospect ? `Prospect ${i}` : `Member ${i}`,
        organisationId: prospect || !org ? null : org['_id'],
        organisationName: prospect ? `Prospect company ${i % 37}` : ((org?.['name'] as string | undefined) ?? null),
        country: prospect ? countries[i % countries.length]! : ((org?.['country'] as string | undefined) ?? 'LT'),
        language: 'en',
        cancelTokenHash: prospect && !isMe ? randomBytes(16).toString('hex') : null,
        status,
        offerExpiresAt: null,
        offerTokenHash: null,
        lapsedAt: null,
        waitSeq: status === 'waitlisted' ? ++seq : null,
        version: 1,
        respondedAt: new Date(now - (size - i) * 1000),
        createdAt: new Date(now - (size - i) * 1000),
      });
    }
    for (let i = 0; i < docs.length; i += 1000)
      await db.collection('event_attendance').insertMany(docs.slice(i, i + 1000), { ordered: false });
    await db.collection('events').updateOne({ _id: eid }, { $set: { going: capacity, free: 0, waitSeq: seq } });
    const seedSeconds = Math.round((performance.now() - t0) / 100) / 10;
    progress('');

    const check = await api<AttendeesResponse>(node.url, 'GET', `/api/events/${event.id}/attendees`, coordinator);
    if (check.body.items.length !== size) problems.push(`attendees lists ${check.body.items.length} (must be ${size})`);
    const mine = await api<{ event: ClusterEvent }>(node.url, 'GET', `/api/events/${event.id}`, me.token);
    if (mine.body.event.myRsvp?.status !== 'waitlisted' || mine.body.event.myRsvp.position !== 1)
      problems.push(`the member's own view is ${JSON.stringify(mine.body.event.myRsvp)} (must be waitlisted at 1)`);

    // warm-up, then one request at a time
    for (const p of ['/api/health', `/api/events/${event.id}`, `/api/events/${event.id}/attendees`])
      await timeGet(node.url, p, coordinator, 5);
    const health = await timeGet(node.url, '/api/health', undefined, samples, node.dbStats);
    const asOrganiser = await timeGet(node.url, `/api/events/${event.id}`, coordinator, samples, node.dbStats);
    const asMember = await timeGet(node.url, `/api/events/${event.id}`, me.token, samples, node.dbStats);
    const list = await timeGet(node.url, `/api/events/${event.id}/attendees`, coordinator, samples, node.dbStats);
    // The same query the attendees endpoint sends (AttendanceRepository.list), through the raw driver: what the database alone costs.
    const raw: number[] = [];
    for (let i = 0; i < samples; i++) {
      const t = performance.now();
      await db
        .collection('event_attendance')
        .find({ eventId: eid, status: { $ne: 'none' } })
        .toArray();
      raw.push(performance.now() - t);
    }
    const rawList = stats(raw);
    const x = (s: Stats): number => Math.round((s.p50 / health.s.p50) * 10) / 10;
    const pages: PageTiming[] = [
      { what: 'GET /api/health (baseline)', latencyMs: health.s, p50X: 1, bytes: health.bytes, dbCommandsPerRequest: health.db },
      {
        what: `GET /api/events/:id (organiser)`,
        latencyMs: asOrganiser.s,
        p50X: x(asOrganiser.s),
        bytes: asOrganiser.bytes,
        dbCommandsPerRequest: asOrganiser.db,
      },
      {
        what: `GET /api/events/:id (member in line)`,
        latencyMs: asMember.s,
        p50X: x(asMember.s),
        bytes: asMember.bytes,
        dbCommandsPerRequest: asMember.db,
      },
      {
        what: `GET /api/events/:id/attendees (${size})`,
        latencyMs: list.s,
        p50X: x(list.s),
        bytes: list.bytes,
        dbCommandsPerRequest: list.db,
      },
      { what: `  the same attendance query, raw driver`, latencyMs: rawList, p50X: x(rawList), bytes: 0, dbCommandsPerRequest: 1 },
    ];
    return {
      rounds: done,
      attendees: { members: size - prospects, prospects, seedSeconds, counts: check.body.counts },
      samples,
      pages,
      problems,
    };
  } finally {
    await client.close();
    await node.stop();
  }
}
