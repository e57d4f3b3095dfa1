import { HttpStatus, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import {
  ErrorCode,
  type CreateGroupRequest,
  type GroupChannel,
  type GroupMember,
  type MyGroup,
  type Page,
  type UpdateGroupRequest,
} from '@klasteris/contracts';
import { ApiException, notFound } from '../../common/api-exception';
import { AuthUser } from '../../common/auth-user';
import { toPage } from '../../common/pagination';
import { foldText } from '../../common/text';
import { AuditService } from '../audit/audit.service';
import { ChannelsService } from '../chat/channels.service';
import { ModerationPolicy } from '../moderation/moderation-policy';
import { UsersRepository } from '../users/users.repository';
import { GroupAccessService, assertActive, groupArchived } from './group-access.service';
import { isDuplicateKeyError } from '../../common/duplicate-key';
import { GroupRecord, GroupsRepository } from './groups.repository';

export const slugOf = (name: string): string =>
  foldText(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/g, '') || 'group';

/** Working groups: creating (with their channels), the directory, the group page, coordinators. */
@Injectable()
export class GroupsService implements OnApplicationBootstrap {
  constructor(
    private readonly groups: GroupsRepository,
    private readonly access: GroupAccessService,
    private readonly policy: ModerationPolicy,
    private readonly channels: ChannelsService,
    private readonly users: UsersRepository,
    private readonly audit: AuditService,
  ) {}

  /** Cluster staff create groups (the route is role-guarded); the general and announcements channels come with it. */
  async create(me: AuthUser, input: CreateGroupRequest): Promise<MyGroup> {
    const slug = slugOf(input.name);
    let group: GroupRecord;
    try {
      group = await this.groups.create({
        name: input.name,
        slug,
        description: input.description ?? '',
        tags: input.tags ?? [],
        visibility: input.visibility,
        createdBy: me.id,
      });
    } catch (err) {
      if (isDuplicateKeyError(err))
        throw new ApiException(HttpStatus.CONFLICT, ErrorCode.Conflict, 'A group with this name already exists', {
          fields: [{ field: 'name', message: 'is taken' }],
        });
      throw err;
    }
    const generalType = input.visibility === 'open' ? 'public' : 'private';
    const membersOnly = input.visibility !== 'open';
    let general: string;
    let announcements: string;
    try {
      general = (
        await this.channels.create(
          me,
          { name: `${slug}-general`, type: generalType, topic: input.name },
          { groupId: group.id, membersOnly },
        )
      ).id;
      announcements = (
        await this.channels.create(
          me,
          { name: `${slug}-announcements`, type: 'announcement', topic: input.name },
          { groupId: group.id, membersOnly },
        )
      ).id;
    } catch (err) {
      await this.groups.deleteEmpty(group.id);
      throw err;
    }
    group = (await this.groups.setChannels(group.id, general, announcements)) ?? group;
    await this.audit.record({
      actorId: me.id,
      action: 'group.create',
      targetType: 'group',
      targetId: group.id,
      scopeId: group.id,
      after: { name: group.name, visibility: group.visibility },
    });
    for (const userId of input.coordinatorIds ?? []) await this.appoint(me, group.id, userId);
    return this.get(me, group.id);
  }

  /** Groups made before channels had `membersOnly`: their channels follow the group's visibility (idempotent, every boot). */
  async onApplicationBootstrap(): Promise<void> {
    const closed = await this.groups.notOpen();
    await this.channels.setMembersOnlyDirect(
      closed.flatMap((g) => this.access.channelIds(g)),
      true,
    );
  }

  async exists(slug: string): Promise<boolean> {
    return (await this.groups.findBySlug(slug)) !== null;
  }

  async browse(me: AuthUser, q: { q?: string; archived?: boolean; cursor?: string; limit: number }): Promise<Page<MyGroup>> {
    const rows = await this.groups.browse(q);
    const page = toPage(
      rows,
      q.limit,
      (g) => g.name,
      (g) => g,
    );
    return { items: await Promise.all(page.items.map((g) => this.view(me, g))), nextCursor: page.nextCursor };
  }

  async get(me: AuthUser, groupId: string): Promise<MyGroup> {
    return this.view(me, await this.access.load(groupId));
  }

  async update(me: AuthUser, groupId: string, input: UpdateGroupRequest): Promise<MyGroup> {
    const before = await this.access.forChange(me, groupId);
    const { reason, ...patch } = input;
    const updated = await this.groups.update(groupId, patch);
    if (!updated) throw notFound('Group');
    if (patch.visibility && patch.visibility !== before.visibility) {
      await this.channels.setMembersOnlyDirect(this.access.channelIds(updated), patch.visibility !== 'open');
    }
    await this.audit.record({
      actorId: me.id,
      action: 'group.update',
      targetType: 'group',
      targetId: groupId,
      scopeId: groupId,
      reason: reason ?? null,
      before: { name: before.name, description: before.description, tags: before.tags, visibility: before.visibility },
      after: { ...patch },
    });
    return this.view(me, updated);
  }

  /** Archives a group (cluster staff; the route is role-guarded): read-only from then on, its channels archived with it. */
  async archive(me: AuthUser, groupId: string, reason: string): Promise<MyGroup> {
    const group = await this.access.load(groupId);
    const archived = await this.groups.setArchived(groupId, new Date());
    if (!archived) throw groupArchived();
    for (const channelId of this.access.channelIds(group)) await this.channels.setArchivedDirect(channelId, true);
    await this.audit.record({ actorId: me.id, action: 'group.archive', targetType: 'group', targetId: groupId, scopeId: groupId, reason });
    return this.view(me, archived);
  }

  async restore(me: AuthUser, groupId: string, reason: string | null): Promise<MyGroup> {
    const group = await this.access.load(groupId);
    const restored = await this.groups.setArchived(groupId, null);
    if (!restored) throw new ApiException(HttpStatus.CONFLICT, ErrorCode.Conflict, 'This group is not archived');
    for (const channelId of this.access.channelIds(group)) await this.channels.setArchivedDirect(channelId, false);
    await this.audit.record({ actorId: me.id, action: 'group.restore', targetType: 'group', targetId: groupId, scopeId: groupId, reason });
    return this.view(me, restored);
  }

  /** The group's channels with their slow mode (coordinators and staff). */
  async channelSettings(me: AuthUser, groupId: string): Promise<GroupChannel[]> {
    const group = await this.access.forModeration(me, groupId);
    const channels = await this.channels.describe(this.access.channelIds(group));
    return channels.flatMap((c) =>
      c.type === 'direct' ? [] : [{ id: c.id, name: c.name, type: c.type, slowModeSeconds: c.slowModeSeconds, archived: c.archived }],
    );
  }

  /** Appoints a coordinator (cluster staff only: the route is role-guarded); they join the group and own its channels. */
  async appoint(me: AuthUser, groupId: string, userId: string, reason: string | null = null): Promise<void> {
    const group = await this.access.load(groupId);
    assertActive(group);
    const user = await this.users.findById(userId);
    if (!user || user.status !== 'active') throw notFound('User');
    await this.groups.unban(groupId, userId);
    await this.groups.addMember(groupId, userId);
    await this.policy.addModerator(groupId, userId);
    for (const channelId of this.access.channelIds(group)) {
      await this.channels.removeMembers(channelId, [userId]); // a member's role is upgraded by re-adding
      await this.channels.addMembers(channelId, [userId], 'owner');
    }
    await this.audit.record({
      actorId: me.id,
      action: 'group.coordinator.appoint',
      targetType: 'user',
      targetId: userId,
      scopeId: groupId,
      reason,
    });
  }

  async dismiss(me: AuthUser, groupId: string, userId: string, reason: string | null = null): Promise<void> {
    const group = await this.access.load(groupId);
    if (!(await this.policy.removeModerator(groupId, userId))) throw notFound('Coordinator');
    // back to plain member of the channels
    for (const channelId of this.access.channelIds(group)) {
      await this.channels.removeMembers(channelId, [userId]);
      await this.channels.addMembers(channelId, [userId], 'member');
    }
    await this.audit.record({
      actorId: me.id,
      action: 'group.coordinator.dismiss',
      targetType: 'user',
      targetId: userId,
      scopeId: groupId,
      reason,
    });
  }

  async members(me: AuthUser, groupId: string, q: { cursor?: string; limit: number }): Promise<Page<GroupMember>> {
    await this.access.load(groupId);
    const rows = await this.groups.listMembers(groupId, q.cursor, q.limit);
    const page = toPage(
      rows,
      q.limit,
      (r) => r.joinedAt.getTime(),
      (r) => r,
    );
    const [people, coordinators, mutes] = await Promise.all([
      this.users.findByIds(page.items.map((r) => r.userId)),
      this.policy.moderatorsOf(groupId),
      this.policy.activeMutes(groupId),
    ]);
    const byId = new Map(people.map((u) => [u.id, u]));
    const coord = new Set(coordinators);
    const muted = new Map(mutes.map((m) => [m.userId, m.until]));
    return {
      items: page.items.flatMap((r) => {
        const u = byId.get(r.userId);
        if (!u) return [];
        return [
          {
            userId: u.id,
            displayName: u.displayName,
            organisationId: u.organisationId,
            organisationName: u.organisationName,
            role: coord.has(u.id) ? ('coordinator' as const) : ('member' as const),
            joinedAt: r.joinedAt.toISOString(),
            mutedUntil: muted.get(u.id) ?? null,
          },
        ];
      }),
      nextCursor: page.nextCursor,
    };
  }

  async coordinators(groupId: string): Promise<{ userId: string; displayName: string; organisationName: string | null }[]> {
    await this.access.load(groupId);
    const people = await this.users.findByIds(await this.policy.moderatorsOf(groupId));
    return people.map((u) => ({ userId: u.id, displayName: u.displayName, organisationName: u.organisationName }));
  }

  private async view(me: AuthUser, g: GroupRecord): Promise<MyGroup> {
    const [member, moderator, canModerate, requested, invited] = await Promise.all([
      this.groups.isMember(g.id, me.id),
      this.policy.isModerator(g.id, me.id),
      this.access.canModerate(me, g.id),
      this.groups.hasPendingRequest(g.id, me.id),
      this.groups.isInvited(g.id, me.id),
    ]);
    const { createdBy: _createdBy, ...group } = g;
    void _createdBy;
    return { ...group, myRole: moderator ? 'coordinator' : member ? 'member' : null, requested, invited, canModerate };
  }
}
