import type { Socket } from 'socket.io';
import type { AuthUser } from '../common/auth-user';

export interface SocketData {
  user: AuthUser;
}

export type AuthedSocket = Socket<Record<string, never>, Record<string, never>, Record<string, never>, SocketData>;

export const userRoom = (userId: string): string => `user:${userId}`;
export const sessionRoom = (sessionId: string): string => `session:${sessionId}`;

/** True when the handshake Origin is allowed (non-browser clients send none). */
export function originAllowed(origin: string | undefined, allowed: string[]): boolean {
  return origin === undefined || allowed.includes(origin);
}
