import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { CardAssignedEvent, CardMentionEvent } from '../boards/boards.events';
import { cardPath } from '../boards/card-path';
import { ProjectMemberAddedEvent } from '../projects/projects.events';
import { NotificationTexts as T } from './notice-texts';
import { NotificationsService } from '../notifications/notifications.service';

/** Boards and projects → notifications (awaited by the request that caused them, as the inline calls were). */
@Injectable()
export class BoardNotices {
  constructor(private readonly notifications: NotificationsService) {}

  @OnEvent(CardAssignedEvent.event, { suppressErrors: false })
  async onAssigned(e: CardAssignedEvent): Promise<void> {
    await this.notifications.notify(e.userIds, {
      kind: 'card.assigned',
      title: T.cardAssigned({ actor: e.actor.displayName, card: e.card.title }),
      body: e.project.name,
      link: cardPath({ id: e.card.id, projectId: e.project.id }),
    });
  }

  @OnEvent(CardMentionEvent.event, { suppressErrors: false })
  async onMention(e: CardMentionEvent): Promise<void> {
    await this.notifications.notify(e.userIds, {
      kind: 'mention',
      title: T.cardMention({ actor: e.actor.displayName, card: e.card.title }),
      body: e.excerpt,
      link: cardPath({ id: e.card.id, projectId: e.project.id }),
    });
  }

  @OnEvent(ProjectMemberAddedEvent.event, { suppressErrors: false })
  async onMemberAdded(e: ProjectMemberAddedEvent): Promise<void> {
    await this.notifications.notify([e.userId], {
      kind: 'system',
      title: T.projectMemberAdded({ actor: e.actor.displayName, project: e.project.name }),
      link: `/projects/${e.project.id}`,
    });
  }
}
