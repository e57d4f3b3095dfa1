import { Module } from '@nestjs/common';
import { GroupsModule } from '../groups/groups.module';
import { MailModule } from '../mail/mail.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { UsersModule } from '../users/users.module';
import { BoardMails } from './board-mails.listener';
import { BoardNotices } from './board-notices.listener';
import { BookingNotices } from './booking-notices.listener';
import { ChatNotices } from './chat-notices.listener';
import { EventNotices } from './event-notices.listener';
import { GroupMails } from './group-mails.listener';
import { GroupNotices } from './group-notices.listener';
import { MembershipMails } from './membership-mails.listener';
import { MembershipNotices } from './membership-notices.listener';

/**
 * Who is told what after a domain event: listeners per area turn the events of boards, projects,
 * chat, bookings, events, working groups, applications, invitations and registrations into notifications (every
 * text in EN and LT in notice-texts.ts) and queue the mails the same events cause in the outbox.
 * It sits above the modules it listens to (they import nothing of it), and below nothing:
 * notifications only store and serve, the outbox only stores and sends.
 */
@Module({
  imports: [NotificationsModule, MailModule, UsersModule, GroupsModule],
  providers: [
    BoardNotices,
    BoardMails,
    BookingNotices,
    ChatNotices,
    EventNotices,
    GroupNotices,
    GroupMails,
    MembershipNotices,
    MembershipMails,
  ],
})
export class NoticesModule {}
