import { Injectable } from '@nestjs/common';
import type { ChannelRecord } from './channel.schema';
import type { MemberRecord } from './channel-member.schema';
import { HolesRepository } from './holes.repository';
import { LeanMessage } from './chat.records';
import { MembersRepository } from './members.repository';
import { MessagesRepository } from './messages.repository';
import { Counts, countsOf, holesMatter } from './read-state';

type ChannelCounters = Pick<ChannelRecord, 'id' | 'committedSeq' | 'committedRoots' | 'holeMax'>;

/** Unread and mention counts kept per member (read-state.ts has the arithmetic and its invariants). */
@Injectable()
export class ReadStateService {
  constructor(
    private readonly members: MembersRepository,
    private readonly messages: MessagesRepository,
    private readonly holes: HolesRepository,
  ) {}

  /** The counts of many memberships: from the member and channel records, plus one lookup of holes for those with a hole ahead. */
  async counts(pairs: { member: MemberRecord; channel: ChannelCounters }[]): Promise<Map<string, Counts>> {
    const ahead = pairs.filter((p) => holesMatter(p.member.readRoots, p.channel.committedRoots, p.channel.holeMax));
    const holes = await this.holes.inRanges(
      ahead.map((p) => ({ channelId: p.channel.id, after: p.member.readRoots, upTo: p.channel.committedRoots })),
    );
    return new Map(pairs.map((p) => [p.channel.id, countsOf(p.member, p.channel.committedRoots, holes.get(p.channel.id))]));
  }

  async one(member: MemberRecord, channel: ChannelCounters): Promise<Counts> {
    return (await this.counts([{ member, channel }])).get(channel.id) ?? { unread: 0, mentions: 0 };
  }

  /** The read position to store for "read up to `seq`": the seq (at most the watermark) and the root ord there. */
  async position(channel: ChannelCounters, seq: number): Promise<{ seq: number; roots: number }> {
    if (seq >= channel.committedSeq) return { seq: channel.committedSeq, roots: channel.committedRoots };
    return { seq: Math.max(0, seq), roots: seq > 0 ? await this.messages.ordAt(channel.id, seq) : 0 };
  }

  /** A member who just joined at `at`: mentions of them committed meanwhile (by name or @channel) reach them too. */
  async joined(channelId: string, userId: string, at: { seq: number; roots: number }): Promise<void> {
    for (const ord of await this.messages.mentionOrdsAfter(channelId, at.seq, userId))
      if (ord > at.roots) await this.members.addMention(channelId, ord, [userId], '');
  }

  /** A root message mentions people (null: @channel). */
  async mentioned(doc: LeanMessage, userIds: string[] | null): Promise<void> {
    if (doc.threadRootId || typeof doc.ord !== 'number' || !doc.authorId) return;
    await this.members.addMention(doc.channelId.toHexString(), doc.ord, userIds, doc.authorId.toHexString());
  }

  /** An edit changed whom a root message mentions. */
  async mentionsEdited(before: LeanMessage, after: LeanMessage): Promise<void> {
    if (after.threadRootId || typeof after.ord !== 'number' || !after.authorId) return;
    const same =
      before.mentionsChannel === after.mentionsChannel && [...before.mentions].sort().join() === [...after.mentions].sort().join();
    if (same) return;
    const channelId = after.channelId.toHexString();
    if (after.mentionsChannel) return this.members.addMention(channelId, after.ord, null, after.authorId.toHexString());
    await this.members.removeMention(channelId, after.ord, after.mentions);
    await this.members.addMention(channelId, after.ord, after.mentions, after.authorId.toHexString());
  }

  /** A deleted root message no longer counts, for anyone. */
  async deleted(doc: LeanMessage): Promise<void> {
    if (doc.threadRootId || typeof doc.ord !== 'number') return;
    await this.holes.add(doc.channelId.toHexString(), [doc.ord]);
  }
}
