import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { PreferencesModule } from '../preferences/preferences.module';
import { UsersModule } from '../users/users.module';
import { BoardNotifications } from './listeners/boards.notifications';
import { BookingNotifications } from './listeners/bookings.notifications';
import { NotificationDoc, NotificationSchema } from './notification.schema';
import { NotificationsController } from './notifications.controller';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';

/** Stores and serves notifications; the listeners turn other modules' domain events into them (texts: notification-texts.ts). */
@Module({
  imports: [MongooseModule.forFeature([{ name: NotificationDoc.name, schema: NotificationSchema }]), UsersModule, PreferencesModule],
  controllers: [NotificationsController],
  providers: [NotificationsRepository, NotificationsService, BoardNotifications, BookingNotifications],
  exports: [NotificationsService],
})
export class NotificationsModule {}
