import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { ChatMentionEvent } from '../chat/chat.events';
import { NotificationsService } from '../notifications/notifications.service';
import { NotificationTexts as T } from './notice-texts';

/** Chat → notifications: a mention, in each reader's language (awaited by the send, as the inline call was). */
@Injectable()
export class ChatNotices {
  constructor(private readonly notifications: NotificationsService) {}

  @OnEvent(ChatMentionEvent.event, { suppressErrors: false })
  async onMention(e: ChatMentionEvent): Promise<void> {
    await this.notifications.notify(e.userIds, {
      kind: 'mention',
      title: T.chatMention({ actor: e.actor.displayName, channel: e.channel.name, direct: e.channel.direct }),
      body: e.message.excerpt,
      link: `/chat/${e.channel.id}?seq=${e.message.seq}`,
    });
  }
}
