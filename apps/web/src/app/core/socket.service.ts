import { DestroyRef, Injectable, computed, effect, inject, signal, untracked } from '@angular/core';
import { SOCKET_UNAUTHENTICATED, type ClientToServerEvents, type ServerToClientEvents, type SocketReadyEvent } from '@klasteris/contracts';
import { Observable, Subject, filter, map } from 'rxjs';
import { io, type Socket } from 'socket.io-client';
import { AuthStore } from './auth/auth.store';
import { renewalDelay } from './socket-renewal';

type EventName = keyof ServerToClientEvents;
type EventPayload<E extends EventName> = Parameters<ServerToClientEvents[E]>[0];

export type ClientEventName = keyof ClientToServerEvents;
export type ClientPayload<E extends ClientEventName> = Parameters<ClientToServerEvents[E]>[0];
/** The ack a client→server event answers with (`{ ok: true, ... } | { ok: false, error }`). */
export type AckOf<E extends ClientEventName> = Parameters<Parameters<ClientToServerEvents[E]>[1]>[0];

/** Rejection reasons of `request()` when no ack arrived. */
export const SOCKET_DISCONNECTED = 'SOCKET_DISCONNECTED';
export const SOCKET_TIMEOUT = 'SOCKET_TIMEOUT';

interface AnyEvent {
  name: EventName;
  payload: unknown;
}

export type SocketState = 'disconnected' | 'connecting' | 'connected';

/** Pause before reconnecting after the server closed the socket (a revoked session ends in sign-out instead). */
const RECONNECT_DELAY_MS = 500;

/**
 * The only place that talks Socket.IO. Connects while someone is signed in (the token is read
 * at every (re)connect, so refreshed tokens are used) and disconnects at sign-out.
 * The server serves a socket only while its access token lives: the service renews the token
 * before it expires (and whenever it changed) with `auth:refresh`, answers `auth:expired` the same
 * way, and reconnects with a fresh token when the server closed the socket.
 * Stores subscribe with `on('event')`.
 */
@Injectable({ providedIn: 'root' })
export class SocketService {
  private readonly auth = inject(AuthStore);
  private socket: Socket | null = null;
  /** the access token the open socket is authenticated with */
  private socketToken: string | null = null;
  private renewTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly events$ = new Subject<AnyEvent>();
  private readonly _state = signal<SocketState>('disconnected');
  private readonly reconnected$ = new Subject<void>();

  readonly state = this._state.asReadonly();
  readonly connected = computed(() => this._state() === 'connected');
  /** Emits each time the socket is ready (rooms joined), first connection included, so stores catch up on what they missed. */
  readonly reconnected = this.reconnected$.asObservable();

  constructor() {
    effect(() => {
      const userId = this.auth.user()?.id ?? null;
      const loggedIn = this.auth.isLoggedIn();
      untracked(() => (loggedIn && userId ? this.connect() : this.disconnect()));
    });
    // a token refreshed anywhere (an HTTP 401, the renewal timer, auth:expired) renews the open socket too
    effect(() => {
      const token = this.auth.accessToken();
      untracked(() => {
        if (token && this.socket?.connected && this._state() === 'connected' && token !== this.socketToken) this.reauthenticate(token);
      });
    });
    inject(DestroyRef).onDestroy(() => this.disconnect());
  }

  on<E extends EventName>(name: E): Observable<EventPayload<E>> {
    return this.events$.pipe(
      filter((e) => e.name === name),
      map((e) => e.payload as EventPayload<E>),
    );
  }

  /** Raw access for later features that send events with acknowledgements. */
  emitWithAck<T>(event: string, payload: unknown, timeoutMs = 10000): Promise<T> {
    const s = this.socket;
    if (!s) return Promise.reject(new Error('SOCKET_DISCONNECTED'));
    return s.timeout(timeoutMs).emitWithAck(event, payload) as Promise<T>;
  }

