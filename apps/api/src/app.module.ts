import { DynamicModule, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { ScheduleModule } from '@nestjs/schedule';
import { ThrottlerModule } from '@nestjs/throttler';
import { AllExceptionsFilter } from './common/all-exceptions.filter';
import { operatorGuardMiddleware } from './common/operator-guard.middleware';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { AccountModule } from './modules/account/account.module';
import { ApplicationsModule } from './modules/applications/applications.module';
import { AuditQueryModule } from './modules/audit/audit-query.module';
import { AuthModule } from './modules/auth/auth.module';
import { BoardsModule } from './modules/boards/boards.module';
import { BookingsModule } from './modules/bookings/bookings.module';
import { CalendarModule } from './modules/calendar/calendar.module';
import { ChatModule } from './modules/chat/chat.module';
import { DigestModule } from './modules/digest/digest.module';
import { DemoModule } from './modules/demo/demo.module';
import { EventChannelsModule } from './modules/event-channels/event-channels.module';
import { EventsModule } from './modules/events/events.module';
import { GroupsModule } from './modules/groups/groups.module';
import { HealthModule } from './modules/health/health.module';
import { InvitationsModule } from './modules/invitations/invitations.module';
import { MailModule } from './modules/mail/mail.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { NoticesModule } from './modules/notices/notices.module';
import { OrganisationsModule } from './modules/organisations/organisations.module';
import { PreferencesModule } from './modules/preferences/preferences.module';
import { ProjectChannelsModule } from './modules/project-channels/project-channels.module';
import { ProjectsModule } from './modules/projects/projects.module';
import { UsersModule } from './modules/users/users.module';
import { BoardsRealtimeModule } from './realtime/boards-realtime.module';
import { BookingsRealtimeModule } from './realtime/bookings-realtime.module';
import { EventsRealtimeModule } from './realtime/events-realtime.module';
import { RealtimeModule } from './realtime/realtime.module';

@Module({})
export class AppModule implements NestModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        EventEmitterModule.forRoot(),
        ScheduleModule.forRoot(),
        ThrottlerModule.forRoot({ throttlers: [{ name: 'public-writes', ttl: 60_000, limit: config.publicWriteRatePerMinute }] }),
        DatabaseModule,
        HealthModule,
        AuthModule,
        AccountModule,
        UsersModule,
        OrganisationsModule,
        ApplicationsModule,
        InvitationsModule,
        MailModule,
        NotificationsModule,
        NoticesModule,
        PreferencesModule,
        BookingsModule,
        ChatModule,
        DigestModule,
        ProjectsModule,
        ProjectChannelsModule,
        BoardsModule,
        GroupsModule,
        AuditQueryModule,
        EventsModule,
        EventChannelsModule,
        CalendarModule,
        RealtimeModule,
        BookingsRealtimeModule,
        BoardsRealtimeModule,
        EventsRealtimeModule,
        DemoModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: AllExceptionsFilter }],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(operatorGuardMiddleware).forRoutes('{*path}');
  }
}
