// Chat fan-out: N sockets in channels of 50 members, senders at a target rate; delivery latency,
// throughput, lost and duplicated deliveries — for our API and, in the same run, for a bare
// Socket.IO + raw-driver baseline (baseline-server.ts) with the same clients and the same load.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { io, Socket } from 'socket.io-client';
import { api, Api, commandsBetween, envInt, freePort, onCleanup, progress, ROOT, sleep, stats, Stats } from './lib';

export interface FanoutOptions {
  sockets: number;
  channelSize: number;
  /** offered loads, messages per second, one step each (latency over load) */
  rates: number[];
  seconds: number;
}

export const fanoutOptions = (): FanoutOptions => ({
  sockets: envInt('BENCH_SOCKETS', 200),
  channelSize: envInt('BENCH_CHANNEL_SIZE', 50),
  rates: (process.env['BENCH_RATES'] ?? '5,10,20')
    .split(',')
    .map(Number)
    .filter((r) => r > 0),
  seconds: envInt('BENCH_SECONDS', 8),
});

export interface Clients {
  members: Member[];
  groups: string[];
  close(): void;
}

export interface FanoutResult {
  target: string;
  offeredRate: number;
  sent: number;
  acked: number;
  rejected: number;
  expectedDeliveries: number;
  delivered: number;
  lost: number;
  duplicated: number;
  sendSeconds: number;
  messagesPerSecond: number;
  deliveriesPerSecond: number;
  latencyMs: Stats;
  /** deliveries whose receiver is on another API node than the sender (two-node runs only) */
  crossNodeLatencyMs?: Stats;
  ackMs: Stats;
}

export interface Member {
  socket: Socket;
  group: number;
  /** which API node the socket is connected to (two-node runs) */
  node?: number;
}

/** Connects every client (auth per client), waiting for `ready` (rooms joined), a few at a time. */
async function connectAll(url: string | ((i: number) => string), auths: Record<string, unknown>[]): Promise<Socket[]> {
  const out = new Array<Socket>(auths.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    for (;;) {
      const i = next++;
      if (i >= auths.length) return;
      const s = io(typeof url === 'string' ? url : url(i), {
        auth: auths[i],
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
      });
      out[i] = s;
      await new Promise<void>((ok, fail) => {
        s.once('ready', () => ok());
        s.once('connect_error', fail);
      });
    }
  };
  await Promise.all(Array.from({ length: 20 }, worker));
  return out;
}

