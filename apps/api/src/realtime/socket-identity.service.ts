import { Injectable, Logger } from '@nestjs/common';
import type { Event } from 'socket.io';
import { ErrorCode, type Ack } from '@klasteris/contracts';
import { unauthenticated } from '../common/api-exception';
import type { AuthUser } from '../common/auth-user';
import { AccessTokensService } from '../modules/auth/access-tokens.service';
import { IDENTITY_STALE_ROOM, sessionRoom } from './rooms';
import type { AuthedSocket } from './socket-auth';

/** After its token expired, a socket has this long to send `auth:refresh` before the server closes it. */
export const REAUTH_GRACE_MS = 5000;

/** The client event that renews a socket's identity; the only one served once the token has expired. */
export const AUTH_REFRESH_EVENT = 'auth:refresh';

/** Per-socket timers and identity re-reads in flight; kept out of `socket.data`, which the adapter serialises across nodes. */
const timers = new WeakMap<AuthedSocket, NodeJS.Timeout>();
const refreshing = new WeakMap<AuthedSocket, Promise<boolean>>();

/**
 * An open socket acts with the identity of a live token, never the one it connected with:
 * - every incoming event passes `guard` before any gateway sees it;
 * - past the token's `exp` the event is answered `UNAUTHENTICATED` (not served), the client is told
 *   `auth:expired`, and the socket is closed REAUTH_GRACE_MS later unless it re-authenticates;
 * - a role, status or organisation change (UserIdentityChangedEvent) puts the person's sockets, on
 *   every node (socketsJoin goes through the adapter), in IDENTITY_STALE_ROOM: their next event waits
 *   for the identity to be read again from the session and the user (both by primary key), and a
 *   socket whose session or account is no longer live is closed. Events of one socket stay in order.
 */
@Injectable()
export class SocketIdentityService {
  private readonly logger = new Logger('SocketIdentity');

  constructor(private readonly tokens: AccessTokensService) {}

  /** Called by the handshake middleware once the token is verified. */
  attach(socket: AuthedSocket, user: AuthUser, expiresAt: number): void {
    socket.data.user = user;
    socket.data.expiresAt = expiresAt;
    this.arm(socket);
    socket.use((packet, next) => this.guard(socket, packet, next));
    socket.once('disconnect', () => {
      clearTimeout(timers.get(socket));
      timers.delete(socket);
    });
  }

  /** `auth:refresh`: the same person's fresh token renews the identity, the expiry and the session room. */
  async reauthenticate(socket: AuthedSocket, token: string): Promise<{ expiresAt: string }> {
    const auth = await this.tokens.authenticate(token);
    if (!auth || auth.user.id !== socket.data.user.id)
      throw unauthenticated('This token does not authenticate the person of this connection');
    const before = socket.data.user.sessionId;
    if (auth.user.sessionId !== before) {
      await socket.leave(sessionRoom(before));
      await socket.join(sessionRoom(auth.user.sessionId));
    }
    socket.data.user = auth.user;
    socket.data.expiresAt = auth.expiresAt;
    this.arm(socket);
    return { expiresAt: new Date(auth.expiresAt).toISOString() };
  }

  private guard(socket: AuthedSocket, packet: Event, next: (err?: Error) => void): void {
    if (packet[0] === AUTH_REFRESH_EVENT) return next();
    const last: unknown = packet[packet.length - 1];
    const reply = typeof last === 'function' ? (last as (res: Ack) => void) : null;
    if (Date.now() >= socket.data.expiresAt) {
      reply?.(refusal(ErrorCode.Unauthenticated, 'The access token of this connection has expired: send auth:refresh with a fresh one'));
      return;
    }
    const pending = socket.rooms.has(IDENTITY_STALE_ROOM) ? this.reread(socket) : refreshing.get(socket);
    if (!pending) return next();
    pending.then(
      (live) => (live ? next() : reply?.(refusal(ErrorCode.Unauthenticated, 'This session has ended: sign in again'))),
      () => reply?.(refusal(ErrorCode.ServiceUnavailable, 'Try again in a moment')),
    );
  }

  /** Reads the identity again (after any re-read already in flight, so events keep their order); false when it is no longer live. */
  private reread(socket: AuthedSocket): Promise<boolean> {
    void socket.leave(IDENTITY_STALE_ROOM);
    const previous = refreshing.get(socket);
    const work = (async (): Promise<boolean> => {
      if (previous) await previous.catch(() => undefined);
      const { id, sessionId } = socket.data.user;
      try {
        const user = await this.tokens.resolve({ sub: id, sid: sessionId });
        if (!user) {
          socket.disconnect(true);
          return false;
        }
        socket.data.user = user;
        return true;
      } catch (err) {
        void socket.join(IDENTITY_STALE_ROOM); // try again at the next event
        this.logger.warn(`could not re-read the identity of ${id}: ${err instanceof Error ? err.message : String(err)}`);
        throw err;
      }
    })();
    refreshing.set(socket, work);
    const forget = (): void => {
      if (refreshing.get(socket) === work) refreshing.delete(socket);
    };
    work.then(forget, forget);
    return work;
  }

  /** At expiry: tell the client, then close the socket after the grace period unless `auth:refresh` re-armed the timer. */
  private arm(socket: AuthedSocket): void {
    clearTimeout(timers.get(socket));
    const expiresAt = socket.data.expiresAt;
    const expired = setTimeout(
      () => {
        socket.emit('auth:expired', { graceSeconds: REAUTH_GRACE_MS / 1000 });
        const close = setTimeout(() => {
          if (socket.data.expiresAt <= Date.now()) socket.disconnect(true);
        }, REAUTH_GRACE_MS);
        close.unref();
        timers.set(socket, close);
      },
      Math.max(0, expiresAt - Date.now()),
    );
    expired.unref();
    timers.set(socket, expired);
  }
}

const refusal = (code: ErrorCode, message: string): Ack => ({ ok: false, error: { code, message } });
