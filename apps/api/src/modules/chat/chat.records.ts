import type { Types } from 'mongoose';
import type { Channel, Message, Reaction } from '@klasteris/contracts';
import type { ChannelDoc, ChannelRecord } from './channel.schema';
import type { ChannelMemberDoc, MemberRecord } from './channel-member.schema';
import type { MessageDoc } from './message.schema';

export type LeanChannel = ChannelDoc & { _id: Types.ObjectId };
export type LeanMember = ChannelMemberDoc & { _id: Types.ObjectId };
export type LeanMessage = MessageDoc & { _id: Types.ObjectId };
/** A message as pages read it: without what the public shape never shows (search terms, the edit history). */
export type ListedMessage = Omit<LeanMessage, 'terms' | 'edits'>;

export const toChannelRecord = (d: LeanChannel): ChannelRecord => ({
  id: d._id.toHexString(),
  type: d.type,
  name: d.name,
  topic: d.topic ?? null,
  description: d.description ?? null,
  createdBy: d.createdBy.toHexString(),
  createdAt: d.createdAt,
  archivedAt: d.archivedAt ?? null,
  lastSeq: d.lastSeq,
  committedSeq: d.committedSeq,
  committedRoots: d.committedRoots ?? 0,
  holeMax: d.holeMax ?? 0,
  memberCount: d.memberCount,
  directUserIds: d.directUserIds ? d.directUserIds.map((u) => u.toHexString()) : null,
  groupId: d.groupId ?? null,
  projectId: d.projectId ?? null,
  eventId: d.eventId ?? null,
  membersOnly: d.membersOnly ?? false,
  slowModeSeconds: d.slowModeSeconds ?? 0,
});

export const toMemberRecord = (d: LeanMember): MemberRecord => ({
  channelId: d.channelId.toHexString(),
  userId: d.userId.toHexString(),
  role: d.role,
  lastReadSeq: d.lastReadSeq,
  readRoots: d.readRoots ?? 0,
  mentionOrds: d.mentionOrds ?? [],
  notify: d.notify ?? 'all',
  joinedAt: d.joinedAt,
});

export const toChannel = (c: ChannelRecord): Channel => ({
  id: c.id,
  type: c.type,
  name: c.name,
  topic: c.topic,
  description: c.description,
  archived: c.archivedAt !== null,
  createdBy: c.createdBy,
  createdAt: c.createdAt.toISOString(),
  memberCount: c.memberCount,
  lastSeq: c.committedSeq,
  groupId: c.groupId,
  projectId: c.projectId,
  eventId: c.eventId,
  slowModeSeconds: c.slowModeSeconds,
  ...(c.directUserIds ? { directUserIds: c.directUserIds } : {}),
});

/** Groups `<userId>:<emoji>` keys into reactions, in the order each emoji first appeared. */
export function groupReactions(keys: string[]): Reaction[] {
  const byEmoji = new Map<string, string[]>();
  for (const key of keys) {
    const i = key.indexOf(':');
    const userId = key.slice(0, i);
    const emoji = key.slice(i + 1);
    byEmoji.set(emoji, [...(byEmoji.get(emoji) ?? []), userId]);
  }
  return [...byEmoji].map(([emoji, userIds]) => ({ emoji, userIds }));
}

export const reactionKey = (userId: string, emoji: string): string => `${userId}:${emoji}`;

export function toMessage(d: ListedMessage, attachments: Message['attachments'] = []): Message {
  const deleted = d.deletedAt !== null && d.deletedAt !== undefined;
  return {
    id: d._id.toHexString(),
    channelId: d.channelId.toHexString(),
    seq: d.seq,
    authorId: d.authorId ? d.authorId.toHexString() : '',
    body: deleted ? '' : d.body,
    clientMsgId: d.clientMsgId,
    createdAt: d.createdAt.toISOString(),
    editedAt: d.editedAt ? d.editedAt.toISOString() : null,
    deletedAt: deleted ? d.deletedAt!.toISOString() : null,
    deletedBy: d.deletedBy ?? null,
    threadRootId: d.threadRootId ? d.threadRootId.toHexString() : null,
    replyCount: d.replyCount,
    lastReplyAt: d.lastReplyAt ? d.lastReplyAt.toISOString() : null,
    reactions: deleted ? [] : groupReactions(d.reactionKeys ?? []),
    mentions: deleted ? [] : (d.mentions ?? []),
    mentionsChannel: !deleted && d.mentionsChannel,
    pinned: d.pinned,
    attachments: deleted ? [] : attachments,
    cardId: d.cardId ?? null,
  };
}
