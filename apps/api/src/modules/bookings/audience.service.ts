import { Injectable } from '@nestjs/common';
import type { BookingPolicy } from '@klasteris/contracts';
import { validationFailed } from '../../common/api-exception';
import { GroupsRepository } from '../groups/groups.repository';
import { ProjectLinks } from './project-links.service';
import type { ResourceRecord } from './resource.schema';

type WithAccess = Pick<ResourceRecord, 'policy'>;

/**
 * The audience of a resource reserved for one project or one working group: whether a user belongs to
 * it (one lookup per resource, or two queries for a page of resources) and that the project or group exists.
 */
@Injectable()
export class ResourceAudience {
  constructor(
    private readonly projects: ProjectLinks,
    private readonly groups: GroupsRepository,
  ) {}

  /** Whether `userId` is a member of the project or working group the resource is reserved for (false for other modes). */
  async isMember(userId: string, r: WithAccess): Promise<boolean> {
    const { access } = r.policy;
    if (access.mode === 'project') return this.projects.memberOfResourceProject(userId, r);
    if (access.mode === 'group' && access.groupId) return this.groups.isMember(access.groupId, userId);
    return false;
  }

  /** For a page of resources: a predicate telling which of them reserve for an audience `userId` belongs to. */
  async membershipOf(userId: string, rs: WithAccess[]): Promise<(r: WithAccess) => boolean> {
    const projectIds = rs.flatMap((r) =>
      r.policy.access.mode === 'project' && r.policy.access.projectId ? [r.policy.access.projectId] : [],
    );
    const anyGroup = rs.some((r) => r.policy.access.mode === 'group');
    const [projects, groups] = await Promise.all([
      this.projects.memberships(userId, projectIds),
      anyGroup ? this.groups.groupIdsOf(userId) : Promise.resolve([]),
    ]);
    const groupSet = new Set(groups);
    return (r) => {
      const { access } = r.policy;
      if (access.mode === 'project') return !!access.projectId && projects.has(access.projectId);
      if (access.mode === 'group') return !!access.groupId && groupSet.has(access.groupId);
      return false;
    };
  }

  /** 400 VALIDATION_FAILED naming the field (as every policy check) when the access names a project or working group that does not exist. */
  async assertExists(access: Pick<BookingPolicy['access'], 'projectId' | 'groupId'> | undefined): Promise<void> {
    if (access?.projectId) await this.projects.assertProjectExists(access.projectId);
    if (access?.groupId && !(await this.groups.findById(access.groupId)))
      throw validationFailed([{ field: 'policy.access.groupId', message: 'is not a known working group' }]);
  }
}
