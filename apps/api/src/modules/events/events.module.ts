import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ApplicationsModule } from '../applications/applications.module';
import { BookingsModule } from '../bookings/bookings.module';
import { GroupsModule } from '../groups/groups.module';
import { MailModule } from '../mail/mail.module';
import { ModerationModule } from '../moderation/moderation.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { ProjectsModule } from '../projects/projects.module';
import { UsersModule } from '../users/users.module';
import { AttendanceRepository } from './attendance.repository';
import { EventAccessService } from './event-access.service';
import { EventLiveService } from './event-live.service';
import { EventMails } from './event-mails.service';
import { EventVenueService } from './event-venue.service';
import { AttendanceDoc, AttendanceSchema, EventDoc, EventSchema, EventSeriesDoc, EventSeriesSchema } from './event.schema';
import { EventSeriesController } from './event-series.controller';
import { EventSeriesService } from './event-series.service';
import { EventsController } from './events.controller';
import { EventsRepository } from './events.repository';
import { EventsService } from './events.service';
import { PublicEventsController } from './public-events.controller';
import { PublicEventsService } from './public-events.service';
import { MyEventsService } from './my-events.service';
import { RsvpService } from './rsvp.service';
import { VenueStatusListener } from './venue-status.listener';
import { ProspectsController } from './prospects/prospects.controller';
import { ProspectsRepository } from './prospects/prospects.repository';
import { ProspectsService } from './prospects/prospects.service';

/** Cluster events. Depends on bookings (the venue), groups, projects, organisations, applications (prospects invited to apply); none of them depends on it. */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: EventDoc.name, schema: EventSchema },
      { name: AttendanceDoc.name, schema: AttendanceSchema },
      { name: EventSeriesDoc.name, schema: EventSeriesSchema },
    ]),
    ApplicationsModule,
    BookingsModule,
    GroupsModule,
    ModerationModule,
    ProjectsModule,
    OrganisationsModule,
    UsersModule,
    MailModule,
  ],
  controllers: [PublicEventsController, EventSeriesController, EventsController, ProspectsController],
  providers: [
    EventsRepository,
    AttendanceRepository,
    EventAccessService,
    EventLiveService,
    EventMails,
    EventVenueService,
    RsvpService,
    EventsService,
    VenueStatusListener,
    PublicEventsService,
    MyEventsService,
    EventSeriesService,
    ProspectsRepository,
    ProspectsService,
  ],
  exports: [EventsService, EventsRepository, AttendanceRepository, RsvpService, MyEventsService, EventAccessService, EventLiveService],
})
export class EventsModule {}
