import { HttpStatus, Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import {
  ErrorCode,
  Roles,
  type GroupBan,
  type InviteOrganisationResponse,
  type JoinRequest,
  type JoinRequestStatus,
  type MyGroup,
  type Page,
} from '@klasteris/contracts';
import { ApiException, forbidden, notFound } from '../../common/api-exception';
import { AuthUser, isStaff } from '../../common/auth-user';
import { toPage } from '../../common/pagination';
import { AuditService } from '../audit/audit.service';
import { ChannelsService } from '../chat/channels.service';
import { ModerationPolicy } from '../moderation/moderation-policy';
import { UsersRepository } from '../users/users.repository';
import { GroupAccessService, assertActive } from './group-access.service';
import { tellGroup } from './groups.events';
import { GroupRecord, GroupsRepository } from './groups.repository';
import { GroupsService } from './groups.service';

const banned = (): ApiException => new ApiException(HttpStatus.FORBIDDEN, ErrorCode.GroupBanned, 'You are banned from this group');

/** Joining (open, on request, by invitation), leaving, removal and bans. Channels follow membership. */
@Injectable()
export class MembershipService {
  constructor(
    private readonly groups: GroupsRepository,
    private readonly access: GroupAccessService,
    private readonly view: GroupsService,
    private readonly policy: ModerationPolicy,
    private readonly channels: ChannelsService,
    private readonly users: UsersRepository,
    private readonly audit: AuditService,
    private readonly events: EventEmitter2,
  ) {}

  /** Open: joins at once. Invited: joins. On request: files a request for the coordinators. */
  async join(me: AuthUser, groupId: string, message: string | null): Promise<MyGroup> {
    const group = await this.access.load(groupId);
    if (await this.groups.isBanned(groupId, me.id)) throw banned();
    if (await this.groups.isMember(groupId, me.id)) return this.view.get(me, groupId);
    assertActive(group);
    if (group.visibility === 'open' || (await this.groups.takeInvite(groupId, me.id))) {
      await this.addToGroup(group, me.id);
      return this.view.get(me, groupId);
    }
    if (group.visibility === 'invite') throw forbidden('This group is by invitation only');
    const request = await this.groups.createRequest(groupId, me.id, message);
    if (!request)
      throw new ApiException(HttpStatus.CONFLICT, ErrorCode.AlreadyRequested, 'Your request to join is already waiting for a decision');
    // the coordinators hear of it and get a mail (modules/notices)
    await tellGroup(this.events, await this.policy.moderatorsOf(groupId), group, {
      what: 'join-requested',
      requestId: request.id,
      requester: { id: me.id, displayName: me.displayName },
      message,
    });
    return this.view.get(me, groupId);
  }

  async requests(
    me: AuthUser,
    groupId: string,
    q: { status?: JoinRequestStatus; cursor?: string; limit: number },
  ): Promise<Page<JoinRequest>> {
    await this.access.forModeration(me, groupId);
    const rows = await this.groups.listRequests(groupId, q.status, q.cursor, q.limit);
    const page = toPage(
      rows,
      q.limit,
      (r) => r.createdAt.getTime(),
      (r) => r,
    );
    const people = new Map((await this.users.findByIds(page.items.map((r) => r.userId))).map((u) => [u.id, u]));
    return {
      items: page.items.map((r) => ({
        ...r,
        displayName: people.get(r.userId)?.displayName ?? '—',
        organisationName: people.get(r.userId)?.organisationName ?? null,
        createdAt: r.createdAt.toISOString(),
      })),
      nextCursor: page.nextCursor,
    };
  }

  async decide(me: AuthUser, groupId: string, requestId: string, approve: boolean, reason: string | null): Promise<void> {
    const group = await this.access.forModeration(me, groupId);
    const decided = await this.groups.decideRequest(groupId, requestId, approve ? 'approved' : 'rejected', me.id, reason);
    if (!decided) {
      if (!(await this.groups.requestExists(groupId, requestId))) throw notFound('Join request');
      throw new ApiException(HttpStatus.CONFLICT, ErrorCode.RequestAlreadyDecided, 'This request has already been decided');
    }
    if (approve) await this.addToGroup(group, decided.userId);
    await this.audit.record({
      actorId: me.id,
      action: approve ? 'group.request.approve' : 'group.request.reject',
      targetType: 'user',
      targetId: decided.userId,
      scopeId: groupId,
      reason,
    });
    await tellGroup(this.events, [decided.userId], group, { what: 'join-decided', requestId, approved: approve, reason });
  }

  async invite(me: AuthUser, groupId: string, userId: string, reason: string | null = null): Promise<void> {
    const group = await this.access.forChange(me, groupId);
    const user = await this.users.findById(userId);
    if (!user || user.status !== 'active') throw notFound('User');
    if (await this.groups.isBanned(groupId, userId))
      throw new ApiException(HttpStatus.CONFLICT, ErrorCode.GroupBanned, 'This person is banned from the group; unban them first');
    if (await this.groups.isMember(groupId, userId)) return;
    await this.groups.invite(groupId, userId, me.id);
    await this.audit.record({ actorId: me.id, action: 'group.invite', targetType: 'user', targetId: userId, scopeId: groupId, reason });
    await this.notifyInvited(me, group, [userId]);
  }

  /** Invites every active person of an organisation; each accepts by joining (members, invitees and banned people are skipped). */
  async inviteOrganisation(
    me: AuthUser,
    groupId: string,
    organisationId: string,
    reason: string | null,
  ): Promise<InviteOrganisationResponse> {
    const group = await this.access.forChange(me, groupId);
    const ids = await this.users.idsWithRole([...Roles], organisationId);
    if (ids.length === 0) throw notFound('Organisation');
    const invited: string[] = [];
    for (const userId of ids) {
      if ((await this.groups.isBanned(groupId, userId)) || (await this.groups.isMember(groupId, userId))) continue;
      if (await this.groups.invite(groupId, userId, me.id)) invited.push(userId);
    }
    await this.audit.record({
      actorId: me.id,
      action: 'group.organisation.invite',
      targetType: 'organisation',
      targetId: organisationId,
      scopeId: groupId,
      reason,
      after: { invited: invited.length, skipped: ids.length - invited.length },
    });
    await this.notifyInvited(me, group, invited);
    return { invited: invited.length, skipped: ids.length - invited.length };
  }

  /** The group's bans, newest first, with who banned and why (coordinators and staff). */
  async bans(me: AuthUser, groupId: string): Promise<GroupBan[]> {
    await this.access.forModeration(me, groupId);
    const rows = await this.groups.listBans(groupId);
    const people = new Map((await this.users.findByIds([...new Set(rows.flatMap((r) => [r.userId, r.by]))])).map((u) => [u.id, u]));
    return rows.map((r) => ({
      userId: r.userId,
      displayName: people.get(r.userId)?.displayName ?? '—',
      organisationName: people.get(r.userId)?.organisationName ?? null,
      reason: r.reason,
      bannedBy: r.by,
      bannedByName: people.get(r.by)?.displayName ?? null,
      at: r.at.toISOString(),
    }));
  }

  private notifyInvited(me: AuthUser, group: GroupRecord, userIds: string[]): Promise<void> {
    return tellGroup(this.events, userIds, group, { what: 'invited', actor: me.displayName });
  }

  async leave(me: AuthUser, groupId: string): Promise<void> {
    const group = await this.access.load(groupId);
    if (!(await this.groups.isMember(groupId, me.id))) throw notFound('Membership');
    await this.policy.removeModerator(groupId, me.id);
    await this.removeFromGroup(group, me.id);
  }

  /** Removes (optionally bans) a person. Coordinators are removed only by cluster staff. */
  async remove(me: AuthUser, groupId: string, userId: string, reason: string, ban: boolean): Promise<void> {
    const group = await this.access.forChange(me, groupId);
    if (userId === me.id) throw forbidden('Leave the group instead');
    if (!isStaff(me) && (await this.policy.isModerator(groupId, userId)))
      throw forbidden('Only cluster coordinators remove a group coordinator');
    const wasMember = await this.groups.isMember(groupId, userId);
    if (!wasMember && !ban) throw notFound('Member');
    if (ban) {
      if (!(await this.users.findById(userId))) throw notFound('User');
      await this.groups.ban({ groupId, userId, reason, by: me.id });
      await this.groups.closePendingOf(groupId, userId, me.id, reason);
      await this.groups.takeInvite(groupId, userId);
    }
    await this.policy.removeModerator(groupId, userId);
    if (wasMember) await this.removeFromGroup(group, userId);
    await this.audit.record({
      actorId: me.id,
      action: ban ? 'group.ban' : 'group.remove',
      targetType: 'user',
      targetId: userId,
      scopeId: groupId,
      reason,
    });
    await tellGroup(this.events, [userId], group, { what: 'removed', banned: ban, reason });
  }

  async unban(me: AuthUser, groupId: string, userId: string, reason: string | null = null): Promise<void> {
    await this.access.forModeration(me, groupId);
    if (!(await this.groups.unban(groupId, userId))) throw notFound('Ban');
    await this.audit.record({ actorId: me.id, action: 'group.unban', targetType: 'user', targetId: userId, scopeId: groupId, reason });
  }

  /** Adds every active person of an organisation at once (a snapshot: later joiners of the organisation ask or are invited). */
  async addOrganisation(me: AuthUser, groupId: string, organisationId: string): Promise<{ added: number }> {
    const group = await this.access.forChange(me, groupId);
    const ids = await this.users.idsWithRole([...Roles], organisationId);
    if (ids.length === 0) throw notFound('Organisation');
    let added = 0;
    for (const userId of ids) {
      if ((await this.groups.isBanned(groupId, userId)) || (await this.groups.isMember(groupId, userId))) continue;
      await this.addToGroup(group, userId);
      added++;
    }
    await this.audit.record({
      actorId: me.id,
      action: 'group.organisation.add',
      targetType: 'organisation',
      targetId: organisationId,
      scopeId: groupId,
      after: { added },
    });
    return { added };
  }

  private async addToGroup(group: GroupRecord, userId: string): Promise<void> {
    await this.groups.addMember(group.id, userId);
    for (const channelId of this.access.channelIds(group)) await this.channels.addMembers(channelId, [userId]);
  }

  private async removeFromGroup(group: GroupRecord, userId: string): Promise<void> {
    await this.groups.removeMember(group.id, userId);
    for (const channelId of this.access.channelIds(group)) await this.channels.removeMembers(channelId, [userId]);
  }
}
