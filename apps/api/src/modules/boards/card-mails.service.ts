import { Injectable, Logger } from '@nestjs/common';
import type { Card } from '@klasteris/contracts';
import type { AuthUser } from '../../common/auth-user';
import { OutboxService } from '../mail/outbox.service';
import { UsersRepository } from '../users/users.repository';

export const cardPath = (c: Pick<Card, 'id' | 'projectId'>): string => `/projects/${c.projectId}/board?card=${c.id}`;

/**
 * "Assigned to me": queued by the create or edit that assigned the person (never to oneself). The
 * key is the card and the version that made the assignment, so repeating that step queues nothing
 * new, while being assigned again later (after an unassignment) mails again. Never throws into the
 * request.
 */
@Injectable()
export class CardMails {
  private readonly logger = new Logger('CardMails');

  constructor(
    private readonly outbox: OutboxService,
    private readonly users: UsersRepository,
  ) {}

  async assigned(me: AuthUser, projectName: string, card: Card, userIds: string[]): Promise<void> {
    try {
      const ids = [...new Set(userIds)].filter((id) => id !== me.id);
      if (ids.length === 0) return;
      const assigner = (await this.users.findById(me.id))?.displayName ?? me.displayName;
      for (const user of await this.users.findByIds(ids)) {
        if (user.status !== 'active') continue;
        await this.outbox.enqueue({
          kind: 'card.assigned',
          key: `${card.id}:v${card.version}`,
          to: { email: user.email, name: user.displayName, userId: user.id },
          language: user.language,
          data: { assignerName: assigner, cardTitle: card.title, projectName, path: cardPath(card), dueDate: card.dueDate },
        });
      }
    } catch (err) {
      this.logger.error(`Could not queue card.assigned mails for card ${card.id}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
}