/** Sends at the target rate from random members of each group and counts every delivery. */
export async function drive(
  target: string,
  clients: Clients,
  rate: number,
  seconds: number,
  payload: (group: string, clientMsgId: string) => object,
): Promise<FanoutResult> {
  const { members, groups } = clients;
  const byGroup = groups.map((_, g) => members.filter((m) => m.group === g));
  const sentAt = new Map<string, number>();
  const sentFrom = new Map<string, number | undefined>();
  const cross: number[] = [];
  const seen = new Map<string, number>(); // `${memberIndex}:${clientMsgId}` → count
  const latencies: number[] = [];
  const acks: number[] = [];
  let delivered = 0;
  let duplicated = 0;
  let acked = 0;
  let rejected = 0;
  let expected = 0;
  let lastAck = 0;
  let lastDelivery = 0;
  const listeners = members.map((m, i) => {
    const listener = (e: { message: { clientMsgId: string } }): void => {
      const key = e.message.clientMsgId;
      const t0 = sentAt.get(key);
      if (t0 === undefined) return; // not ours (e.g. demo traffic)
      const k = `${i}:${key}`;
      const c = (seen.get(k) ?? 0) + 1;
      seen.set(k, c);
      if (c > 1) duplicated++;
      else {
        delivered++;
        lastDelivery = performance.now();
        latencies.push(lastDelivery - t0);
        if (m.node !== undefined && sentFrom.get(key) !== m.node) cross.push(lastDelivery - t0);
      }
    };
    m.socket.on('message:new', listener);
    return listener;
  });
  const total = rate * seconds;
  const start = performance.now();
  const pending: Promise<void>[] = [];
  for (let k = 0; k < total; k++) {
    const due = start + (k * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    const g = k % groups.length;
    const group = byGroup[g]!;
    const sender = group[Math.floor(Math.random() * group.length)]!;
    const clientMsgId = `b${target[0]}${k.toString(36).padStart(6, '0')}${Math.random().toString(36).slice(2, 8)}`;
    sentAt.set(clientMsgId, performance.now());
    sentFrom.set(clientMsgId, sender.node);
    pending.push(
      new Promise<void>((ok) => {
        sender.socket.emit('message:send', payload(groups[g]!, clientMsgId), (res: { ok: boolean }) => {
          lastAck = performance.now();
          acks.push(lastAck - sentAt.get(clientMsgId)!);
          if (res.ok) {
            acked++;
            expected += group.length;
          } else rejected++;
          ok();
        });
      }),
    );
    if (k % rate === 0) progress(`  ${target} @ ${rate} msg/s: sent ${k}/${total}, delivered ${delivered}`);
  }
  await Promise.race([Promise.all(pending), sleep(60_000)]);
  const sendSeconds = (performance.now() - start) / 1000;
  const drainUntil = performance.now() + 15_000;
  while (delivered < expected && performance.now() < drainUntil) await sleep(50);
  await sleep(300); // late duplicates would show here
  progress('');
  members.forEach((m, i) => m.socket.off('message:new', listeners[i]));
  return {
    target,
    offeredRate: rate,
    sent: total,
    acked,
    rejected,
    expectedDeliveries: expected,
    delivered,
    lost: expected - delivered,
    duplicated,
    sendSeconds: Math.round(sendSeconds * 10) / 10,
    messagesPerSecond: Math.round((acked / Math.max(1, lastAck - start)) * 1000 * 10) / 10,
    deliveriesPerSecond: Math.round((delivered / Math.max(1, lastDelivery - start)) * 1000),
    latencyMs: stats(latencies),
    ...(cross.length ? { crossNodeLatencyMs: stats(cross) } : {}),
    ackMs: stats(acks),
  };
}

/** Ours: users in channels of `channelSize`, each user one socket. */
export async function clientsOurs(
  url: string,
  users: { token: string; userId: string }[],
  opts: FanoutOptions,
  tag: string,
  socketUrls: string[] = [url],
): Promise<Clients> {
  const groups: string[] = [];
  const groupOf: number[] = [];
  for (let g = 0; g * opts.channelSize < users.length; g++) {
    const owner = users[g * opts.channelSize]!;
    const res = await api<{ channel: { id: string } }>(url, 'POST', '/api/channels', owner.token, {
      name: `bench-${tag}-${g}`,
      type: 'public',
    });
    if (res.status !== 201) throw new Error(`create channel: ${res.status} ${JSON.stringify(res.body)}`);
    groups.push(res.body.channel.id);
  }
  let next = 0;
  const joinWorker = async (): Promise<void> => {
    for (;;) {
      const i = next++;
      if (i >= users.length) return;
      const g = Math.floor(i / opts.channelSize);
      groupOf[i] = g;
      if (i % opts.channelSize === 0) continue; // the creator is a member
      const res = await api(url, 'POST', `/api/channels/${groups[g]}/join`, users[i]!.token);
      if (res.status >= 300) throw new Error(`join: ${res.status} ${JSON.stringify(res.body)}`);
    }
  };
  await Promise.all(Array.from({ length: 8 }, joinWorker));
  progress(`  ours: connecting ${users.length} sockets`);
  const sockets = await connectAll(
    (i) => socketUrls[i % socketUrls.length]!,
    users.map((u) => ({ token: u.token })),
  );
  onCleanup(() => sockets.forEach((s) => s.close()));
  const members = sockets.map((socket, i) => ({
    socket,
    group: groupOf[i]!,
    ...(socketUrls.length > 1 ? { node: i % socketUrls.length } : {}),
  }));
  return { members, groups, close: () => sockets.forEach((s) => s.close()) };
}

export const oursPayload = (channelId: string, clientMsgId: string): object => ({ channelId, clientMsgId, body: `bench ${clientMsgId}` });
export const baselinePayload = (_room: string, clientMsgId: string): object => ({ clientMsgId, body: `bench ${clientMsgId}` });

/** The baseline: the same number of clients and rooms on a bare Socket.IO server writing with the raw driver. */
export async function clientsBaseline(mongoUri: string, opts: FanoutOptions): Promise<Clients> {
  const port = await freePort();
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', join(ROOT, 'bench/baseline-server.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      MONGODB_URI: mongoUri,
      MONGODB_DB: 'bench_baseline',
      TS_NODE_PROJECT: join(ROOT, 'bench/tsconfig.json'),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  onCleanup(() => void child.kill('SIGTERM'));
  await new Promise<void>((ok, fail) => {
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('listening') && ok());
    child.once('exit', (c) => fail(new Error(`baseline server exited with ${c}`)));
  });
  const groups = Array.from({ length: Math.ceil(opts.sockets / opts.channelSize) }, (_, g) => `room-${g}`);
  progress(`  baseline: connecting ${opts.sockets} sockets`);
  const sockets = await connectAll(
    `http://127.0.0.1:${port}`,
    Array.from({ length: opts.sockets }, (_, i) => ({ room: groups[Math.floor(i / opts.channelSize)] })),
  );
  onCleanup(() => sockets.forEach((s) => s.close()));
  const members = sockets.map((socket, i) => ({ socket, group: Math.floor(i / opts.channelSize) }));
  return {
    members,
    groups,
    close: () => {
      sockets.forEach((s) => s.close());
      child.kill('SIGTERM');
    },
  };
}

