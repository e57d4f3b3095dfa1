import type { Socket } from 'socket.io';
import type { DefaultEventsMap } from 'socket.io/dist/typed-events';
import type { AuthUser } from '../common/auth-user';

export interface SocketData {
  user: AuthUser;
  /** when the access token the socket authenticated with expires (ms since the epoch); see SocketIdentityService */
  expiresAt: number;
  away?: boolean;
}

/** Events are typed in libs/contracts (ServerToClientEvents); the socket itself stays open to every feature's events. */
export type AuthedSocket = Socket<DefaultEventsMap, DefaultEventsMap, DefaultEventsMap, SocketData>;

export { sessionRoom, userRoom } from './rooms';

/** True when the handshake Origin is allowed (non-browser clients send none). */
export function originAllowed(origin: string | undefined, allowed: string[]): boolean {
  return origin === undefined || allowed.includes(origin);
}
