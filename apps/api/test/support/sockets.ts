import { io, Socket } from 'socket.io-client';
import type { Ack, SocketReadyEvent } from '@klasteris/contracts';

/** Socket.IO clients for tests; close them all in afterEach/afterAll (open clients keep Jest alive). */
export class SocketPool {
  private readonly open: Socket[] = [];

  constructor(private readonly url: () => string) {}

  async connect(token: string): Promise<Socket> {
    return (await this.connectReady(token)).socket;
  }

  /** Connects and also returns the `ready` payload (the socket's user and when its token expires). */
  async connectReady(token: string): Promise<{ socket: Socket; ready: SocketReadyEvent }> {
    const s = io(this.url(), { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
    this.open.push(s);
    const ready = await new Promise<SocketReadyEvent>((ok, fail) => {
      s.once('ready', (p: SocketReadyEvent) => ok(p));
      s.once('connect_error', (e) => fail(e));
    });
    return { socket: s, ready };
  }

  closeAll(): void {
    this.open.splice(0).forEach((s) => s.close());
  }
}

export function emitAck<T extends object = object>(s: Socket, event: string, payload: unknown): Promise<Ack<T>> {
  return new Promise((ok) => s.emit(event, payload, (res: Ack<T>) => ok(res)));
}

/** Collects every payload of an event on a socket. */
export function collect<T>(s: Socket, event: string): T[] {
  const got: T[] = [];
  s.on(event, (p: T) => got.push(p));
  return got;
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Waits until `check` passes (polling), or fails with its last error after `ms`. */
export async function eventually(check: () => void | Promise<void>, ms = 3000): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      await check();
      return;
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await sleep(25);
    }
  }
}

let n = 0;
export const clientId = (): string => `c${Date.now().toString(36)}${(n++).toString(36)}xxxx`;
