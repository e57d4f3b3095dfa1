import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { UsersModule } from '../users/users.module';
import { ApplicationDoc, ApplicationSchema } from './application.schema';
import { ApplicationReportService } from './application-report.service';
import { ApplyInvitationDoc, ApplyInvitationSchema } from './apply-invitation.schema';
import { ApplyInvitationsController } from './apply-invitations.controller';
import { ApplyInvitationsRepository } from './apply-invitations.repository';
import { ApplyInvitationsService } from './apply-invitations.service';
import { ApplicationsController } from './applications.controller';
import { ApplicationsRepository } from './applications.repository';
import { ApplicationsService } from './applications.service';

@Module({
  imports: [
    MongooseModule.forFeature([
      { name: ApplicationDoc.name, schema: ApplicationSchema },
      { name: ApplyInvitationDoc.name, schema: ApplyInvitationSchema },
    ]),
    AuthModule,
    OrganisationsModule,
    UsersModule,
    AuditModule,
  ],
  // the invitations' controller first: its `report` and `invitations/:token` go before `:id`
  controllers: [ApplyInvitationsController, ApplicationsController],
  providers: [ApplicationsRepository, ApplicationsService, ApplyInvitationsRepository, ApplyInvitationsService, ApplicationReportService],
  exports: [ApplicationsService, ApplyInvitationsService],
})
export class ApplicationsModule {}
