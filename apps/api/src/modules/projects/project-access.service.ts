import { Injectable } from '@nestjs/common';
import type { ProjectRole } from '@klasteris/contracts';
import { forbidden, notFound } from '../../common/api-exception';
import type { AuthUser } from '../../common/auth-user';
import type { ProjectRecord } from './project.schema';
import { ProjectMembersRepository } from './project-members.repository';
import { ProjectsRepository } from './projects.repository';

/** read: any member; write: owners and members (not observers); own: owners only. */
export type ProjectNeed = 'read' | 'write' | 'own';

export interface ProjectAccess {
  project: ProjectRecord;
  role: ProjectRole;
}

export function allows(role: ProjectRole, need: ProjectNeed): boolean {
  switch (need) {
    case 'read':
      return true;
    case 'write':
      return role === 'owner' || role === 'member';
    case 'own':
      return role === 'owner';
  }
}

/** The one place that decides who may see and change a project: non-members get 404, observers 403 on writes. */
@Injectable()
export class ProjectAccessService {
  constructor(
    private readonly projects: ProjectsRepository,
    private readonly members: ProjectMembersRepository,
  ) {}

  async require(me: Pick<AuthUser, 'id'>, projectId: string, need: ProjectNeed): Promise<ProjectAccess> {
    const [project, membership] = await Promise.all([this.projects.findById(projectId), this.members.find(projectId, me.id)]);
    if (!project || !membership) throw notFound('Project');
    if (!allows(membership.role, need)) {
      throw forbidden(need === 'own' ? 'Only project owners can do this' : 'Observers cannot change the board');
    }
    return { project, role: membership.role };
  }

  /** For realtime: the role, or null when the user may not see the project. */
  async roleOf(userId: string, projectId: string): Promise<ProjectRole | null> {
    return (await this.members.find(projectId, userId))?.role ?? null;
  }
}
