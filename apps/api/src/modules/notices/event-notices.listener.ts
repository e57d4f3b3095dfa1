import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { parseMentions } from '../chat/mentions';
import { EventAnnouncementEvent } from '../event-channels/event-channels.events';
import { OutboxService } from '../mail/outbox.service';
import { NotificationsService } from '../notifications/notifications.service';
import { UsersRepository } from '../users/users.repository';
import { recipientOf } from './mail-recipient';
import { NotificationTexts as T } from './notice-texts';

/**
 * Events → notifications and mails: the organisers' post to the people going, told in the app to
 * the members going and, when asked, mailed to everyone going (key: the message, so a resent post
 * never mails twice). Members open the message in the event's chat; prospects the visitor page.
 */
@Injectable()
export class EventNotices {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly outbox: OutboxService,
    private readonly users: UsersRepository,
  ) {}

  @OnEvent(EventAnnouncementEvent.event, { suppressErrors: false })
  async onAnnouncement({ event, author, message, notify, mail }: EventAnnouncementEvent): Promise<void> {
    const inChat = `/chat/${message.channelId}?seq=${message.seq}`;
    await this.notifications.notify(notify, {
      kind: 'event.announcement',
      title: T.eventAnnouncement({ event: event.title, author: author.displayName }),
      body: message.body.replace(/<@[0-9a-f]{24}>/g, '@…').slice(0, 200),
      link: inChat,
    });
    if (!mail) return;
    const named = new Map((await this.users.findByIds(parseMentions(message.body).userIds)).map((u) => [u.id, u.displayName]));
    const body = message.body.replace(/<@([0-9a-f]{24})>/g, (_m, id: string) => `@${named.get(id) ?? '…'}`);
    const data = { event: { title: event.title, start: event.start, timeZone: event.timeZone }, authorName: author.displayName, body };
    const members = (await this.users.findByIds(mail.userIds)).filter((u) => u.status === 'active');
    const letters = [
      ...members.map((u) => ({ to: recipientOf(u), language: u.language, data: { ...data, openPath: inChat } })),
      ...mail.prospects.map((p) => ({
        to: { email: p.email, name: p.name },
        language: p.language,
        data: { ...data, openPath: `/visit/events/${event.id}` },
      })),
    ];
    for (const letter of letters) await this.outbox.enqueue({ kind: 'event.announcement', key: message.id, ...letter });
  }
}
