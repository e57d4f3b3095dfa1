import { HttpStatus, Injectable } from '@nestjs/common';
import { EventEmitter2, OnEvent } from '@nestjs/event-emitter';
import {
  type ChannelNotifyLevel,
  DIRECT_MAX_MEMBERS,
  ErrorCode,
  type Channel,
  type ChannelMember,
  type ChannelRole,
  type CreateChannelRequest,
  type MyChannel,
  type Page,
  type UpdateChannelRequest,
} from '@klasteris/contracts';
import { ApiException, forbidden, notFound } from '../../common/api-exception';
import { AuthUser, isStaff } from '../../common/auth-user';
import { decodeCursor, encodeCursor } from '../../common/pagination';
import { containsFolded } from '../../common/text';
import { ModerationPolicy } from '../moderation/moderation-policy';
import { UserActivatedEvent } from '../users/users.events';
import { UsersRepository } from '../users/users.repository';
import type { ChannelRecord } from './channel.schema';
import type { MemberRecord } from './channel-member.schema';
import { ChannelAccessService } from './channel-access.service';
import { ChannelFactsCache } from './channel-facts';
import { ChannelsRepository } from './channels.repository';
import { ChannelChangedEvent, ChannelMembershipEvent } from './chat.events';
import { toChannel } from './chat.records';
import { MembersRepository } from './members.repository';
import { ReadStateService } from './read-state.service';
import type { Counts } from './read-state';
import { isDuplicateKeyError } from '../../common/duplicate-key';
import { SendRateLimiter } from './send-rate';

/** Channels a member may create in a row before the rate applies (that many per hour). */
export const CHANNEL_CREATE_BURST = 10;

type PostingState = Awaited<ReturnType<ModerationPolicy['postingState']>>;

const nameTaken = (): ApiException =>
  new ApiException(HttpStatus.CONFLICT, ErrorCode.ChannelNameTaken, 'A channel with this name already exists', {
    fields: [{ field: 'name', message: 'is taken' }],
  });

/** Channels and their members. */
@Injectable()
export class ChannelsService {
  constructor(
    private readonly channels: ChannelsRepository,
    private readonly members: MembersRepository,
    private readonly readState: ReadStateService,
    private readonly users: UsersRepository,
    private readonly access: ChannelAccessService,
    private readonly facts: ChannelFactsCache,
    private readonly policy: ModerationPolicy,
    private readonly events: EventEmitter2,
  ) {}

  /** Per node, like the message rate (SendRateLimiter). */
  private readonly createRate = new SendRateLimiter(CHANNEL_CREATE_BURST, CHANNEL_CREATE_BURST / 3600);

