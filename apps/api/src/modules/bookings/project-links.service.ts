import { Injectable, Logger } from '@nestjs/common';
import { notFound, validationFailed } from '../../common/api-exception';
import type { AuthUser } from '../../common/auth-user';
import { CardBookingsService } from '../boards/card-bookings.service';
import { CardsRepository } from '../boards/cards.repository';
import { ProjectAccessService } from '../projects/project-access.service';
import { ProjectsRepository } from '../projects/projects.repository';
import type { ResourceRecord } from './resource.schema';

/** Bookings and projects: project-only resources, and bookings linked to a project and a card of its board. */
@Injectable()
export class ProjectLinks {
  private readonly logger = new Logger('ProjectLinks');

  constructor(
    private readonly access: ProjectAccessService,
    private readonly projects: ProjectsRepository,
    private readonly cards: CardsRepository,
    private readonly cardBookings: CardBookingsService,
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
    if (!(await this.projects.findById(projectId)))
      throw validationFailed([{ field: 'policy.access.projectId', message: 'is not a known project' }]);
  }

  /**
   * A booking may name a project (the requester must be a member: 404 otherwise) and a card of that
   * project's board (a card alone implies its project; linking changes the card, so observers may not: 403).
   */
  async link(
    me: AuthUser,
    projectId: string | undefined,
    cardId: string | undefined,
  ): Promise<{ projectId: string | null; cardId: string | null }> {
    let project = projectId ?? null;
    if (cardId) {
      const ofCard = await this.cards.projectOf(cardId);
      if (!ofCard) throw notFound('Card');
      if (project && project !== ofCard) throw validationFailed([{ field: 'cardId', message: 'belongs to another project' }]);
      project = ofCard;
    }
    if (project) await this.access.require(me, project, cardId ? 'write' : 'read');
    return { projectId: project, cardId: cardId ?? null };
  }

  async requireMember(me: AuthUser, projectId: string): Promise<void> {
    await this.access.require(me, projectId, 'read');
  }

  /** A card the caller may see (a member of its project, observers included); 404 otherwise. */
  async requireCardReader(me: AuthUser, cardId: string): Promise<void> {
    const projectId = await this.cards.projectOf(cardId);
    if (!projectId || (await this.access.roleOf(me.id, projectId)) === null) throw notFound('Card');
  }

  /**
   * Puts new bookings on their card (the board shows them). The bookings are made by then: a failed
   * card write is logged, not answered as an error (a retry would book twice); the card's list of
   * bookings (GET /bookings/card/:id) reads the bookings themselves and stays complete.
   */
  async attachToCard(link: { projectId: string | null; cardId: string | null }, bookingIds: string[]): Promise<void> {
    if (!link.projectId || !link.cardId) return;
    try {
      await this.cardBookings.attach(link.projectId, link.cardId, bookingIds);
    } catch (err) {
      this.logger.warn(`bookings ${bookingIds.join(',')} not put on card ${link.cardId}: ${(err as Error).message}`);
    }
  }
}
