import { Injectable } from '@nestjs/common';
import { notFound } from '../../common/api-exception';
import { AuthUser, hasRole, isStaff } from '../../common/auth-user';
import { GroupsRepository } from '../groups/groups.repository';
import { ModerationPolicy } from '../moderation/moderation-policy';
import { ProjectMembersRepository } from '../projects/project-members.repository';
import { canManageEvent, canSeeEvent, type EventFacts } from './event-policy';
import type { LeanEvent } from './event.schema';
import { EventScope, EventsRepository } from './events.repository';

export const factsOf = (e: LeanEvent): EventFacts => ({
  organiserType: e.organiserType,
  groupId: e.groupId?.toHexString() ?? null,
  projectId: e.projectId?.toHexString() ?? null,
  organisationId: e.organisationId?.toHexString() ?? null,
  visibility: e.visibility,
  state: e.state,
});

/** The one place that decides who sees and runs events: not visible → 404 (like channels). */
@Injectable()
export class EventAccessService {
  constructor(
    private readonly events: EventsRepository,
    private readonly groups: GroupsRepository,
    private readonly moderation: ModerationPolicy,
    private readonly projectMembers: ProjectMembersRepository,
  ) {}

  /** The caller's memberships that decide what they see and run. */
  async scopeOf(me: Pick<AuthUser, 'id' | 'roles' | 'organisationId'>): Promise<EventScope> {
    if (isStaff(me))
      return { staff: true, groupIds: [], projectIds: [], managedGroupIds: [], managedProjectIds: [], managedOrganisationId: null };
    const [groupIds, managedGroupIds, projectIds] = await Promise.all([
      this.groups.groupIdsOf(me.id),
      this.moderation.groupsModeratedBy(me.id),
      this.projectMembers.projectIdsForUser(me.id),
    ]);
    const roles = await this.projectMembers.rolesOf(me.id, projectIds);
    return {
      staff: false,
      groupIds: groupIds.map(String),
      projectIds,
      managedGroupIds: managedGroupIds.map(String),
      managedProjectIds: [...roles].filter(([, r]) => r === 'owner').map(([id]) => id),
      managedOrganisationId: hasRole(me, 'org_admin') ? me.organisationId : null,
    };
  }

  async visible(me: AuthUser, id: string): Promise<{ event: LeanEvent; scope: EventScope; canManage: boolean }> {
    const [event, scope] = await Promise.all([this.events.findById(id), this.scopeOf(me)]);
    if (!event || !canSeeEvent(scope, factsOf(event))) throw notFound('Event');
    return { event, scope, canManage: canManageEvent(scope, factsOf(event)) };
  }
}