export interface RoundTrips {
  sends: number;
  /** database commands per plain send (each a round trip), background subtracted */
  perSend: number;
  /** the same, per command name */
  byCommand: Record<string, number>;
  /** commands per second the idle API sends on its own (pollers, leases), measured just after */
  idlePerSecond: number;
}

const round1 = (x: number): number => Math.round(x * 10) / 10;

/** The idle API's own command rate (pollers, leases, stall repair), per command name and ms, over `ms`. */
export async function idleCommandRate(target: Api, ms: number): Promise<{ perMs: Record<string, number>; perSecond: number }> {
  const a = await target.dbStats();
  await sleep(ms);
  const b = await target.dbStats();
  const d = commandsBetween(a, b);
  return {
    perMs: Object.fromEntries(Object.entries(d).map(([k, v]) => [k, v / ms])),
    perSecond: round1((Object.values(d).reduce((x, y) => x + y, 0) * 1000) / ms),
  };
}

/**
 * Round trips of a plain send, counted: `sends` messages one after another (each awaited until its
 * ack and its delivery to every member), the API's command counts before and after, less the idle
 * background measured over as long right after. Deterministic where the timings are not.
 */
export async function roundTripsPerSend(target: Api, clients: Clients, sends = 40): Promise<RoundTrips> {
  const { members, groups } = clients;
  const byGroup = groups.map((_, g) => members.filter((m) => m.group === g));
  // a few regular senders per channel (people who keep talking, under the per-person send rate),
  // each warmed up once: what a node learns once (channel and membership facts) is not a send's cost
  const senders = (g: number): Member[] => byGroup[g % groups.length]!.slice(0, 8);
  const one = async (g: number, who: number, k: number): Promise<void> => {
    const group = byGroup[g % groups.length]!;
    const pick = senders(g);
    const sender = pick[who % pick.length]!;
    const clientMsgId = `rt${k.toString(36)}${Math.random().toString(36).slice(2, 8)}`;
    let arrived = 0;
    let listener: (e: { message: { clientMsgId: string } }) => void = () => undefined;
    const done = new Promise<void>((ok) => {
      listener = (e) => {
        if (e.message.clientMsgId === clientMsgId && ++arrived === group.length) ok();
      };
      group.forEach((m) => m.socket.on('message:new', listener));
    });
    void done.then(() => group.forEach((m) => m.socket.off('message:new', listener)));
    const acked = new Promise<void>((ok, fail) =>
      sender.socket.emit('message:send', oursPayload(groups[g % groups.length]!, clientMsgId), (res: { ok: boolean; error?: unknown }) =>
        res.ok ? ok() : fail(new Error(`send refused: ${JSON.stringify(res.error)}`)),
      ),
    );
    await Promise.race([
      Promise.all([acked, done]),
      sleep(10_000).then(() => Promise.reject(new Error('round-trip probe: a send was not delivered within 10 s'))),
    ]);
  };
  let k = 0;
  for (let g = 0; g < groups.length; g++) for (let w = 0; w < senders(g).length; w++) await one(g, w, k++);
  await sleep(1000); // the warm-up senders' rate allowance refills
  await sleep(300);
  const a = await target.dbStats();
  const t0 = performance.now();
  for (let i = 0; i < sends; i++) await one(i, Math.floor(i / groups.length), k++);
  await sleep(300); // anything a send leaves for later (listeners) lands in the count
  const ms = performance.now() - t0;
  const b = await target.dbStats();
  const idle = await idleCommandRate(target, ms);
  const d = commandsBetween(a, b, { perMs: idle.perMs, ms });
  const total = Object.values(d).reduce((x, y) => x + y, 0);
  return {
    sends,
    perSend: round1(total / sends),
    byCommand: Object.fromEntries(Object.entries(d).map(([k, v]) => [k, round1(v / sends)])),
    idlePerSecond: idle.perSecond,
  };
}
