// `npm run bench [scenario...]`: chat fan-out (ours vs a bare Socket.IO + raw-driver baseline),
// two nodes with Redis (vs one node), booking race, REST hot paths, history (a 1,000,000-message
// channel: newest and deep page, 10,000-message catch-up), outbox (invitation mails to a local SMTP server). Each prints a table and writes JSON under bench/results/.
// Sizes are modest by default (see README "Performance"); raise them with BENCH_SOCKETS, BENCH_RATE,
// BENCH_SECONDS, BENCH_RACE_REQUESTS, BENCH_REST_SECONDS, BENCH_REST_CONNECTIONS; history takes
// BENCH_HISTORY_MESSAGES, BENCH_HISTORY_SAMPLES, BENCH_HISTORY_CATCHUP; events (RSVP race, a 2,000-attendee event page)
// takes BENCH_EVENTS_RACE ("10x50,100x500"), BENCH_EVENTS_ATTENDEES, BENCH_EVENTS_SAMPLES.
import { boardScenario } from './board';
import { bookingRace } from './booking-race';
import { eventsScenario } from './events';
import { history } from './history';
import { outboxScenario } from './outbox';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { lineChartSvg } from './chart';
import {
  baselinePayload,
  clientsBaseline,
  clientsOurs,
  drive,
  fanoutOptions,
  FanoutResult,
  idleCommandRate,
  oursPayload,
  roundTripsPerSend,
} from './chat-fanout';
import {
  cleanup,
  commandsBetween,
  FERRETDB_CAVEAT,
  machine,
  registerUsers,
  ROOT,
  startApi,
  startDatabase,
  startRedis,
  table,
  writeResult,
} from './lib';
import { restHotPaths } from './rest';

const SCENARIOS = ['chat', 'nodes', 'race', 'rest', 'history', 'outbox', 'events', 'board'] as const;

const mb = (bytes: number): number => Math.round(bytes / 2 ** 20);

function fanoutRow(r: FanoutResult, db?: { perSend: number; rssMb: number }): Record<string, string | number> {
  return {
    target: r.target,
    offered: r.offeredRate,
    'sent/acked': `${r.sent}/${r.acked}`,
    'msg/s': r.messagesPerSecond,
    'deliveries/s': r.deliveriesPerSecond,
    'p50 ms': r.latencyMs.p50,
    'p95 ms': r.latencyMs.p95,
    'p99 ms': r.latencyMs.p99,
    'max ms': r.latencyMs.max,
    'cross-node p99 ms': r.crossNodeLatencyMs?.p99 ?? '',
    'ack p99 ms': r.ackMs.p99,
    lost: r.lost,
    dup: r.duplicated,
    'db cmds/send': db?.perSend ?? '',
    'API RSS MB': db?.rssMb ?? '',
  };
}

