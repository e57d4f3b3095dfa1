import type { Channel, ChannelReadEvent, Message } from '@klasteris/contracts';

/** Domain events of the chat; realtime/chat.gateway.ts maps them to Socket.IO rooms. */
export class MessageCommittedEvent {
  static readonly event = 'chat.message.committed';
  constructor(readonly message: Message) {}
}

export class MessageChangedEvent {
  static readonly event = 'chat.message.changed';
  constructor(readonly message: Message) {}
}

export class MessageDeletedEvent {
  static readonly event = 'chat.message.deleted';
  constructor(
    readonly channelId: string,
    readonly messageId: string,
    readonly seq: number,
    readonly deletedBy: 'author' | 'moderator' = 'author',
  ) {}
}

export class ChannelMembershipEvent {
  static readonly event = 'chat.channel.membership';
  constructor(
    readonly channel: Channel,
    readonly userId: string,
    readonly joined: boolean,
  ) {}
}

export class ChannelChangedEvent {
  static readonly event = 'chat.channel.changed';
  constructor(readonly channel: Channel) {}
}

export class ChannelReadStateEvent {
  static readonly event = 'chat.channel.read';
  constructor(
    readonly userId: string,
    readonly state: ChannelReadEvent,
  ) {}
}

/**
 * Facts of a channel (and of one member of it, or all when userId is null) changed without one of
 * the events above, e.g. a group's visibility: nodes drop what they cached of it (ChannelFactsCache).
 */
export class ChannelFactsStaleEvent {
  static readonly event = 'chat.channel.facts-stale';
  constructor(
    readonly channelId: string,
    readonly userId: string | null,
  ) {}
}

/**
 * People were mentioned in a message (by name or @channel; the author and those who muted the
 * channel already left out): modules/notices tells each in their language. Awaited by the send.
 */
export class ChatMentionEvent {
  static readonly event = 'chat.mention';
  constructor(
    readonly userIds: string[],
    readonly actor: { id: string; displayName: string },
    readonly channel: { id: string; name: string; direct: boolean },
    readonly message: { seq: number; excerpt: string },
  ) {}
}
