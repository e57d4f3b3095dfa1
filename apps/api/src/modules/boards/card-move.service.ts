import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import type { Card, MoveCardRequest } from '@klasteris/contracts';
import { notFound, validationFailed } from '../../common/api-exception';
import type { AuthUser } from '../../common/auth-user';
import { ActivityService } from '../projects/activity.service';
import { BoardAccessService } from './board-access.service';
import { writeWithMerge } from './card-write';
import { BoardChanges } from './board-cache';
import { announceMoved, publicCard } from './card-events';
import { CardPlacementService } from './card-placement.service';
import { CardsRepository } from './cards.repository';
import { ColumnsRepository } from './columns.repository';
import { appendChange } from './merge';

/**
 * Moving a card: only into a column of the card's own project (a column of another board is "not
 * found" — WeKan CVE-2026-25566), writing only the moved card (new rank and column), with the
 * version check of every card change (a move merges with edits of other fields).
 */
@Injectable()
export class CardMoveService {
  constructor(
    private readonly access: BoardAccessService,
    private readonly cards: CardsRepository,
    private readonly columns: ColumnsRepository,
    private readonly placement: CardPlacementService,
    private readonly activity: ActivityService,
    private readonly events: EventEmitter2,
    private readonly changes: BoardChanges,
  ) {}

  async move(me: AuthUser, cardId: string, req: MoveCardRequest): Promise<Card> {
    const { project, card } = await this.access.card(me, cardId, 'write');
    const target = await this.columns.findInProject(project.id, req.toColumnId);
    if (!target) throw notFound('Column');
    if (target.archived) throw validationFailed([{ field: 'toColumnId', message: 'is archived' }]);
    const { before, after } = await writeWithMerge(this.cards, card, req.version, ['position'], (current) =>
      this.placement.place(project.id, target.id, req, cardId, (rank) =>
        this.cards.moveIfVersion(
          current,
          current.version,
          target.id,
          rank,
          appendChange(current.changes, current.version + 1, ['position']),
        ),
      ),
    );
    await this.changes.committed(project.id, { kind: 'upsert', card: publicCard(after) });
    await this.activity.record({
      projectId: project.id,
      cardId,
      actor: me,
      kind: 'card.moved',
      data: { fromColumnId: before.columnId, toColumnId: target.id, version: after.version },
    });
    announceMoved(this.events, publicCard(after), before.columnId);
    return publicCard(after);
  }
}
