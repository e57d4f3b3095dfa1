import type { ApproverMode, BookingPolicy } from '@klasteris/contracts';
import { AuthUser, canAdministerOrganisation, isStaff } from '../../../common/auth-user';

type Caller = Pick<AuthUser, 'id' | 'roles' | 'organisationId'>;

/** Cluster staff and the owning organisation's admins manage a resource (policy, blackouts, bookings). */
export const canManageResource = (user: Caller, ownerOrganisationId: string): boolean =>
  isStaff(user) || canAdministerOrganisation(user, ownerOrganisationId);

/**
 * Who may book: everyone, members of listed organisations, or members of one project or working group
 * (the caller says whether `user` is a member of it); the owner's admins and cluster staff always may.
 */
export function canBookResource(
  user: Caller,
  resource: { organisationId: string; policy: Pick<BookingPolicy, 'access'> },
  audienceMember = false,
): boolean {
  if (canManageResource(user, resource.organisationId)) return true;
  const { access } = resource.policy;
  switch (access.mode) {
    case 'all':
      return true;
    case 'organisations':
      return (
        user.organisationId !== null &&
        (user.organisationId === resource.organisationId || access.organisationIds.includes(user.organisationId))
      );
    case 'project':
    case 'group':
      return audienceMember;
  }
}

/** Number of approvals a booking needs before it is confirmed. */
export const approvalSteps = (mode: ApproverMode): number => (mode === 'owner_then_coordinator' ? 2 : 1);

/** True when `user` may give the approval numbered `step` (0-based) under `mode`. Nobody approves their own request. */
export function canApproveStep(user: Caller, mode: ApproverMode, step: number, ownerOrganisationId: string, requesterId: string): boolean {
  if (user.id === requesterId) return false;
  const owner = canAdministerOrganisation(user, ownerOrganisationId);
  const coordinator = isStaff(user);
  switch (mode) {
    case 'owner':
      return owner;
    case 'coordinator':
      return coordinator;
    case 'owner_or_coordinator':
      return owner || coordinator;
    case 'owner_then_coordinator':
      return step === 0 ? owner : coordinator;
  }
}
