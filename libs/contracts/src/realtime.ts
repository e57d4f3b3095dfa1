import type { ErrorCode } from './errors';
import type { Notification } from './notifications';

/** Every client→server event answers through its ack with one of these. */
export type Ack<T extends object = object> = ({ ok: true } & T) | { ok: false; error: { code: ErrorCode; message: string } };

export type PresenceStatus = 'online' | 'away' | 'offline';

export interface ServerToClientEvents {
  'notification:new': (payload: { notification: Notification }) => void;
  presence: (payload: { userId: string; status: PresenceStatus }) => void;
}

export const SOCKET_UNAUTHENTICATED = 'UNAUTHENTICATED';
