import type { EventOrganiserType, EventState, EventVisibility } from '@klasteris/contracts';
import type { EventScope } from './events.repository';

export interface EventFacts {
  organiserType: EventOrganiserType;
  groupId: string | null;
  projectId: string | null;
  organisationId: string | null;
  visibility: EventVisibility;
  state: EventState;
}

/**
 * Who runs an event: cluster staff always; for a group, its coordinators; for a project, its
 * owners; for an organisation, its admins. Cluster events are run by staff alone.
 */
export function canManageEvent(
  scope: EventScope,
  e: Pick<EventFacts, 'organiserType' | 'groupId' | 'projectId' | 'organisationId'>,
): boolean {
  if (scope.staff) return true;
  switch (e.organiserType) {
    case 'cluster':
      return false;
    case 'group':
      return e.groupId !== null && scope.managedGroupIds.includes(e.groupId);
    case 'project':
      return e.projectId !== null && scope.managedProjectIds.includes(e.projectId);
    case 'organisation':
      return e.organisationId !== null && scope.managedOrganisationId === e.organisationId;
  }
}

/** Who sees it: those who run it; otherwise not a draft, and public/members to every member, group/project to its members. */
export function canSeeEvent(scope: EventScope, e: EventFacts): boolean {
  if (canManageEvent(scope, e)) return true;
  if (e.state === 'draft') return false;
  switch (e.visibility) {
    case 'public':
    case 'members':
      return true;
    case 'group':
      return e.groupId !== null && (scope.groupIds.includes(e.groupId) || scope.managedGroupIds.includes(e.groupId));
    case 'project':
      return e.projectId !== null && scope.projectIds.includes(e.projectId);
  }
}
