import type { Role } from '@klasteris/contracts';

/** Who is calling, resolved from a valid access token and a live session. */
export interface AuthUser {
  id: string;
  sessionId: string;
  roles: Role[];
  organisationId: string | null;
  displayName: string;
}

export const hasRole = (user: Pick<AuthUser, 'roles'>, ...roles: Role[]): boolean => roles.some((r) => user.roles.includes(r));

/** Cluster staff: admins and coordinators. */
export const isStaff = (user: Pick<AuthUser, 'roles'>): boolean => hasRole(user, 'admin', 'coordinator');

/** May administer the given organisation: cluster admin, or an org admin of that organisation. */
export const canAdministerOrganisation = (user: Pick<AuthUser, 'roles' | 'organisationId'>, organisationId: string): boolean =>
  hasRole(user, 'admin') || (hasRole(user, 'org_admin') && user.organisationId === organisationId);
