import { HttpException, Injectable } from '@nestjs/common';
import type { Column, Label } from '@klasteris/contracts';
import { notFound } from '../../common/api-exception';
import type { AuthUser } from '../../common/auth-user';
import { ProjectAccess, ProjectAccessService, ProjectNeed } from '../projects/project-access.service';
import { CardsRepository, StoredCard } from './cards.repository';
import { ColumnsRepository } from './columns.repository';
import { LabelsRepository } from './labels.repository';

/**
 * Resolves a card, column or label to its project and checks the caller's access there. Someone
 * who is not a member of that project gets the same 404 as for an id that does not exist.
 */
@Injectable()
export class BoardAccessService {
  constructor(
    private readonly access: ProjectAccessService,
    private readonly cards: CardsRepository,
    private readonly columns: ColumnsRepository,
    private readonly labels: LabelsRepository,
  ) {}

  project(me: AuthUser, projectId: string, need: ProjectNeed): Promise<ProjectAccess> {
    return this.access.require(me, projectId, need);
  }

  async card(me: AuthUser, cardId: string, need: ProjectNeed): Promise<ProjectAccess & { card: StoredCard }> {
    const card = await this.cards.findForAccessCheck(cardId);
    if (!card) throw notFound('Card');
    return { ...(await this.scoped(me, card.projectId, need, 'Card')), card };
  }

  async column(me: AuthUser, columnId: string, need: ProjectNeed): Promise<ProjectAccess & { column: Column }> {
    const projectId = await this.columns.projectOf(columnId);
    const access = await this.scoped(me, projectId, need, 'Column');
    const column = await this.columns.findInProject(access.project.id, columnId);
    if (!column) throw notFound('Column');
    return { ...access, column };
  }

  async label(me: AuthUser, labelId: string, need: ProjectNeed): Promise<ProjectAccess & { label: Label }> {
    const projectId = await this.labels.projectOf(labelId);
    const access = await this.scoped(me, projectId, need, 'Label');
    const label = await this.labels.findInProject(access.project.id, labelId);
    if (!label) throw notFound('Label');
    return { ...access, label };
  }

  private async scoped(me: AuthUser, projectId: string | null, need: ProjectNeed, what: string): Promise<ProjectAccess> {
    if (!projectId) throw notFound(what);
    try {
      return await this.access.require(me, projectId, need);
    } catch (err) {
      if (err instanceof HttpException && err.getStatus() === 404) throw notFound(what);
      throw err;
    }
  }
}