  /**
   * Sends a typed client→server event and resolves with its ack. Rejects with
   * `SOCKET_DISCONNECTED` when there is no connection and `SOCKET_TIMEOUT` when no ack came in
   * time (the event may or may not have reached the server: retry with the same idempotency key).
   */
  request<E extends ClientEventName>(event: E, payload: ClientPayload<E>, timeoutMs = 10000): Promise<AckOf<E>> {
    const s = this.socket;
    if (!s || !s.connected) return Promise.reject(new Error(SOCKET_DISCONNECTED));
    return (s.timeout(timeoutMs).emitWithAck(event, payload) as Promise<AckOf<E>>).catch(() => {
      throw new Error(s.connected ? SOCKET_TIMEOUT : SOCKET_DISCONNECTED);
    });
  }

  connect(): void {
    if (this.socket) return;
    this._state.set('connecting');
    const socket = io({
      path: '/socket.io',
      transports: ['websocket', 'polling'],
      withCredentials: true,
      auth: (cb) => {
        this.socketToken = this.auth.accessToken();
        cb({ token: this.socketToken ?? '' });
      },
    });
    // `ready` comes after the server joined this socket to its rooms: from then on live events
    // arrive, so that (not `connect`) is when stores catch up on what happened meanwhile — on the
    // first connection too, since a message may land between a page load and the room join.
    socket.on('ready', (p: SocketReadyEvent) => {
      this._state.set('connected');
      this.scheduleRenewal(p.expiresAt);
      const current = this.auth.accessToken();
      if (current && current !== this.socketToken) this.reauthenticate(current);
      this.reconnected$.next();
    });
    socket.on('auth:expired', () => this.renewToken());
    socket.on('disconnect', (reason: string) => {
      this._state.set('disconnected');
      this.clearRenewal();
      // the server closed it (token expired unrenewed, identity no longer live): with a fresh
      // token, connect again; a session that has ended fails to refresh and signs out
      if (reason === 'io server disconnect' && this.auth.isLoggedIn()) {
        setTimeout(() => {
          if (this.socket !== socket) return;
          this.auth.refreshAccessToken().subscribe({
            next: () => {
              if (this.socket === socket) socket.connect();
            },
            error: () => this.auth.clearSession(),
          });
        }, RECONNECT_DELAY_MS);
      }
    });
    socket.on('connect_error', (err: Error) => {
      this._state.set('disconnected');
      if (err.message === SOCKET_UNAUTHENTICATED && this.auth.isLoggedIn()) {
        // The access token expired: get a fresh one, then try again.
        this.auth.refreshAccessToken().subscribe({
          next: () => socket.connect(),
          error: () => this.auth.clearSession(),
        });
      }
    });
    socket.onAny((name: string, payload: unknown) => {
      this.events$.next({ name: name as EventName, payload });
    });
    this.socket = socket;
  }

  /** Renews the open socket's identity with this token; a refusal means the socket will be closed and reconnected. */
  private reauthenticate(token: string): void {
    this.socketToken = token;
    this.request('auth:refresh', { token })
      .then((res) => {
        if (res.ok) this.scheduleRenewal(res.expiresAt);
      })
      .catch(() => undefined); // disconnected meanwhile: the next handshake carries the token
  }

  /** Gets a fresh access token; the token effect then renews the socket with it. */
  private renewToken(): void {
    if (!this.auth.isLoggedIn()) return;
    this.auth.refreshAccessToken().subscribe({ error: () => this.auth.clearSession() });
  }

  private scheduleRenewal(expiresAt: string): void {
    this.clearRenewal();
    const delay = renewalDelay(expiresAt, Date.now());
    if (delay === null) return;
    this.renewTimer = setTimeout(() => this.renewToken(), delay);
  }

  private clearRenewal(): void {
    if (this.renewTimer) clearTimeout(this.renewTimer);
    this.renewTimer = null;
  }

  disconnect(): void {
    this.clearRenewal();
    if (!this.socket) return;
    this.socket.removeAllListeners();
    this.socket.disconnect();
    this.socket = null;
    this._state.set('disconnected');
  }
}
