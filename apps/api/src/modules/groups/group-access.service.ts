import { Injectable } from '@nestjs/common';
import { HttpStatus } from '@nestjs/common';
import { ErrorCode } from '@klasteris/contracts';
import { ApiException, forbidden, notFound } from '../../common/api-exception';
import { AuthUser, isStaff } from '../../common/auth-user';
import { ModerationPolicy } from '../moderation/moderation-policy';
import { GroupRecord, GroupsRepository } from './groups.repository';

export const groupArchived = (): ApiException => new ApiException(HttpStatus.CONFLICT, ErrorCode.GroupArchived, 'This group is archived');

/** An archived group is read-only. */
export function assertActive(group: GroupRecord): void {
  if (group.archived) throw groupArchived();
}

/** Loads a group and decides who may run it: cluster staff everywhere, its coordinators in it. */
@Injectable()
export class GroupAccessService {
  constructor(
    private readonly groups: GroupsRepository,
    private readonly policy: ModerationPolicy,
  ) {}

  async load(groupId: string): Promise<GroupRecord> {
    const group = await this.groups.findById(groupId);
    if (!group) throw notFound('Group');
    return group;
  }

  /**
   * For reading what a group says to its members (announcements): anyone in an open group; in an
   * invite- or request-only group its members, its coordinators and cluster staff.
   */
  async forMemberRead(me: AuthUser, groupId: string): Promise<GroupRecord> {
    const group = await this.load(groupId);
    if (group.visibility === 'open' || (await this.groups.isMember(groupId, me.id)) || (await this.canModerate(me, groupId))) return group;
    throw forbidden("Only the group's members read its announcements");
  }

  async canModerate(me: AuthUser, groupId: string): Promise<boolean> {
    return isStaff(me) || this.policy.isModerator(groupId, me.id);
  }

  async forModeration(me: AuthUser, groupId: string): Promise<GroupRecord> {
    const group = await this.load(groupId);
    if (!(await this.canModerate(me, groupId))) throw forbidden("Only the group's coordinators moderate it");
    return group;
  }

  /** For changes to a group: its coordinators or staff, and the group is not archived. */
  async forChange(me: AuthUser, groupId: string): Promise<GroupRecord> {
    const group = await this.forModeration(me, groupId);
    assertActive(group);
    return group;
  }

  channelIds(group: GroupRecord): string[] {
    return [group.channelIds.general, group.channelIds.announcements].filter(Boolean);
  }
}
