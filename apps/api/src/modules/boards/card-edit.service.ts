import { HttpStatus, Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { CardEditableFields, ErrorCode, type Card, type CardChangeField, type CardEditableField, type UpdateCardRequest, type VersionConflictDetails } from '@klasteris/contracts';
import { ApiException, notFound, validationFailed } from '../../common/api-exception';
import type { AuthUser } from '../../common/auth-user';
import { oid } from '../../common/object-id';
import { AttachmentStore } from '../files/attachment-store';
import { CardMails } from './card-mails.service';
import { ActivityService } from '../projects/activity.service';
import { BoardAccessService } from './board-access.service';
import { BoardChanges } from './board-cache';
import { announceDeleted, announceUpdated, publicCard } from './card-events';
import { CardAssignedEvent } from './boards.events';
import { CardRefsService } from './card-refs.service';
import { CardFieldValues, CardsRepository, StoredCard } from './cards.repository';
import { CommentsRepository } from './comments.repository';
import { appendChange, decideMerge } from './merge';

const MAX_ATTEMPTS = 20;

export const versionConflict = (current: StoredCard, fields: CardChangeField[]): ApiException => {
  const details: VersionConflictDetails = { current: publicCard(current), conflictingFields: fields };
  return new ApiException(HttpStatus.CONFLICT, ErrorCode.VersionConflict, 'Someone changed this card meanwhile', details as unknown as Record<string, unknown>);
};

/**
 * Applies `change` to a card based on version `base`: directly when the card is still there, merged
 * when the versions in between changed other fields, else 409 VERSION_CONFLICT with the current card.
 * The write is conditional on the version just read; a lost race re-reads and decides again.
 */
export async function writeWithMerge(
  cards: CardsRepository,
  first: StoredCard,
  base: number,
  fields: CardChangeField[],
  write: (current: StoredCard) => Promise<StoredCard | null>,
): Promise<{ before: StoredCard; after: StoredCard }> {
  let current = first;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const decision = decideMerge(base, current.version, current.changes, fields);
    if (decision.kind === 'conflict') throw versionConflict(current, decision.fields);
    const after = await write(current);
    if (after) return { before: current, after };
    const again = await cards.findInProject(current.projectId, current.id);
    if (!again) throw notFound('Card');
    current = again;
  }
  throw versionConflict(current, fields);
}

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
    private readonly mails: CardMails,
  ) {}

  async update(me: AuthUser, cardId: string, patch: UpdateCardRequest): Promise<Card> {
    const { version, ...rest } = patch;
    const values: CardFieldValues = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
    const fields = CardEditableFields.filter((f): f is CardEditableField => f in values);
    if (fields.length === 0) throw validationFailed([{ field: 'body', message: 'names no field to change' }]);
    if (values.assigneeIds) values.assigneeIds = [...new Set(values.assigneeIds)];
    if (values.labelIds) values.labelIds = [...new Set(values.labelIds)];
    const { project, card } = await this.access.card(me, cardId, 'write');
    await this.refs.check(project.id, { ...values, startDate: values.startDate ?? card.startDate, dueDate: values.dueDate ?? card.dueDate });

    const { before, after } = await writeWithMerge(this.cards, card, version, fields, (current) =>
      this.cards.updateIfVersion(current, current.version, values, appendChange(current.changes, current.version + 1, fields)),
    );
    await this.changes.committed(project.id, { kind: 'upsert', card: publicCard(after) });
    const kind = values.archived === true && !before.archived ? 'card.archived' : values.archived === false && before.archived ? 'card.restored' : 'card.updated';
    await this.activity.record({ projectId: project.id, cardId, actor: me, kind, data: { fields, version: after.version } });
    announceUpdated(this.events, publicCard(after), fields);
    const newAssignees = (values.assigneeIds ?? []).filter((id) => id !== me.id && !before.assigneeIds.includes(id));
    if (newAssignees.length > 0) {
      await this.events.emitAsync(CardAssignedEvent.event, new CardAssignedEvent(project, { id: cardId, title: after.title }, me, newAssignees));
      await this.mails.assigned(me, project.name, publicCard(after), newAssignees);
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
