import type { EventEmitter2 } from '@nestjs/event-emitter';
import type { Card, CardChangeField } from '@klasteris/contracts';
import { BoardRoomEvent } from './boards.events';

/** Small helpers so every card write announces itself the same way. */
export const announceCreated = (events: EventEmitter2, card: Card): void => {
  events.emit(BoardRoomEvent.event, new BoardRoomEvent(card.projectId, 'board:card-created', { projectId: card.projectId, card }));
};

export const announceUpdated = (events: EventEmitter2, card: Card, fields: CardChangeField[]): void => {
  events.emit(BoardRoomEvent.event, new BoardRoomEvent(card.projectId, 'board:card-updated', { projectId: card.projectId, card, fields }));
};

export const announceMoved = (events: EventEmitter2, card: Card, fromColumnId: string): void => {
  events.emit(
    BoardRoomEvent.event,
    new BoardRoomEvent(card.projectId, 'board:card-moved', { projectId: card.projectId, card, fromColumnId }),
  );
};

export const announceDeleted = (events: EventEmitter2, projectId: string, cardId: string, columnId: string): void => {
  events.emit(BoardRoomEvent.event, new BoardRoomEvent(projectId, 'board:card-deleted', { projectId, cardId, columnId }));
};

/** Strips the change log before a card leaves the server. */
export const publicCard = <T extends Card>(c: T & { changes?: unknown }): Card => {
  const { changes: _changes, ...card } = c;
  return card;
};