async function main(): Promise<void> {
  const wanted = process.argv.slice(2).filter((a) => (SCENARIOS as readonly string[]).includes(a));
  // `nodes` starts two more API processes and Redis, `history` seeds a million messages: only when asked for.
  const run = wanted.length ? wanted : SCENARIOS.filter((s) => s !== 'nodes' && s !== 'history' && s !== 'board');
  process.stdout.write(`Klasteris benchmarks: ${run.join(', ')}\nmachine: ${JSON.stringify(machine())}\n${FERRETDB_CAVEAT}\n`);
  const mongoUri = await startDatabase();
  const dbName = `bench_${Date.now().toString(36)}`;
  const apiProc = await startApi(mongoUri, dbName);
  let failed = false;

  if (run.includes('chat')) {
    const opts = fanoutOptions();
    process.stdout.write(
      `\n[chat fan-out] ${opts.sockets} sockets, channels of ${opts.channelSize}, offered ${opts.rates.join(' / ')} msg/s, ${opts.seconds} s each\n`,
    );
    const users = await registerUsers(apiProc.url, opts.sockets, Date.now().toString(36));
    const base = await clientsBaseline(mongoUri, opts);
    const ours = await clientsOurs(apiProc.url, users, opts, Date.now().toString(36));
    // Round trips of a plain send, counted with the driver's command monitoring (not estimated).
    const rt = await roundTripsPerSend(apiProc, ours);
    const rssAtSockets = (await apiProc.dbStats()).rssBytes;
    table(
      `database round trips per plain send (${rt.sends} sends one at a time, driver command monitoring, idle background of ${rt.idlePerSecond} commands/s subtracted); API RSS ${mb(rssAtSockets)} MB with ${opts.sockets} sockets`,
      [{ 'round trips per send': rt.perSend, ...rt.byCommand }],
    );
    const idle = await idleCommandRate(apiProc, 2000);
    const steps: {
      rate: number;
      ours: FanoutResult;
      baseline: FanoutResult;
      ratio: { throughput: number; p99LatencyX: number };
      dbCommandsPerSend: number;
      apiRssMb: number;
    }[] = [];
    for (const rate of opts.rates) {
      const b = await drive('baseline', base, rate, opts.seconds, baselinePayload);
      const before = await apiProc.dbStats();
      const t0 = performance.now();
      const o = await drive('ours', ours, rate, opts.seconds, oursPayload);
      const after = await apiProc.dbStats();
      const cmds = commandsBetween(before, after, { perMs: idle.perMs, ms: performance.now() - t0 });
      const db = {
        perSend: Math.round((Object.values(cmds).reduce((x, y) => x + y, 0) / Math.max(1, o.acked)) * 10) / 10,
        rssMb: mb(after.rssBytes),
      };
      const ratio = {
        throughput: Math.round((o.deliveriesPerSecond / b.deliveriesPerSecond) * 100) / 100,
        p99LatencyX: Math.round((o.latencyMs.p99 / b.latencyMs.p99) * 10) / 10,
      };
      steps.push({ rate, ours: o, baseline: b, ratio, dbCommandsPerSend: db.perSend, apiRssMb: db.rssMb });
      table(
        `chat fan-out at ${rate} msg/s offered: ours/baseline deliveries ${ratio.throughput}, p99 latency ${ratio.p99LatencyX}× the baseline`,
        [fanoutRow(o, db), fanoutRow(b)],
      );
      if (o.lost || o.duplicated || o.rejected) {
        failed = true;
        process.stdout.write(`!! ours: ${o.lost} lost, ${o.duplicated} duplicated, ${o.rejected} rejected sends (must be 0)\n`);
      }
    }
    base.close();
    ours.close();
    const file = writeResult('chat-fanout', {
      options: opts,
      roundTrips: rt,
      apiRssMbAtSockets: mb(rssAtSockets),
      steps,
      caveat: FERRETDB_CAVEAT,
    });
    process.stdout.write(`→ ${file}\n`);
    if (process.env['BENCH_CHART'] !== '0') {
      const chart = join(ROOT, 'bench', 'charts', 'chat-latency.svg');
      lineChartSvg(
        chart,
        `Chat delivery latency, ${opts.sockets} sockets in channels of ${opts.channelSize}`,
        'offered load (messages/s)',
        'latency (ms, log)',
        [
          { name: 'ours p99', color: '#c62828', points: steps.map((s) => [s.rate, s.ours.latencyMs.p99]) },
          { name: 'ours p50', color: '#c62828', dashed: true, points: steps.map((s) => [s.rate, s.ours.latencyMs.p50]) },
          { name: 'baseline p99', color: '#1565c0', points: steps.map((s) => [s.rate, s.baseline.latencyMs.p99]) },
          { name: 'baseline p50', color: '#1565c0', dashed: true, points: steps.map((s) => [s.rate, s.baseline.latencyMs.p50]) },
        ],
      );
      process.stdout.write(`→ ${chart}\n`);
    }
  }

  if (run.includes('nodes')) {
    // The same fan-out with the clients split over two API nodes sharing Redis, against all clients
    // on one of those nodes, in the same run.
    const opts = fanoutOptions();
    const rate = opts.rates[0]!;
    process.stdout.write(
      `\n[two nodes] ${opts.sockets} sockets, channels of ${opts.channelSize}, ${rate} msg/s for ${opts.seconds} s, one node vs two nodes with Redis\n`,
    );
    const redisUrl = await startRedis();
    const shared = { REDIS_URL: redisUrl, JWT_SECRET: randomBytes(32).toString('hex') };
    const dbName = `bench_nodes_${Date.now().toString(36)}`;
    const nodeA = await startApi(mongoUri, dbName, shared);
    const nodeB = await startApi(mongoUri, dbName, shared);
    const users = await registerUsers(nodeA.url, opts.sockets, `n${Date.now().toString(36)}`);
    const one = await clientsOurs(nodeA.url, users, opts, `one${Date.now().toString(36)}`);
    const single = await drive('one node', one, rate, opts.seconds, oursPayload);
    one.close();
    const two = await clientsOurs(nodeA.url, users, opts, `two${Date.now().toString(36)}`, [nodeA.url, nodeB.url]);
    const split = await drive('two nodes', two, rate, opts.seconds, oursPayload);
    two.close();
    const ratio = Math.round((split.latencyMs.p99 / single.latencyMs.p99) * 100) / 100;
    table(`two nodes with Redis vs one node at ${rate} msg/s (p99 latency ${ratio}× one node)`, [fanoutRow(split), fanoutRow(single)]);
    process.stdout.write(
      `→ ${writeResult('two-nodes', { options: { ...opts, rate }, single, split, p99Ratio: ratio, caveat: FERRETDB_CAVEAT })}\n`,
    );
    if (split.lost || split.duplicated || split.rejected) {
      failed = true;
      process.stdout.write(
        `!! two nodes: ${split.lost} lost, ${split.duplicated} duplicated, ${split.rejected} rejected sends (must be 0)\n`,
      );
    }
  }

  if (run.includes('race')) {
    process.stdout.write('\n[booking race]\n');
    const r = await bookingRace(apiProc.url);
    table('booking race (one slot, one unit)', [
      {
        case: `${r.requests} conflicting`,
        'settle ms': r.settleMs,
        winners: r.winners,
        '409s': r.conflicts,
        other: JSON.stringify(r.otherStatuses),
      },
      {
        case: `${r.requests} non-conflicting (baseline)`,
        'settle ms': r.baselineSettleMs,
        winners: r.baselineCreated,
        '409s': 0,
        other: '',
      },
    ]);
    process.stdout.write(`→ ${writeResult('booking-race', r)}\n`);
    if (r.winners !== 1) {
      failed = true;
      process.stdout.write(`!! ${r.winners} winners (must be 1)\n`);
    }
  }

  if (run.includes('rest')) {
    process.stdout.write('\n[REST hot paths] autocannon\n');
    const rows = await restHotPaths(apiProc.url, () => apiProc.dbStats());
    table(
      'REST hot paths (ratio = requests/s against GET /api/health in the same run)',
      rows as unknown as Record<string, string | number>[],
    );
    process.stdout.write(`→ ${writeResult('rest', { rows, caveat: FERRETDB_CAVEAT })}\n`);
  }

  if (run.includes('outbox')) {
    process.stdout.write('\n[outbox] invitations → outbox → worker → a real SMTP server in this process\n');
    const o = await outboxScenario(async (env) => {
      const node = await startApi(mongoUri, `bench_outbox_${Date.now().toString(36)}`, env);
      return { url: node.url, stop: async () => void node.child.kill('SIGTERM') };
    });
    table(`outbox: ${o.mails} mails, ${o.concurrency} SMTP connections (ratio = mails/s against nodemailer straight to the same server)`, [
      {
        what: 'ours: request → outbox → SMTP 250',
        'mails/s': o.mailsPerSecond,
        'cause→delivery p50 ms': o.causeToDeliveryMs.p50,
        'p95 ms': o.causeToDeliveryMs.p95,
        'p99 ms': o.causeToDeliveryMs.p99,
        'max ms': o.causeToDeliveryMs.max,
        duplicates: o.duplicates,
        ratio: o.ratio,
      },
      {
        what: 'baseline: nodemailer pool, no outbox',
        'mails/s': o.baselineMailsPerSecond,
        'cause→delivery p50 ms': '',
        'p95 ms': '',
        'p99 ms': '',
        'max ms': '',
        duplicates: '',
        ratio: 1,
      },
    ]);
    process.stdout.write(`→ ${writeResult('outbox', o)}\n`);
    if (o.duplicates) {
      failed = true;
      process.stdout.write(`!! ${o.duplicates} duplicated mails (must be 0)\n`);
    }
  }

  if (run.includes('events')) {
    process.stdout.write('\n[events] RSVP race (each answer on its own connection) and an event page with 2,000 attendees\n');
    const evDb = `bench_events_${Date.now().toString(36)}`;
    const ev = await eventsScenario(
      async (env) => {
        const node = await startApi(mongoUri, evDb, env);
        return { url: node.url, stop: async () => void node.child.kill('SIGTERM'), dbStats: () => node.dbStats() };
      },
      mongoUri,
      evDb,
    );
    table(
      'RSVP race: everyone answers "going" at once (settled = until the last answer is in)',
      ev.rounds.map((r) => ({
        case: `${r.members} members, ${r.capacity} places`,
        'settled ms': r.settledMs,
        going: r.going,
        waitlisted: r.waitlisted,
        'event.going': r.eventGoing,
        'line 1..N-C in order': r.linePositionsOk ? 'yes' : 'NO',
        other: JSON.stringify(Object.fromEntries(Object.entries(r.statuses).filter(([k]) => k !== 'going' && k !== 'waitlisted'))),
        'db cmds/answer': r.dbCommandsPerAnswer.total,
      })),
    );
    table(
      `event page: ${ev.attendees.members} members + ${ev.attendees.prospects} prospects (seeded in ${ev.attendees.seedSeconds} s; ${JSON.stringify(ev.attendees.counts)}), ${ev.samples} requests each, one at a time`,
      ev.pages.map((p) => ({
        what: p.what,
        'p50 ms': p.latencyMs.p50,
        'p95 ms': p.latencyMs.p95,
        'p99 ms': p.latencyMs.p99,
        'max ms': p.latencyMs.max,
        'p50 × health': p.p50X,
        bytes: p.bytes,
        'db cmds/req': p.dbCommandsPerRequest,
      })),
    );
    for (const r of ev.rounds)
      process.stdout.write(
        `db commands per answer, ${r.members} members / ${r.capacity} places: ${JSON.stringify(r.dbCommandsPerAnswer.byCommand)}\n`,
      );
    process.stdout.write(`→ ${writeResult('events', { ...ev, caveat: FERRETDB_CAVEAT })}\n`);
    if (ev.problems.length) {
      failed = true;
      for (const p of ev.problems) process.stdout.write(`!! events: ${p}\n`);
    }
  }

  if (run.includes('history')) {
    process.stdout.write('\n[history]\n');
    const h = await history(apiProc, mongoUri, dbName);
    const row = (
      what: string,
      s: { p50: number; p99: number; max: number },
      raw?: { p50: number; p99: number },
    ): Record<string, string | number> => ({
      what,
      'p50 ms': s.p50,
      'p99 ms': s.p99,
      'max ms': s.max,
      'raw driver p50 ms': raw?.p50 ?? '',
      'raw driver p99 ms': raw?.p99 ?? '',
      'p99 ours/raw': raw ? Math.round((s.p99 / raw.p99) * 100) / 100 : '',
    });
    table(
      `history of ${h.messages.toLocaleString('en')} messages (inserted in ${h.insertSeconds} s, ${h.insertPerSecond}/s; ${h.samples} samples each)`,
      [
        row('newest page (50)', h.newestPage, h.rawNewest),
        row('deep page (50, oldest 1 %)', h.deepPage, h.rawDeep),
        row(`catch-up page (100) of ${h.catchUp.messages} in ${h.catchUp.pages} pages, ${h.catchUp.seconds} s total`, h.catchUp.perPage),
      ],
    );
    table(
      `database commands per request (driver command monitoring, one request at a time, idle background of ${h.dbCommands.idlePerSecond} commands/s subtracted)`,
      (['newest', 'deep', 'catchUp'] as const).map((k) => ({
        request: k,
        'commands/request': h.dbCommands[k].total,
        'by command': Object.entries(h.dbCommands[k].byCommand)
          .map(([name, n]) => `${n} ${name}`)
          .join(', '),
      })),
    );
    process.stdout.write(`→ ${writeResult('history', { ...h, caveat: FERRETDB_CAVEAT })}\n`);
  }

  if (run.includes('board')) {
    process.stdout.write('\n[board]\n');
    const b = await boardScenario(apiProc, mongoUri, dbName);
    const fmt = (c: Record<string, number>): string =>
      `${Math.round(Object.values(c).reduce((x, y) => x + y, 0) * 10) / 10} (${Object.entries(c)
        .map(([k, n]) => `${n} ${k}`)
        .join(', ')})`;
    table(`board of ${b.cards.toLocaleString('en')} cards, ${(b.bytes / 2 ** 20).toFixed(2)} MB (${b.samples} samples each, interleaved)`, [
      {
        what: 'cold load (cache stale: every card from the database)',
        'p50 ms': b.cold.p50,
        'p95 ms': b.cold.p95,
        'max ms': b.cold.max,
        'db commands/load': fmt(b.dbCommands.cold),
      },
      {
        what: 'warm load (board cache current)',
        'p50 ms': b.warm.p50,
        'p95 ms': b.warm.p95,
        'max ms': b.warm.max,
        'db commands/load': fmt(b.dbCommands.warm),
      },
      {
        what: 'raw driver: the open cards of the board',
        'p50 ms': b.rawCards.p50,
        'p95 ms': b.rawCards.p95,
        'max ms': b.rawCards.max,
        'db commands/load': '',
      },
    ]);
    process.stdout.write(`cold p50 ours/raw ${Math.round((b.cold.p50 / b.rawCards.p50) * 100) / 100}\n`);
    process.stdout.write(`→ ${writeResult('board', { ...b, caveat: FERRETDB_CAVEAT })}\n`);
  }

  process.stdout.write(`\n${FERRETDB_CAVEAT}\n`);
  if (failed) process.exitCode = 1;
}

main()
  .catch((err: unknown) => {
    process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  })
  .finally(() => void cleanup().then(() => process.exit()));
