import { Injectable } from '@nestjs/common';
import { notFound, validationFailed } from '../../common/api-exception';
import type { AuthUser } from '../../common/auth-user';
import { CardsRepository } from '../boards/cards.repository';
import { ProjectAccessService } from '../projects/project-access.service';
import { ProjectsRepository } from '../projects/projects.repository';
import type { ResourceRecord } from './resource.schema';

/** Bookings and projects: project-only resources, and bookings linked to a project and a card of its board. */
@Injectable()
export class ProjectLinks {
  constructor(
    private readonly access: ProjectAccessService,
    private readonly projects: ProjectsRepository,
    private readonly cards: CardsRepository,
  ) {}

  /** Whether `userId` is a member of the project a project-only resource is reserved for. */
  async memberOfResourceProject(userId: string, r: Pick<ResourceRecord, 'policy'>): Promise<boolean> {
    const projectId = r.policy.access.mode === 'project' ? r.policy.access.projectId : null;
    return projectId ? (await this.access.roleOf(userId, projectId)) !== null : false;
  }

  /** The projects (of those given) the user is a member of. */
  async memberships(userId: string, projectIds: string[]): Promise<Set<string>> {
    const unique = [...new Set(projectIds)];
    const roles = await Promise.all(unique.map((p) => this.access.roleOf(userId, p)));
    return new Set(unique.filter((_, i) => roles[i] !== null));
  }

  async assertProjectExists(projectId: string): Promise<void> {
    if (!(await this.projects.findById(projectId))) throw validationFailed([{ field: 'policy.access.projectId', message: 'is not a known project' }]);
  }

  /**
   * A booking may name a project (the requester must be a member: 404 otherwise) and a card of that
   * project's board (a card alone implies its project).
   */
  async link(me: AuthUser, projectId: string | undefined, cardId: string | undefined): Promise<{ projectId: string | null; cardId: string | null }> {
    let project = projectId ?? null;
    if (cardId) {
      const ofCard = await this.cards.projectOf(cardId);
      if (!ofCard) throw notFound('Card');
      if (project && project !== ofCard) throw validationFailed([{ field: 'cardId', message: 'belongs to another project' }]);
      project = ofCard;
    }
    if (project) await this.access.require(me, project, 'read');
    return { projectId: project, cardId: cardId ?? null };
  }

  async requireMember(me: AuthUser, projectId: string): Promise<void> {
    await this.access.require(me, projectId, 'read');
  }
}