  async create(
    me: AuthUser,
    input: CreateChannelRequest,
    scope: { groupId?: string; projectId?: string; autoJoin?: boolean; membersOnly?: boolean } = {},
  ): Promise<MyChannel> {
    if (input.type === 'announcement' && !isStaff(me)) throw forbidden('Only coordinators create announcement channels');
    // a member's own channels: CHANNEL_CREATE_BURST at once, then about one every six minutes
    // (groups and projects make theirs through their own, authorised, flows; staff set up freely)
    if (!scope.groupId && !scope.projectId && !isStaff(me)) {
      const retryAfter = this.createRate.take(me.id);
      if (retryAfter > 0)
        throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, ErrorCode.RateLimited, 'You are creating channels too fast', {
          retryAfter: Math.ceil(retryAfter),
        });
    }
    let channel: ChannelRecord;
    try {
      channel = await this.channels.create({
        type: input.type,
        name: input.name,
        key: `n:${input.name}`,
        topic: input.topic ?? null,
        description: input.description ?? null,
        createdBy: me.id,
        ...scope,
      });
    } catch (err) {
      if (isDuplicateKeyError(err)) throw nameTaken();
      throw err;
    }
    await this.addMembership(channel, me.id, 'owner');
    return this.mine(me, channel.id);
  }

  /** The DM (2 people) or group DM (up to 8) of these people with me: created once, then found again. */
  async direct(me: AuthUser, userIds: string[]): Promise<{ channel: MyChannel; created: boolean }> {
    const ids = [...new Set([me.id, ...userIds])].sort();
    if (ids.length < 2 || ids.length > DIRECT_MAX_MEMBERS) {
      throw new ApiException(
        HttpStatus.BAD_REQUEST,
        ErrorCode.ValidationFailed,
        `A direct conversation has 2 to ${DIRECT_MAX_MEMBERS} people`,
        { fields: [{ field: 'userIds', message: 'wrong number of people' }] },
      );
    }
    const people = (await this.users.findByIds(ids)).filter((u) => u.status === 'active');
    if (people.length !== ids.length) throw notFound('User');
    const key = `d:${ids.join(',')}`;
    let channel = await this.channels.findByKey(key);
    let created = false;
    if (!channel) {
      const name = people
        .map((p) => p.displayName)
        .sort((a, b) => a.localeCompare(b))
        .join(', ');
      try {
        channel = await this.channels.create({ type: 'direct', name, key, createdBy: me.id, directUserIds: ids });
        created = true;
      } catch (err) {
        if (!isDuplicateKeyError(err)) throw err;
        channel = await this.channels.findByKey(key);
        if (!channel) throw err;
      }
    }
    if (created) for (const id of ids) await this.addMembership(channel, id, 'member');
    return { channel: await this.mine(me, channel.id), created };
  }

  /**
   * My channels with unread and mention counts as kept per member (read-state.ts: no messages are
   * counted; holes are looked up only for a channel with one beyond my position) and my posting limits.
   */
  async listMine(me: AuthUser): Promise<MyChannel[]> {
    const [memberships, posting] = await Promise.all([this.members.forUser(me.id), this.postingState(me)]);
    const channels = await this.channels.findByIds(memberships.map((m) => m.channelId));
    const byId = new Map(channels.map((c) => [c.id, c]));
    const counts = await this.readState.counts(
      memberships.flatMap((m) => {
        const c = byId.get(m.channelId);
        return c ? [{ member: m, channel: c }] : [];
      }),
    );
    return memberships
      .flatMap((m) => {
        const c = byId.get(m.channelId);
        return c ? [this.toMine(me, c, m, posting, counts.get(c.id))] : [];
      })
      .sort((a, b) => (a.type === 'direct' ? 1 : 0) - (b.type === 'direct' ? 1 : 0) || a.name.localeCompare(b.name));
  }

  async mine(me: AuthUser, channelId: string): Promise<MyChannel> {
    const [c, m] = await Promise.all([this.channels.findById(channelId), this.members.find(channelId, me.id)]);
    if (!c || !m) throw notFound('Channel');
    const [counts, posting] = await Promise.all([this.readState.one(m, c), c.groupId ? this.postingState(me) : Promise.resolve(null)]);
    return this.toMine(me, c, m, posting, counts);
  }

  /** My notification level in a channel I am a member of (404 otherwise). */
  async setNotify(me: AuthUser, channelId: string, notify: ChannelNotifyLevel): Promise<MyChannel> {
    if (!(await this.members.setNotify(channelId, me.id, notify))) throw notFound('Channel');
    return this.mine(me, channelId);
  }

  async get(me: AuthUser, channelId: string): Promise<Channel | MyChannel> {
    const { channel, member } = await this.access.forRead(me, channelId);
    return member ? this.mine(me, channelId) : toChannel(channel);
  }

  async browse(me: AuthUser, q: { q?: string; cursor?: string; limit: number }): Promise<Page<Channel & { isMember: boolean }>> {
    const rows = await this.channels.browse(q);
    const page = rows.slice(0, q.limit);
    const mine = new Set(await this.members.channelIdsOf(me.id));
    const last = page[page.length - 1];
    return {
      items: page.map((c) => ({ ...toChannel(c), isMember: mine.has(c.id) })),
      nextCursor: rows.length > q.limit && last ? encodeCursor({ k: last.name, id: last.id }) : null,
    };
  }

  async update(me: AuthUser, channelId: string, patch: UpdateChannelRequest): Promise<Channel> {
    await this.access.forManage(me, channelId);
    try {
      const updated = await this.channels.update(channelId, { ...patch, ...(patch.name ? { key: `n:${patch.name}` } : {}) });
      if (!updated) throw notFound('Channel');
      return this.announce(updated);
    } catch (err) {
      if (isDuplicateKeyError(err)) throw nameTaken();
      throw err;
    }
  }

  async setArchived(me: AuthUser, channelId: string, archived: boolean): Promise<Channel> {
    await this.access.forManage(me, channelId);
    const updated = await this.channels.update(channelId, { archivedAt: archived ? new Date() : null });
    if (!updated) throw notFound('Channel');
    return this.announce(updated);
  }

  async join(me: AuthUser, channelId: string): Promise<MyChannel> {
    const { channel, member } = await this.access.forRead(me, channelId);
    if (!member) {
      if ((channel.type !== 'public' && channel.type !== 'announcement') || channel.membersOnly) throw notFound('Channel');
      if (channel.archivedAt) throw new ApiException(HttpStatus.CONFLICT, ErrorCode.ChannelArchived, 'This channel is archived');
      await this.addMembership(channel, me.id, 'member');
    }
    return this.mine(me, channelId);
  }

  async leave(me: AuthUser, channelId: string): Promise<void> {
    const { channel, member } = await this.access.forRead(me, channelId);
    if (!member) throw notFound('Channel');
    if (channel.type === 'direct') throw forbidden('You cannot leave a direct conversation');
    await this.removeMembership(channel, me.id);
  }

  async listMembers(me: AuthUser, channelId: string, q: { q?: string; cursor?: string; limit: number }): Promise<Page<ChannelMember>> {
    await this.access.forRead(me, channelId);
    let userIds: string[] | null = null;
    if (q.q) {
      const memberIds = await this.members.userIdsOf(channelId);
      const matcher = containsFolded(q.q);
      userIds = (await this.users.findByIds(memberIds))
        .filter((u) =>
          matcher.test(
            u.displayName
              .normalize('NFD')
              .replace(/\p{M}+/gu, '')
              .toLowerCase(),
          ),
        )
        .map((u) => u.id);
    }
    const after = decodeCursor(q.cursor);
    const rows = await this.members.list(channelId, userIds, after ? { at: new Date(Number(after.k)), userId: after.id } : null, q.limit);
    const page = rows.slice(0, q.limit);
    const people = new Map((await this.users.findByIds(page.map((m) => m.userId))).map((u) => [u.id, u]));
    const last = page[page.length - 1];
    return {
      items: page.flatMap((m) => {
        const u = people.get(m.userId);
        return u
          ? [
              {
                userId: u.id,
                displayName: u.displayName,
                initials: u.initials,
                avatarColor: u.avatarColor,
                organisationId: u.organisationId,
                organisationName: u.organisationName,
                role: m.role,
                joinedAt: m.joinedAt.toISOString(),
              },
            ]
          : [];
      }),
      nextCursor: rows.length > q.limit && last ? encodeCursor({ k: last.joinedAt.getTime(), id: last.userId }) : null,
    };
  }

  /** Public channels: any member adds people; private and announcement channels: owners and staff. */
  async addMember(me: AuthUser, channelId: string, userId: string, role: ChannelRole = 'member'): Promise<void> {
    const { channel, member } = await this.access.forRead(me, channelId);
    if (channel.type === 'direct') throw forbidden('Start a new conversation to add people to a direct message');
    const manager = member?.role === 'owner' || isStaff(me);
    if (!manager && !(channel.type === 'public' && member)) throw forbidden('Only channel owners add people to this channel');
    if (role === 'owner' && !manager) throw forbidden('Only owners appoint owners');
    const user = await this.users.findById(userId);
    if (!user || user.status !== 'active') throw notFound('User');
    await this.addMembership(channel, userId, role);
  }

  async removeMember(me: AuthUser, channelId: string, userId: string): Promise<void> {
    if (userId === me.id) return this.leave(me, channelId);
    const { channel } = await this.access.forManage(me, channelId);
    if (!(await this.members.find(channelId, userId))) throw notFound('Member');
    await this.removeMembership(channel, userId);
  }

  /** New active people join the channels everyone is in. */
  @OnEvent(UserActivatedEvent.event, { async: true, promisify: true })
  async joinDefaults(e: UserActivatedEvent): Promise<void> {
    for (const channel of await this.channels.autoJoinChannels()) await this.addMembership(channel, e.userId, 'member');
  }

  async namedExists(name: string): Promise<boolean> {
    return (await this.channels.findByKey(`n:${name}`)) !== null;
  }

  /** Adds people to a channel directly (seeding, group and project channels). */
  async addMembers(channelId: string, userIds: string[], role: ChannelRole = 'member'): Promise<void> {
    const channel = await this.channels.findById(channelId);
    if (!channel) throw notFound('Channel');
    for (const userId of userIds) await this.addMembership(channel, userId, role);
  }

  /**
   * The private channel of something that owns one (an event's attendees: key `e:<eventId>`), created
   * once with `ownerId` as its owner, then found again (the unique key settles concurrent creators).
   * Authorised by the caller's module; members are kept in step there with addMembers/removeMembers.
   */
  async scopedChannel(
    key: string,
    input: { name: string; topic: string | null },
    ownerId: string,
    scope: { eventId: string },
  ): Promise<Channel> {
    const found = await this.channels.findByKey(key);
    if (found) return toChannel(found);
    try {
      const channel = await this.channels.create({
        type: 'private',
        name: input.name,
        key,
        topic: input.topic,
        createdBy: ownerId,
        ...scope,
      });
      await this.addMembership(channel, ownerId, 'owner');
      return toChannel(channel);
    } catch (err) {
      const twin = isDuplicateKeyError(err) ? await this.channels.findByKey(key) : null;
      if (!twin) throw err;
      return toChannel(twin);
    }
  }

  /** The channel with this key, if it was made (see scopedChannel). */
  async findScoped(key: string): Promise<Channel | null> {
    const c = await this.channels.findByKey(key);
    return c ? toChannel(c) : null;
  }

  /** Everyone in a channel with their role (for modules that keep a channel's members in step). */
  memberRoles(channelId: string): Promise<Map<string, ChannelRole>> {
    return this.members.rolesOf(channelId);
  }

  /** Removes people from a channel directly (leaving or being removed from a working group). */
  async removeMembers(channelId: string, userIds: string[]): Promise<void> {
    const channel = await this.channels.findById(channelId);
    if (!channel) throw notFound('Channel');
    for (const userId of userIds) await this.removeMembership(channel, userId);
  }

  /** Archives or restores a channel directly (a working group being archived; authorised by the caller's module). */
  async setArchivedDirect(channelId: string, archived: boolean): Promise<Channel> {
    const updated = await this.channels.update(channelId, { archivedAt: archived ? new Date() : null });
    if (!updated) throw notFound('Channel');
    return this.announce(updated);
  }

  /** Makes channels visible to their members only, or as their type says (a working group's visibility; authorised by the caller's module). */
  async setMembersOnlyDirect(channelIds: string[], membersOnly: boolean): Promise<void> {
    await this.channels.setMembersOnly(channelIds, membersOnly);
    this.facts.stale(channelIds);
  }

  /** Channels by id with their settings, in the order asked (for a group's console; authorised by the caller's module). */
  async describe(ids: string[]): Promise<Channel[]> {
    const byId = new Map((await this.channels.findByIds(ids)).map((c) => [c.id, c]));
    return ids.flatMap((id) => {
      const c = byId.get(id);
      return c ? [toChannel(c)] : [];
    });
  }

  /** Slow mode of a channel (working-group moderation; authorised by the caller's module). */
  async setSlowMode(channelId: string, seconds: number): Promise<Channel> {
    const updated = await this.channels.update(channelId, { slowModeSeconds: seconds });
    if (!updated) throw notFound('Channel');
    return this.announce(updated);
  }

  private async addMembership(channel: ChannelRecord, userId: string, role: ChannelRole): Promise<void> {
    const at = { seq: channel.committedSeq, roots: channel.committedRoots };
    if (!(await this.members.add(channel.id, userId, role, at))) return;
    await this.readState.joined(channel.id, userId, at);
    await this.channels.incMemberCount(channel.id, 1);
    this.events.emit(
      ChannelMembershipEvent.event,
      new ChannelMembershipEvent(toChannel({ ...channel, memberCount: channel.memberCount + 1 }), userId, true),
    );
  }

  private async removeMembership(channel: ChannelRecord, userId: string): Promise<void> {
    if (!(await this.members.remove(channel.id, userId))) return;
    await this.channels.incMemberCount(channel.id, -1);
    this.events.emit(ChannelMembershipEvent.event, new ChannelMembershipEvent(toChannel(channel), userId, false));
  }

  private announce(c: ChannelRecord): Channel {
    const channel = toChannel(c);
    this.events.emit(ChannelChangedEvent.event, new ChannelChangedEvent(channel));
    return channel;
  }

  /** Cluster staff are never muted nor slowed down: no need to ask. */
  private postingState(me: AuthUser): Promise<PostingState | null> {
    return isStaff(me) ? Promise.resolve(null) : this.policy.postingState(me.id);
  }

  /** `posting` null: staff (or a channel outside any group, where no moderation applies). */
  private toMine(me: AuthUser, c: ChannelRecord, m: MemberRecord, posting: PostingState | null, counts?: Counts): MyChannel {
    const group = c.groupId;
    const moderator = isStaff(me) || (group !== null && !!posting?.moderates.has(group));
    return {
      ...toChannel(c),
      role: m.role,
      lastReadSeq: m.lastReadSeq,
      unread: counts?.unread ?? 0,
      mentions: counts?.mentions ?? 0,
      notify: m.notify,
      muted: m.notify === 'muted',
      mutedUntil: group !== null && !moderator ? (posting?.mutedUntil.get(group) ?? null) : null,
      slowModeExempt: moderator || m.role === 'owner',
    };
  }
}
