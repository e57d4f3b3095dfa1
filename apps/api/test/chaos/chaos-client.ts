import { createConnection, createServer } from 'node:net';
import { io, Socket } from 'socket.io-client';
import type { Ack, Message, MessageNewEvent, MessagePage } from '@klasteris/contracts';

/** What the chaos cases share: REST and socket clients that behave like the web client under faults. */

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => ok(port));
    });
  });
}

/** True once something accepts TCP connections on 127.0.0.1:port. */
export async function listening(port: number): Promise<boolean> {
  return new Promise((ok) => {
    const sock = createConnection({ port, host: '127.0.0.1' });
    sock.setTimeout(500);
    sock.once('connect', () => (sock.destroy(), ok(true)));
    sock.once('error', () => (sock.destroy(), ok(false)));
    sock.once('timeout', () => (sock.destroy(), ok(false)));
  });
}

/** Retries `check` (an assertion) every 200 ms until it passes; rethrows its last failure after `ms`. */
export async function eventually(check: () => Promise<void> | void, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      await check();
      return;
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await sleep(200);
    }
  }
}

export async function api<T>(
  url: string,
  method: string,
  path: string,
  token?: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: {
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(15_000),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}

export async function signIn(url: string, email: string): Promise<{ token: string; userId: string }> {
  const res = await api<{ accessToken: string; user: { id: string } }>(url, 'POST', '/api/auth/login', undefined, {
    email,
    password: 'klasteris-demo',
  });
  if (res.status !== 200) throw new Error(`login ${email}: ${res.status}`);
  return { token: res.body.accessToken, userId: res.body.user.id };
}

/** Everything a node serves for a channel after `after`, page by page (catch-up). */
export async function catchUp(url: string, token: string, channelId: string, after: number): Promise<Message[]> {
  const out: Message[] = [];
  for (let cursor = after; ;) {
    const res = await api<MessagePage>(url, 'GET', `/api/channels/${channelId}/messages?after=${cursor}&limit=100`, token);
    if (res.status !== 200) throw new Error(`catch-up: ${res.status} ${JSON.stringify(res.body)}`);
    out.push(...res.body.items);
    if (!res.body.hasMore || res.body.items.length === 0) return out;
    cursor = res.body.items[res.body.items.length - 1]!.seq;
  }
}

/**
 * The highest seq up to which this client has seen every message live (seqs start at 1 in a new
 * channel). Catch-up starts here, not at the highest seq seen: live events of two nodes can arrive
 * out of order (N+1 relayed through Redis before N from the local node), and if the node dies in
 * between, N would never arrive. Holes left by voided seqs only make the catch-up fetch a little more.
 */
export function contiguousSeq(live: Message[]): number {
  const seen = new Set(live.map((m) => m.seq));
  let seq = 0;
  while (seen.has(seq + 1)) seq++;
  return seq;
}

/** Ack codes after which a client resends the same clientMsgId (after the advised wait). */
const TRANSIENT = new Set(['RATE_LIMITED', 'SERVICE_UNAVAILABLE']);

/**
 * A client that resends every unacked message (same clientMsgId) until it is acked: on an ack
 * timeout, on a transient error (RATE_LIMITED, SERVICE_UNAVAILABLE) and after reconnecting —
 * to `fallback()` when its node is gone. Any other error fails the send.
 */
export class Sender {
  socket!: Socket;
  readonly live: Message[] = [];
  failovers = 0;
  /** transient errors and ack timeouts seen, by code ('timeout' for no ack) */
  readonly retries: Record<string, number> = {};
  /** the highest seq seen live without a gap before the first failover: where catch-up starts */
  seqBeforeFailover: number | null = null;

  constructor(
    readonly token: string,
    private readonly fallback: () => string,
    private readonly sockets: Socket[],
    private readonly ackTimeoutMs = 5000,
  ) {}

  /** Connects (retrying for up to 20 s: a node under load may refuse a handshake for a moment). */
  async connect(url: string): Promise<void> {
    this.socket?.close();
    const deadline = Date.now() + 20_000;
    for (;;) {
      const s = io(url, { auth: { token: this.token }, transports: ['websocket'], reconnection: false, forceNew: true });
      this.sockets.push(s);
      s.on('message:new', (e: MessageNewEvent) => this.live.push(e.message));
      const ok = await new Promise<boolean>((done) => {
        s.once('ready', () => done(true));
        s.once('connect_error', () => done(false));
        s.once('disconnect', () => done(false));
      });
      if (ok) {
        this.socket = s;
        return;
      }
      s.close();
      if (Date.now() > deadline) throw new Error(`could not connect to ${url} within 20 s`);
      await sleep(300);
    }
  }

  async send(payload: { channelId: string; clientMsgId: string; body: string }, deadlineMs = 60_000): Promise<Message> {
    const deadline = Date.now() + deadlineMs;
    while (Date.now() < deadline) {
      if (!this.socket.connected) {
        this.failovers++;
        this.seqBeforeFailover ??= contiguousSeq(this.live);
        await this.connect(this.fallback());
      }
      let res: Ack<{ message: Message }>;
      try {
        res = (await this.socket.timeout(this.ackTimeoutMs).emitWithAck('message:send', payload)) as Ack<{ message: Message }>;
      } catch {
        this.retries['timeout'] = (this.retries['timeout'] ?? 0) + 1;
        continue; // no ack (node died, database away): resend, the clientMsgId makes it safe
      }
      if (res.ok) return res.message;
      if (!TRANSIENT.has(res.error.code)) throw new Error(`send refused: ${JSON.stringify(res.error)}`);
      this.retries[res.error.code] = (this.retries[res.error.code] ?? 0) + 1;
      const wait = Number(res.error.details?.['retryAfter'] ?? 0.5);
      await sleep(Math.min(2000, Math.max(100, (Number.isFinite(wait) ? wait : 0.5) * 1000)));
    }
    throw new Error(`never acked within ${deadlineMs / 1000} s: ${payload.clientMsgId}`);
  }
}
