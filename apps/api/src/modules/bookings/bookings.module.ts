import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AuditModule } from '../audit/audit.module';
import { BoardsModule } from '../boards/boards.module';
import { GroupsModule } from '../groups/groups.module';
import { LeasesModule } from '../leases/leases.module';
import { MailModule } from '../mail/mail.module';
import { ProjectsModule } from '../projects/projects.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { UsersModule } from '../users/users.module';
import { ResourceAudience } from './audience.service';
import { BookingDecisionsService } from './booking-decisions.service';
import { BookingEffects } from './booking-effects.service';
import { BookingMails } from './booking-mails.service';
import { BookingReminders } from './booking-reminders.service';
import { BookingDoc, BookingSchema } from './booking.schema';
import { BookingsController } from './bookings.controller';
import { BookingsRepository } from './bookings.repository';
import { BookingsService } from './bookings.service';
import { ClaimDoc, ClaimSchema, QuotaTokenDoc, QuotaTokenSchema } from './claim.schema';
import { ClaimsRepository } from './claims.repository';
import { ClaimsService } from './claims.service';
import { CalendarFeedDoc, CalendarFeedSchema } from './calendar-feed.schema';
import { CalendarFeedRepository } from './calendar-feed.repository';
import { IcsController } from './ics.controller';
import { IcsService } from './ics.service';
import { ProjectLinks } from './project-links.service';
import { UtilisationService } from './utilisation.service';
import { WaitlistController } from './waitlist.controller';
import { WaitlistRepository } from './waitlist.repository';
import { WaitlistDoc, WaitlistSchema } from './waitlist.schema';
import { WaitlistService } from './waitlist.service';
import { ResourceDoc, ResourceSchema } from './resource.schema';
import { CatalogueSeqDoc, CatalogueSeqSchema } from './catalogue-seq.schema';
import { ResourceCatalogue } from './resource-catalogue';
import { ResourcesController } from './resources.controller';
import { ResourcesRepository } from './resources.repository';
import { ResourcesService } from './resources.service';

@Module({
  imports: [
    MongooseModule.forFeature([
      { name: ResourceDoc.name, schema: ResourceSchema },
      { name: CatalogueSeqDoc.name, schema: CatalogueSeqSchema },
      { name: BookingDoc.name, schema: BookingSchema },
      { name: ClaimDoc.name, schema: ClaimSchema },
      { name: QuotaTokenDoc.name, schema: QuotaTokenSchema },
      { name: CalendarFeedDoc.name, schema: CalendarFeedSchema },
      { name: WaitlistDoc.name, schema: WaitlistSchema },
    ]),
    OrganisationsModule,
    UsersModule,
    AuditModule,
    ProjectsModule,
    BoardsModule,
    GroupsModule,
    MailModule,
    LeasesModule,
  ],
  controllers: [ResourcesController, BookingsController, IcsController, WaitlistController],
  providers: [
    ResourcesRepository,
    ResourceCatalogue,
    BookingsRepository,
    ClaimsRepository,
    CalendarFeedRepository,
    ClaimsService,
    BookingEffects,
    BookingMails,
    BookingReminders,
    ResourcesService,
    BookingsService,
    BookingDecisionsService,
    IcsService,
    WaitlistRepository,
    WaitlistService,
    UtilisationService,
    ProjectLinks,
    ResourceAudience,
  ],
  exports: [ResourcesRepository, ResourcesService, BookingsService, BookingDecisionsService, IcsService],
})
export class BookingsModule {}
