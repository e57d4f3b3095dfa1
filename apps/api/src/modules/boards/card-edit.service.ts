import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { CardEditableFields, type Card, type CardEditableField, type UpdateCardRequest } from '@klasteris/contracts';
import { notFound, validationFailed } from '../../common/api-exception';
import type { AuthUser } from '../../common/auth-user';
import { oid } from '../../common/object-id';
import { AttachmentStore } from '../files/attachment-store';
import { ActivityService } from '../projects/activity.service';
import { BoardAccessService } from './board-access.service';
import { BoardChanges } from './board-cache';
import { announceDeleted, announceUpdated, publicCard } from './card-events';
import { CardAssignedEvent } from './boards.events';
import { CardRefsService } from './card-refs.service';
import { CardFieldValues, CardsRepository } from './cards.repository';
import { CommentsRepository } from './comments.repository';
import { versionConflict, writeWithMerge } from './card-write';
import { appendChange } from './merge';

/** Editing a card's fields (PATCH with merge), archiving and deleting. */
@Injectable()
export class CardEditService {
  constructor(
    private readonly access: BoardAccessService,
    private readonly cards: CardsRepository,
    private readonly comments: CommentsRepository,
    private readonly refs: CardRefsService,
    private readonly activity: ActivityService,
    private readonly events: EventEmitter2,
    private readonly changes: BoardChanges,
    private readonly files: AttachmentStore,
  ) {}

  async update(me: AuthUser, cardId: string, patch: UpdateCardRequest): Promise<Card> {
    const { version, ...rest } = patch;
    const values: CardFieldValues = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
    const fields = CardEditableFields.filter((f): f is CardEditableField => f in values);
    if (fields.length === 0) throw validationFailed([{ field: 'body', message: 'names no field to change' }]);
    if (values.assigneeIds) values.assigneeIds = [...new Set(values.assigneeIds)];
    if (values.labelIds) values.labelIds = [...new Set(values.labelIds)];
    const { project, card } = await this.access.card(me, cardId, 'write');
    await this.refs.check(project.id, {
      ...values,
      startDate: values.startDate ?? card.startDate,
      dueDate: values.dueDate ?? card.dueDate,
    });

    const { before, after } = await writeWithMerge(this.cards, card, version, fields, (current) =>
      this.cards.updateIfVersion(current, current.version, values, appendChange(current.changes, current.version + 1, fields)),
    );
    await this.changes.committed(project.id, { kind: 'upsert', card: publicCard(after) });
    const kind =
      values.archived === true && !before.archived
        ? 'card.archived'
        : values.archived === false && before.archived
          ? 'card.restored'
          : 'card.updated';
    await this.activity.record({ projectId: project.id, cardId, actor: me, kind, data: { fields, version: after.version } });
    announceUpdated(this.events, publicCard(after), fields);
    const newAssignees = (values.assigneeIds ?? []).filter((id) => id !== me.id && !before.assigneeIds.includes(id));
    if (newAssignees.length > 0) {
      await this.events.emitAsync(CardAssignedEvent.event, new CardAssignedEvent(project, publicCard(after), me, newAssignees));
    }
    return publicCard(after);
  }

  /** Deletes a card; with `version`, only if nobody changed it since. */
  async delete(me: AuthUser, cardId: string, version: number | undefined): Promise<void> {
    const { project, card } = await this.access.card(me, cardId, 'write');
    if (!(await this.cards.delete(project.id, cardId, version))) {
      const current = await this.cards.findInProject(project.id, cardId);
      if (!current) throw notFound('Card');
      throw versionConflict(current, []);
    }
    await this.changes.committed(project.id, { kind: 'delete', cardId });
    await this.comments.deleteForCard(project.id, cardId);
    for (const a of card.attachments) await this.files.remove(oid(a.id));
    await this.activity.record({ projectId: project.id, cardId, actor: me, kind: 'card.deleted', data: { title: card.title } });
    announceDeleted(this.events, project.id, cardId, card.columnId);
  }
}
