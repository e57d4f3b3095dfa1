import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { CHECKLIST_MAX_ITEMS, type Card, type ChecklistItem } from '@klasteris/contracts';
import { Types } from 'mongoose';
import { notFound, validationFailed } from '../../common/api-exception';
import type { AuthUser } from '../../common/auth-user';
import { ActivityService } from '../projects/activity.service';
import { BoardAccessService } from './board-access.service';
import { writeWithMerge } from './card-write';
import { BoardChanges } from './board-cache';
import { announceUpdated, publicCard } from './card-events';
import { CardsRepository, StoredCard } from './cards.repository';
import { appendChange } from './merge';

type Edit = (items: ChecklistItem[]) => ChecklistItem[];

/**
 * Checklist items are changed one at a time (add, tick, rename, remove) without the client's
 * version: each operation is applied to the card as it is now, guarded by the version just read,
 * so two people ticking different items never lose each other's tick.
 */
@Injectable()
export class ChecklistService {
  constructor(
    private readonly access: BoardAccessService,
    private readonly cards: CardsRepository,
    private readonly activity: ActivityService,
    private readonly events: EventEmitter2,
    private readonly changes: BoardChanges,
  ) {}

  add(me: AuthUser, cardId: string, text: string): Promise<Card> {
    return this.apply(me, cardId, (items) => {
      if (items.length >= CHECKLIST_MAX_ITEMS)
        throw validationFailed([{ field: 'text', message: `a checklist holds at most ${CHECKLIST_MAX_ITEMS} items` }]);
      return [...items, { id: new Types.ObjectId().toHexString(), text, done: false }];
    });
  }

  update(me: AuthUser, cardId: string, itemId: string, patch: { text?: string; done?: boolean }): Promise<Card> {
    return this.apply(me, cardId, (items) => {
      if (!items.some((i) => i.id === itemId)) throw notFound('Checklist item');
      return items.map((i) =>
        i.id === itemId
          ? { ...i, ...(patch.text !== undefined ? { text: patch.text } : {}), ...(patch.done !== undefined ? { done: patch.done } : {}) }
          : i,
      );
    });
  }

  remove(me: AuthUser, cardId: string, itemId: string): Promise<Card> {
    return this.apply(me, cardId, (items) => {
      if (!items.some((i) => i.id === itemId)) throw notFound('Checklist item');
      return items.filter((i) => i.id !== itemId);
    });
  }

  private async apply(me: AuthUser, cardId: string, edit: Edit): Promise<Card> {
    const { project, card } = await this.access.card(me, cardId, 'write');
    // Item operations commute: each attempt edits the checklist as it is at the version just read.
    const write = (current: StoredCard): Promise<StoredCard | null> =>
      this.cards.updateIfVersion(
        current,
        current.version,
        { checklist: edit(current.checklist) },
        appendChange(current.changes, current.version + 1, ['checklist']),
      );
    const { after } = await writeWithMerge(this.cards, card, card.version, [], write);
    await this.changes.committed(project.id, { kind: 'upsert', card: publicCard(after) });
    await this.activity.record({ projectId: project.id, cardId, actor: me, kind: 'checklist.updated', data: { version: after.version } });
    announceUpdated(this.events, publicCard(after), ['checklist']);
    return publicCard(after);
  }
}
