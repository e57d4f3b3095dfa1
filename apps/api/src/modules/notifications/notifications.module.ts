import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { PreferencesModule } from '../preferences/preferences.module';
import { UsersModule } from '../users/users.module';
import { NotificationDoc, NotificationSchema } from './notification.schema';
import { NotificationsController } from './notifications.controller';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';

/** Stores and serves notifications, each in its reader's language; modules/notices decides who is told what after a domain event. */
@Module({
  imports: [MongooseModule.forFeature([{ name: NotificationDoc.name, schema: NotificationSchema }]), UsersModule, PreferencesModule],
  controllers: [NotificationsController],
  providers: [NotificationsRepository, NotificationsService],
  exports: [NotificationsService],
})
export class NotificationsModule {}
