import type { ErrorCode } from './errors';
import type { BoardEditingRequest, BoardJoinRequest, BoardServerEvents, BoardViewer, ProjectRole } from './boards';
import type { BookingUpdatedPayload } from './bookings';
import type { EventSubscribeRequest, EventUpdatedPayload } from './events';
import type { MuteChangedEvent } from './groups';
import type { Notification } from './notifications';
import type {
  Channel,
  ChannelReadEvent,
  ChannelReadPayload,
  DeleteMessagePayload,
  EditMessagePayload,
  Message,
  MessageDeletedEvent,
  MessageNewEvent,
  MessageUpdatedEvent,
  MyChannel,
  PresenceSetPayload,
  ReactionTogglePayload,
  SendMessagePayload,
  TypingEvent,
  TypingPayload,
} from './chat';

export interface AckError {
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

/** Every client→server event answers through its ack with one of these. */
export type Ack<T extends object = object> = ({ ok: true } & T) | { ok: false; error: AckError };

export type PresenceStatus = 'online' | 'away' | 'offline';

export interface PresenceEvent {
  userId: string;
  status: PresenceStatus;
}

/** Board events (`board:*`, in the room of a board) are listed in BoardServerEvents. */
export interface ServerToClientEvents extends BoardServerEvents {
  /** sent once per connection after the socket joined its rooms: catch up with `after=` from here */
  ready: (payload: SocketReadyEvent) => void;
  /** the access token this socket authenticated with expired: send `auth:refresh` with a fresh one, or the server closes the socket */
  'auth:expired': (payload: { graceSeconds: number }) => void;
  'notification:new': (payload: { notification: Notification }) => void;
  presence: (payload: PresenceEvent) => void;
  'message:new': (payload: MessageNewEvent) => void;
  'message:updated': (payload: MessageUpdatedEvent) => void;
  'message:deleted': (payload: MessageDeletedEvent) => void;
  typing: (payload: TypingEvent) => void;
  /** to the channel's room: the shared `Channel` (no per-member fields); to a person who just joined: their `MyChannel` or the shared one */
  'channel:updated': (payload: { channel: MyChannel | Channel }) => void;
  'channel:removed': (payload: { channelId: string }) => void;
  'channel:read': (payload: ChannelReadEvent) => void;
  /** a moderator muted me in a working group (until a time) or lifted it (until: null) */
  'moderation:mute': (payload: MuteChangedEvent) => void;
  /** a booking of mine, or one I approve, changed */
  'booking:updated': (payload: BookingUpdatedPayload) => void;
  /** the counts of an event I subscribed to changed (RSVPs, registrations, capacity, state) */
  'event:updated': (payload: EventUpdatedPayload) => void;
}

/** The socket's identity follows its access token: `expiresAt` (ISO) is when it stops being served unless re-authenticated. */
export interface SocketReadyEvent {
  userId: string;
  expiresAt: string;
}

export interface SocketAuthRefreshPayload {
  token: string;
}

export interface ClientToServerEvents {
  /** re-authenticate an open socket with a fresh access token of the same person (the identity and `expiresAt` are renewed) */
  'auth:refresh': (payload: SocketAuthRefreshPayload, ack: (res: Ack<{ expiresAt: string }>) => void) => void;
  'message:send': (payload: SendMessagePayload, ack: (res: Ack<{ message: Message }>) => void) => void;
  'message:edit': (payload: EditMessagePayload, ack: (res: Ack<{ message: Message }>) => void) => void;
  'message:delete': (payload: DeleteMessagePayload, ack: (res: Ack) => void) => void;
  'reaction:toggle': (payload: ReactionTogglePayload, ack: (res: Ack<{ message: Message }>) => void) => void;
  typing: (payload: TypingPayload, ack: (res: Ack) => void) => void;
  'channel:read': (payload: ChannelReadPayload, ack: (res: Ack<{ unread: number; mentions: number; lastReadSeq: number }>) => void) => void;
  'presence:set': (payload: PresenceSetPayload, ack: (res: Ack) => void) => void;
  /** join a board's room (members only): events, viewers and editing presence */
  'board:join': (payload: BoardJoinRequest, ack: (res: Ack<{ role: ProjectRole; viewers: BoardViewer[] }>) => void) => void;
  'board:leave': (payload: BoardJoinRequest, ack: (res: Ack) => void) => void;
  /** "I am editing this card" (editing: false when done); relayed to the others on the board */
  'board:editing': (payload: BoardEditingRequest, ack: (res: Ack) => void) => void;
  /** live counts of an event I may see (else NOT_FOUND): `event:updated` from here on; the ack carries the counts now */
  'event:subscribe': (payload: EventSubscribeRequest, ack: (res: Ack<{ counts: EventUpdatedPayload }>) => void) => void;
  'event:unsubscribe': (payload: EventSubscribeRequest, ack: (res: Ack) => void) => void;
}

export const SOCKET_UNAUTHENTICATED = 'UNAUTHENTICATED';
