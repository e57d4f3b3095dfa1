import { HttpStatus, Injectable } from '@nestjs/common';
import { ErrorCode } from '@klasteris/contracts';
import { ApiException, forbidden, notFound } from '../../common/api-exception';
import { AuthUser, isStaff } from '../../common/auth-user';
import type { ChannelRecord } from './channel.schema';
import type { MemberRecord } from './channel-member.schema';
import { ChannelFacts, ChannelFactsCache, MemberFacts } from './channel-facts';
import { ChannelsRepository } from './channels.repository';
import { MembersRepository } from './members.repository';

export interface ChannelAccess {
  channel: ChannelRecord;
  member: MemberRecord | null;
}

/** Public and announcement channels are readable by everyone signed in, unless they are members-only. */
const readableByAll = (c: Pick<ChannelRecord, 'type' | 'membersOnly'>): boolean =>
  (c.type === 'public' || c.type === 'announcement') && !c.membersOnly;

/**
 * Who may do what in a channel, decided next to the queries that load it.
 * Private channels and DMs are invisible (404) to non-members; public and announcement channels
 * are readable by everyone signed in, writable by members (announcements: owners and staff only),
 * unless they are `membersOnly` (the channels of invite- and request-only groups): then as private.
 */
@Injectable()
export class ChannelAccessService {
  constructor(
    private readonly channels: ChannelsRepository,
    private readonly members: MembersRepository,
    private readonly facts: ChannelFactsCache,
  ) {}

  async forRead(me: AuthUser, channelId: string): Promise<ChannelAccess> {
    const [channel, member] = await Promise.all([this.channels.findById(channelId), this.members.find(channelId, me.id)]);
    if (!channel) throw notFound('Channel');
    if (!member && !readableByAll(channel)) throw notFound('Channel');
    return { channel, member };
  }

  /**
   * forRead's decision for reading a channel's messages: the channel (with its watermark) read
   * fresh, the caller's membership from this node's facts (ChannelFactsCache) — the read a page
   * would otherwise repeat every time. A membership is remembered only until a leave or removal
   * event (on this node at once, on the others through the Redis adapter); "not a member" is never
   * remembered, so a new member reads at once.
   */
  async forMessages(me: AuthUser, channelId: string): Promise<ChannelRecord> {
    const [channel, member] = await Promise.all([this.channels.findById(channelId), this.facts.member(channelId, me.id)]);
    if (!channel) throw notFound('Channel');
    if (!member && !readableByAll(channel)) throw notFound('Channel');
    return channel;
  }

  async forPost(me: AuthUser, channelId: string): Promise<ChannelAccess & { member: MemberRecord }> {
    const access = await this.forRead(me, channelId);
    if (!access.member) throw forbidden('Join the channel to post in it');
    if (access.channel.archivedAt) throw new ApiException(HttpStatus.CONFLICT, ErrorCode.ChannelArchived, 'This channel is archived');
    if (access.channel.type === 'announcement' && access.member.role !== 'owner' && !isStaff(me)) {
      throw forbidden('Only channel owners and coordinators post in announcement channels');
    }
    return access as ChannelAccess & { member: MemberRecord };
  }

  /**
   * The same decision as forPost, from the facts this node keeps in memory (ChannelFactsCache): the
   * send path's pre-check, free when warm. It is not the last word: the send's own member update
   * (MembersRepository.touchForSend) and seq reservation (not archived) check again in the writes.
   */
  async forSend(me: AuthUser, channelId: string): Promise<{ channel: ChannelFacts; member: MemberFacts }> {
    const [channel, member] = await Promise.all([this.facts.channel(channelId), this.facts.member(channelId, me.id)]);
    if (!channel) throw notFound('Channel');
    if (!member) throw this.notAMember(channel);
    if (channel.archivedAt) throw new ApiException(HttpStatus.CONFLICT, ErrorCode.ChannelArchived, 'This channel is archived');
    if (channel.type === 'announcement' && member.role !== 'owner' && !isStaff(me)) {
      throw forbidden('Only channel owners and coordinators post in announcement channels');
    }
    return { channel, member };
  }

  /** What a non-member is told when posting: 403 where they could join, 404 where they may not know the channel. */
  notAMember(channel: Pick<ChannelRecord, 'type' | 'membersOnly'>): ApiException {
    return readableByAll(channel) ? forbidden('Join the channel to post in it') : notFound('Channel');
  }

  /** Owners of the channel, and cluster staff, manage it (DMs have no managers). */
  async forManage(me: AuthUser, channelId: string): Promise<ChannelAccess> {
    const access = await this.forRead(me, channelId);
    if (access.channel.type === 'direct') throw forbidden('Direct messages have no settings to manage');
    if (!(access.member?.role === 'owner' || isStaff(me))) throw forbidden('Only channel owners manage the channel');
    return access;
  }

  /** May this person address everyone with @channel? */
  mayMentionChannel(me: AuthUser, member: Pick<MemberRecord, 'role'>): boolean {
    return member.role === 'owner' || isStaff(me);
  }
}
