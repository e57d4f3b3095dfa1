import { DestroyRef, Injectable, computed, effect, inject, signal, untracked } from '@angular/core';
import { SOCKET_UNAUTHENTICATED, type ClientToServerEvents, type ServerToClientEvents } from '@klasteris/contracts';
import { Observable, Subject, filter, map } from 'rxjs';
import { io, type Socket } from 'socket.io-client';
import { AuthStore } from './auth/auth.store';

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

/**
 * The only place that talks Socket.IO. Connects while someone is signed in (the token is read
 * at every (re)connect, so refreshed tokens are used) and disconnects at sign-out.
 * Stores subscribe with `on('event')`.
 */
@Injectable({ providedIn: 'root' })
export class SocketService {
  private readonly auth = inject(AuthStore);
  private socket: Socket | null = null;
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
      auth: (cb) => cb({ token: this.auth.accessToken() ?? '' }),
    });
    // `ready` comes after the server joined this socket to its rooms: from then on live events
    // arrive, so that (not `connect`) is when stores catch up on what happened meanwhile — on the
    // first connection too, since a message may land between a page load and the room join.
    socket.on('ready', () => {
      this._state.set('connected');
      this.reconnected$.next();
    });
    socket.on('disconnect', () => this._state.set('disconnected'));
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

  disconnect(): void {
    if (!this.socket) return;
    this.socket.removeAllListeners();
    this.socket.disconnect();
    this.socket = null;
    this._state.set('disconnected');
  }
}
