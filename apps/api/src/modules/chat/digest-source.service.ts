import { Injectable } from '@nestjs/common';
import type { Message } from '@klasteris/contracts';
import { ChannelFactsCache } from './channel-facts';
import { ChannelsRepository } from './channels.repository';
import { MembersRepository } from './members.repository';
import { MessagesRepository } from './messages.repository';

/** One unread message the digest may report. */
export interface DigestItem {
  channelId: string;
  channelName: string;
  direct: boolean;
  /** for direct messages: every member's id */
  directUserIds: string[];
  seq: number;
  authorId: string | null;
  body: string;
  createdAt: Date;
}

/** A person who may get a digest because of a message: a DM's other members, or the people it mentions. */
export interface DigestTarget {
  userId: string;
  direct: boolean;
}

const MAX_ITEMS = 200;

/**
 * What the offline digest reads of the chat, always from the server's read positions (the one truth
 * for unread state, whatever device read it): who a new message concerns, and which mentions and
 * direct messages a person still has unread. Muted channels count for nothing; a channel at
 * `mentions` only for its mentions (a direct message at `mentions` too).
 */
@Injectable()
export class ChatDigestSource {
  constructor(
    private readonly channels: ChannelsRepository,
    private readonly members: MembersRepository,
    private readonly messages: MessagesRepository,
    private readonly facts: ChannelFactsCache,
  ) {}

  async targetsOf(message: Message): Promise<DigestTarget[]> {
    if (message.threadRootId || message.deletedAt || !message.authorId) return [];
    const channel = await this.facts.channel(message.channelId);
    if (!channel) return [];
    const direct = channel.type === 'direct';
    // outside direct messages only the people a message mentions may get a digest of it
    if (!direct && !message.mentionsChannel && message.mentions.length === 0) return [];
    const memberIds = (await this.members.userIdsOf(channel.id)).filter((u) => u !== message.authorId);
    const mentioned = (u: string): boolean => message.mentionsChannel || message.mentions.includes(u);
    const candidates = memberIds.filter((u) => direct || mentioned(u));
    const out: DigestTarget[] = [];
    for (const userId of candidates) {
      const m = await this.members.find(channel.id, userId);
      if (!m || m.notify === 'muted') continue;
      if (direct && m.notify === 'mentions' && !mentioned(userId)) continue;
      out.push({ userId, direct });
    }
    return out;
  }

  /** Every mention and direct message the person has not read, oldest first (at most 200). */
  async unread(userId: string): Promise<DigestItem[]> {
    const memberships = (await this.members.forUser(userId)).filter((m) => m.notify !== 'muted');
    const channels = new Map((await this.channels.findByIds(memberships.map((m) => m.channelId))).map((c) => [c.id, c]));
    const positions = memberships.flatMap((m) => {
      const c = channels.get(m.channelId);
      if (!c || c.archivedAt) return [];
      return [{ channelId: c.id, after: m.lastReadSeq, upTo: c.committedSeq, everything: c.type === 'direct' && m.notify === 'all' }];
    });
    const rows = await this.messages.digestCandidates(userId, positions, MAX_ITEMS);
    return rows.map((r) => {
      const c = channels.get(r.channelId.toHexString())!;
      return {
        channelId: c.id,
        channelName: c.name,
        direct: c.type === 'direct',
        directUserIds: c.directUserIds ?? [],
        seq: r.seq,
        authorId: r.authorId ? r.authorId.toHexString() : null,
        body: r.body,
        createdAt: r.createdAt,
      };
    });
  }
}
