import { DestroyRef, Injectable, effect, inject, signal, untracked } from '@angular/core';
import { SOCKET_UNAUTHENTICATED, type ServerToClientEvents } from '@klasteris/contracts';
import { Observable, Subject, filter, map } from 'rxjs';
import { io, type Socket } from 'socket.io-client';
import { AuthStore } from './auth/auth.store';

type EventName = keyof ServerToClientEvents;
type EventPayload<E extends EventName> = Parameters<ServerToClientEvents[E]>[0];

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
  /** Emits after a reconnect, so stores can catch up on what they missed. */
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

  connect(): void {
    if (this.socket) return;
    this._state.set('connecting');
    const socket = io({
      path: '/socket.io',
      transports: ['websocket', 'polling'],
      withCredentials: true,
      auth: (cb) => cb({ token: this.auth.accessToken() ?? '' }),
    });
    let connectedBefore = false;
    socket.on('connect', () => {
      this._state.set('connected');
      if (connectedBefore) this.reconnected$.next();
      connectedBefore = true;
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
