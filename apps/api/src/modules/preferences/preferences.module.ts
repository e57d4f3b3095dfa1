import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { UsersModule } from '../users/users.module';
import { NotificationPreferencesDoc, NotificationPreferencesSchema } from './preference.schema';
import { PreferencesController } from './preferences.controller';
import { PreferencesRepository } from './preferences.repository';
import { PreferencesService } from './preferences.service';

/**
 * Notification preferences (modules that send ask PreferencesService). Imports only users, so the
 * mail and notification modules can import it without a cycle.
 */
@Module({
  imports: [MongooseModule.forFeature([{ name: NotificationPreferencesDoc.name, schema: NotificationPreferencesSchema }]), UsersModule],
  controllers: [PreferencesController],
  providers: [PreferencesRepository, PreferencesService],
  exports: [PreferencesService],
})
export class PreferencesModule {}
