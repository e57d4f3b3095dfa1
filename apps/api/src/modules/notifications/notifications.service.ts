import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import type { Language, Notification, Page } from '@klasteris/contracts';
import { PreferencesService } from '../preferences/preferences.service';
import { UsersRepository } from '../users/users.repository';
import { notFound } from '../../common/api-exception';
import { toPage } from '../../common/pagination';
import { Localised, NewNotification, NotificationsRepository } from './notifications.repository';
import { NotificationCreatedEvent } from './notifications.events';

@Injectable()
export class NotificationsService {
  constructor(
    private readonly repo: NotificationsRepository,
    private readonly events: EventEmitter2,
    private readonly users: UsersRepository,
    private readonly prefs: PreferencesService,
  ) {}

  /**
   * Stores one notification per user who wants this kind in the portal (notification
   * preferences), in that user's language, and announces each (realtime pushes `notification:new`).
   */
  async notify(userIds: string[], n: NewNotification): Promise<void> {
    const wanted = await this.prefs.inAppRecipients([...new Set(userIds)], n.kind);
    if (wanted.length === 0) return;
    const people = await this.users.findByIds(wanted);
    const pick = (text: Localised, lang: Language): string => (typeof text === 'string' ? text : text[lang]);
    const created = await this.repo.createMany(
      people.map((u) => ({
        userId: u.id,
        kind: n.kind,
        title: pick(n.title, u.language),
        body: n.body ? pick(n.body, u.language) : null,
        link: n.link ?? null,
      })),
    );
    for (const c of created) this.events.emit(NotificationCreatedEvent.event, new NotificationCreatedEvent(c.userId, c.notification));
  }

  async list(userId: string, q: { unreadOnly: boolean; cursor?: string; limit: number }): Promise<Page<Notification> & { unread: number }> {
    const [rows, unread] = await Promise.all([this.repo.listForUser(userId, q), this.repo.countUnread(userId)]);
    return {
      ...toPage(
        rows,
        q.limit,
        (r) => new Date(r.createdAt).getTime(),
        (r) => r,
      ),
      unread,
    };
  }

  async markRead(userId: string, id: string): Promise<void> {
    if (!(await this.repo.markRead(userId, id))) throw notFound('Notification');
  }

  markAllRead(userId: string): Promise<void> {
    return this.repo.markAllRead(userId);
  }
}
