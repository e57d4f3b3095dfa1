import type { Server, Socket } from 'socket.io';
import type { DefaultEventsMap } from 'socket.io/dist/typed-events';
import type { ClientToServerEvents, ServerToClientEvents } from '@klasteris/contracts';
import type { AuthUser } from '../common/auth-user';

export interface SocketData {
  user: AuthUser;
  /** when the access token the socket authenticated with expires (ms since the epoch); see SocketIdentityService */
  expiresAt: number;
  away?: boolean;
}

/** Nodes talk to each other only through the adapter's rooms; no server-to-server events of our own. */
type InterServerEvents = DefaultEventsMap;

/**
 * The Socket.IO server typed with the contracts' event maps (the same ones the web client uses):
 * an emit with an unknown event name or a payload of the wrong shape does not compile.
 */
export type AppServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type AuthedSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

export { sessionRoom, userRoom } from './rooms';

/** True when the handshake Origin is allowed (non-browser clients send none). */
export function originAllowed(origin: string | undefined, allowed: string[]): boolean {
  return origin === undefined || allowed.includes(origin);
}
