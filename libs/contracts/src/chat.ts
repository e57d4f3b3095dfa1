import type { IsoDateTime, PageQuery } from './common';
import type { ChannelNotifyLevel } from './preferences';

export const ChannelTypes = ['public', 'private', 'announcement', 'direct'] as const;
export type ChannelType = (typeof ChannelTypes)[number];
export type CreatableChannelType = Exclude<ChannelType, 'direct'>;

export const ChannelRoles = ['owner', 'member'] as const;
export type ChannelRole = (typeof ChannelRoles)[number];

export const MESSAGE_MAX_LENGTH = 4000;
export const DIRECT_MAX_MEMBERS = 8;
export const CHANNEL_NAME_PATTERN = /^[\p{Ll}\p{N}][\p{Ll}\p{N}_-]{0,79}$/u;

export interface Channel {
  id: string;
  type: ChannelType;
  /** lower-case slug for public/private/announcement; for DMs a name built from the members */
  name: string;
  topic: string | null;
  description: string | null;
  archived: boolean;
  createdBy: string;
  createdAt: IsoDateTime;
  memberCount: number;
  /** highest message seq in the channel (0 when empty) */
  lastSeq: number;
  /** set when the channel belongs to a working group, a project or an event (its attendees' chat) */
  groupId: string | null;
  projectId: string | null;
  eventId: string | null;
  /** working-group slow mode: seconds between two posts of one member (0: off) */
  slowModeSeconds: number;
  /** for DMs: the member ids */
  directUserIds?: string[];
}

/** A channel as its member sees it in the sidebar. */
export interface MyChannel extends Channel {
  role: ChannelRole;
  lastReadSeq: number;
  unread: number;
  mentions: number;
  /** my level for this channel: `all` (unread badge), `mentions` (only mentions count), `muted` (nothing: no badge, no mention notification, no digest) */
  notify: ChannelNotifyLevel;
  /** notify === 'muted' (not a moderation mute) */
  muted: boolean;
  /** a moderator's timed mute in the channel's working group: I may read but not post until then; null when I may post */
  mutedUntil: IsoDateTime | null;
  /** slow mode does not apply to me (group coordinator, channel owner or cluster staff) */
  slowModeExempt: boolean;
}

export interface ChannelMember {
  userId: string;
  displayName: string;
  initials: string;
  avatarColor: string;
  organisationId: string | null;
  organisationName: string | null;
  role: ChannelRole;
  joinedAt: IsoDateTime;
}

export interface CreateChannelRequest {
  name: string;
  type: CreatableChannelType;
  topic?: string;
  description?: string;
}

export interface UpdateChannelRequest {
  name?: string;
  topic?: string;
  description?: string;
}

export interface DirectChannelRequest {
  userIds: string[];
}

export interface AddMemberRequest {
  userId: string;
  role?: ChannelRole;
}

export interface ChannelBrowseQuery extends PageQuery {
  q?: string;
}

export interface Reaction {
  emoji: string;
  userIds: string[];
}

export interface Attachment {
  id: string;
  name: string;
  size: number;
  contentType: string;
  /** download URL (needs the bearer token) */
  url: string;
  isImage: boolean;
}

export interface Message {
  id: string;
  channelId: string;
  seq: number;
  authorId: string;
  body: string;
  clientMsgId: string;
  createdAt: IsoDateTime;
  editedAt?: IsoDateTime | null;
  deletedAt?: IsoDateTime | null;
  /** 'author' or 'moderator' when deleted */
  deletedBy?: 'author' | 'moderator' | null;
  threadRootId?: string | null;
  replyCount: number;
  lastReplyAt?: IsoDateTime | null;
  reactions: Reaction[];
  mentions: string[];
  mentionsChannel: boolean;
  pinned: boolean;
  attachments: Attachment[];
  /** a project card created from this message (boards issue) */
  cardId?: string | null;
}

export interface MessageEdit {
  body: string;
  editedAt: IsoDateTime;
}

/** GET /api/channels/:id/messages: `after` (oldest first) or `before` (newest first); neither = newest page. */
export interface MessageListQuery {
  after?: number;
  before?: number;
  limit?: number;
  threadRootId?: string;
}

export interface MessagePage {
  items: Message[];
  /** true when more messages exist in the requested direction */
  hasMore: boolean;
}

export interface MessageSearchQuery extends PageQuery {
  q: string;
  channelId?: string;
  authorId?: string;
  from?: IsoDateTime;
  to?: IsoDateTime;
}

export interface MessageSearchHit {
  message: Message;
  channelName: string;
  channelType: ChannelType;
}

// ---- Socket payloads (client → server); every one answers through an Ack ----

export interface SendMessagePayload {
  channelId: string;
  clientMsgId: string;
  body: string;
  threadRootId?: string;
  attachmentIds?: string[];
}
export interface EditMessagePayload {
  messageId: string;
  body: string;
}
export interface DeleteMessagePayload {
  messageId: string;
}
export interface ReactionTogglePayload {
  messageId: string;
  emoji: string;
}
export interface TypingPayload {
  channelId: string;
}
export interface ChannelReadPayload {
  channelId: string;
  seq: number;
}
export interface PresenceSetPayload {
  status: 'online' | 'away';
}

// ---- Socket events (server → client) ----

export interface MessageNewEvent {
  message: Message;
}
export interface MessageUpdatedEvent {
  message: Message;
}
export interface MessageDeletedEvent {
  channelId: string;
  messageId: string;
  seq: number;
  /** who removed it: the tombstone says "removed by a moderator" for 'moderator' */
  deletedBy?: 'author' | 'moderator';
}
export interface TypingEvent {
  channelId: string;
  userId: string;
}
export interface ChannelReadEvent {
  channelId: string;
  lastReadSeq: number;
  unread: number;
  mentions: number;
}
