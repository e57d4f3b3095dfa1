import type { BoardServerEventName, BoardServerPayload, Card } from '@klasteris/contracts';

/** Something board members should see: realtime emits `name` with `payload` to the room `board:<projectId>`
 * (the project's own changes come as ProjectUpdatedEvent and ProjectMembersChangedEvent). */
export class BoardRoomEvent<E extends BoardServerEventName = BoardServerEventName> {
  static readonly event = 'board.room';
  constructor(
    readonly projectId: string,
    readonly name: E,
    readonly payload: BoardServerPayload<E>,
  ) {}
}

/**
 * People were given a card (on creation or by an edit); modules/notices tells them in their
 * language and mails them ("assigned to me"), awaited by the create or edit.
 */
export class CardAssignedEvent {
  static readonly event = 'board.card-assigned';
  constructor(
    readonly project: { id: string; name: string },
    /** as it is after the step that assigned them (its version names that step) */
    readonly card: Pick<Card, 'id' | 'projectId' | 'title' | 'version' | 'dueDate'>,
    readonly actor: { id: string; displayName: string },
    /** the new assignees, the actor left out */
    readonly userIds: string[],
  ) {}
}

/** A comment on a card named members; the notifications listener tells them in their language. */
export class CardMentionEvent {
  static readonly event = 'board.card-mention';
  constructor(
    readonly project: { id: string; name: string },
    readonly card: { id: string; title: string },
    readonly actor: { id: string; displayName: string },
    readonly userIds: string[],
    readonly excerpt: string,
  ) {}
}
