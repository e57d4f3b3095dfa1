import type { Project, ProjectMember, ProjectRole } from '@klasteris/contracts';
import type { OrganisationRecord } from '../organisations/organisation.schema';
import type { UserRecord } from '../users/user.schema';
import type { ProjectRecord } from './project.schema';
import type { ProjectMemberRecord } from './project-member.schema';

export function toProjectBase(p: ProjectRecord, orgs: Map<string, OrganisationRecord>): Omit<Project, 'myRole'> {
  return {
    id: p.id,
    name: p.name,
    summary: p.summary,
    status: p.status,
    organisations: p.organisationIds.flatMap((id) => {
      const o = orgs.get(id);
      return o ? [{ id: o.id, name: o.name, country: o.country }] : [];
    }),
    channelId: p.channelId,
    groupId: p.groupId,
    createdBy: p.createdBy,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
    memberCount: p.memberCount,
  };
}

export const toProject = (p: ProjectRecord, orgs: Map<string, OrganisationRecord>, myRole: ProjectRole): Project => ({
  ...toProjectBase(p, orgs),
  myRole,
});

export const toProjectMember = (m: ProjectMemberRecord, u: UserRecord | undefined): ProjectMember => ({
  userId: m.userId,
  displayName: u?.displayName ?? 'Former user',
  initials: u?.initials ?? '?',
  avatarColor: u?.avatarColor ?? '#37474f',
  organisationId: u?.organisationId ?? null,
  organisationName: u?.organisationName ?? null,
  role: m.role,
  joinedAt: m.joinedAt.toISOString(),
});
