import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { BoardNotices } from './board-notices.listener';
import { BookingNotices } from './booking-notices.listener';

/**
 * Who is told what after a domain event: listeners per area turn the events of boards, projects and
 * bookings into notifications, every text in EN and LT in notice-texts.ts. It sits above the modules
 * it listens to (they import nothing of it), and below nothing: notifications only store and serve.
 */
@Module({ imports: [NotificationsModule], providers: [BoardNotices, BookingNotices] })
export class NoticesModule {}
