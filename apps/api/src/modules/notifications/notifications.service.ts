import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import type { Notification, Page } from '@klasteris/contracts';
import { notFound } from '../../common/api-exception';
import { toPage } from '../../common/pagination';
import { NewNotification, NotificationsRepository } from './notifications.repository';
import { NotificationCreatedEvent } from './notifications.events';

@Injectable()
export class NotificationsService {
  constructor(
    private readonly repo: NotificationsRepository,
    private readonly events: EventEmitter2,
  ) {}

  /** Stores one notification per user and announces each (realtime pushes `notification:new`). */
  async notify(userIds: string[], n: NewNotification): Promise<void> {
    const created = await this.repo.createMany([...new Set(userIds)], n);
    for (const c of created) this.events.emit(NotificationCreatedEvent.event, new NotificationCreatedEvent(c.userId, c.notification));
  }

  async list(userId: string, q: { unreadOnly: boolean; cursor?: string; limit: number }): Promise<Page<Notification> & { unread: number }> {
    const [rows, unread] = await Promise.all([this.repo.listForUser(userId, q), this.repo.countUnread(userId)]);
    return { ...toPage(rows, q.limit, (r) => new Date(r.createdAt).getTime(), (r) => r), unread };
  }

  async markRead(userId: string, id: string): Promise<void> {
    if (!(await this.repo.markRead(userId, id))) throw notFound('Notification');
  }

  markAllRead(userId: string): Promise<void> {
    return this.repo.markAllRead(userId);
  }
}
