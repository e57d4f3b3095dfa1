import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { CardAssignedEvent } from '../boards/boards.events';
import { cardPath } from '../boards/card-path';
import { OutboxService } from '../mail/outbox.service';
import { UsersRepository } from '../users/users.repository';
import { recipientOf } from './mail-recipient';

/**
 * Boards → mails. "Assigned to me": queued by the create or edit that assigned the person (the
 * event leaves the actor out). The key is the card and the version that made the assignment, so
 * repeating that step queues nothing new, while being assigned again later (after an unassignment)
 * mails again. Errors are logged by the emitter and never reach the request (suppressErrors).
 */
@Injectable()
export class BoardMails {
  constructor(
    private readonly outbox: OutboxService,
    private readonly users: UsersRepository,
  ) {}

  @OnEvent(CardAssignedEvent.event)
  async onAssigned({ project, card, actor, userIds }: CardAssignedEvent): Promise<void> {
    const assigner = (await this.users.findById(actor.id))?.displayName ?? actor.displayName;
    for (const user of await this.users.findByIds([...new Set(userIds)])) {
      if (user.status !== 'active') continue;
      await this.outbox.enqueue({
        kind: 'card.assigned',
        key: `${card.id}:v${card.version}`,
        to: recipientOf(user),
        language: user.language,
        data: { assignerName: assigner, cardTitle: card.title, projectName: project.name, path: cardPath(card), dueDate: card.dueDate },
      });
    }
  }
}
