import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import type { Card, CreateCardRequest } from '@klasteris/contracts';
import { notFound, validationFailed } from '../../common/api-exception';
import type { AuthUser } from '../../common/auth-user';
import { MessagesService } from '../chat/messages.service';
import { ActivityService } from '../projects/activity.service';
import { CardFromMessageEvent } from '../projects/projects.events';
import { BoardAccessService } from './board-access.service';
import { announceCreated } from './card-events';
import { CardAssignedEvent } from './boards.events';
import { BoardChanges } from './board-cache';
import { CardPlacementService } from './card-placement.service';
import { CardRefsService } from './card-refs.service';
import { CardsRepository } from './cards.repository';
import { ColumnsRepository } from './columns.repository';

/** Creating a card: in a column of the same project, at the slot asked for, references checked. */
@Injectable()
export class CardCreateService {
  constructor(
    private readonly access: BoardAccessService,
    private readonly cards: CardsRepository,
    private readonly columns: ColumnsRepository,
    private readonly placement: CardPlacementService,
    private readonly refs: CardRefsService,
    private readonly activity: ActivityService,
    private readonly events: EventEmitter2,
    private readonly changes: BoardChanges,
    private readonly messages: MessagesService,
  ) {}

  async create(me: AuthUser, input: CreateCardRequest): Promise<Card> {
    const { project } = await this.access.project(me, input.projectId, 'write');
    const column = await this.columns.findInProject(project.id, input.columnId);
    if (!column) throw notFound('Column');
    if (column.archived) throw validationFailed([{ field: 'columnId', message: 'is archived' }]);
    await this.refs.check(project.id, input);
    // A card from a chat message: only from a message the caller may read, and of the channel named.
    if (input.sourceMessage) {
      const { message } = await this.messages.get(me, input.sourceMessage.messageId);
      if (message.channelId !== input.sourceMessage.channelId)
        throw validationFailed([{ field: 'sourceMessage.channelId', message: 'is not the channel of the message' }]);
    }
    const assigneeIds = [...new Set(input.assigneeIds ?? [])];
    const card = await this.placement.place(project.id, column.id, input, undefined, (rank) =>
      this.cards.create({
        projectId: project.id,
        columnId: column.id,
        rank,
        title: input.title,
        description: input.description ?? '',
        assigneeIds,
        labelIds: [...new Set(input.labelIds ?? [])],
        startDate: input.startDate ?? null,
        dueDate: input.dueDate ?? null,
        sourceMessage: input.sourceMessage ?? null,
        createdBy: me.id,
      }),
    );
    await this.changes.committed(project.id, { kind: 'upsert', card });
    await this.activity.record({
      projectId: project.id,
      cardId: card.id,
      actor: me,
      kind: 'card.created',
      data: { title: card.title, columnId: column.id },
    });
    announceCreated(this.events, card);
    if (card.sourceMessage)
      this.events.emit(
        CardFromMessageEvent.event,
        new CardFromMessageEvent(project.id, card.id, card.sourceMessage.channelId, card.sourceMessage.messageId),
      );
    const others = assigneeIds.filter((id) => id !== me.id);
    if (others.length > 0) {
      await this.events.emitAsync(CardAssignedEvent.event, new CardAssignedEvent(project, card, me, others));
    }
    return card;
  }
}
