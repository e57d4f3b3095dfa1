import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AuditModule } from '../audit/audit.module';
import { ChatModule } from '../chat/chat.module';
import { ModerationModule } from '../moderation/moderation.module';
import { UsersModule } from '../users/users.module';
import { AnnouncementAckLinks } from './announcement-ack-links';
import { AckDoc, AckSchema, AnnouncementDoc, AnnouncementSchema } from './announcement.schema';
import { AnnouncementLinksController, AnnouncementsController } from './announcements.controller';
import { AnnouncementsRepository } from './announcements.repository';
import { AnnouncementsService } from './announcements.service';
import { GroupAccessService } from './group-access.service';
import { GroupModerationController } from './group-moderation.controller';
import {
  GroupBanDoc,
  GroupBanSchema,
  GroupDoc,
  GroupInviteDoc,
  GroupInviteSchema,
  GroupMemberDoc,
  GroupMemberSchema,
  GroupSchema,
  JoinRequestDoc,
  JoinRequestSchema,
} from './group.schema';
import { GroupsController } from './groups.controller';
import { GroupsRepository } from './groups.repository';
import { GroupsService } from './groups.service';
import { MembershipService } from './membership.service';
import { ModerationActionsService } from './moderation-actions.service';

/**
 * Working groups: membership and moderation actions. Imports chat and moderation; neither imports it.
 * Who hears of what (notifications, mails) is told by GroupNewsEvent (groups.events.ts) to modules/notices.
 */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: GroupDoc.name, schema: GroupSchema },
      { name: GroupMemberDoc.name, schema: GroupMemberSchema },
      { name: JoinRequestDoc.name, schema: JoinRequestSchema },
      { name: GroupBanDoc.name, schema: GroupBanSchema },
      { name: GroupInviteDoc.name, schema: GroupInviteSchema },
      { name: AnnouncementDoc.name, schema: AnnouncementSchema },
      { name: AckDoc.name, schema: AckSchema },
    ]),
    ChatModule,
    ModerationModule,
    AuditModule,
    UsersModule,
  ],
  controllers: [GroupsController, GroupModerationController, AnnouncementsController, AnnouncementLinksController],
  providers: [
    GroupsRepository,
    AnnouncementsRepository,
    GroupAccessService,
    GroupsService,
    MembershipService,
    ModerationActionsService,
    AnnouncementsService,
    AnnouncementAckLinks,
  ],
  exports: [GroupsService, MembershipService, ModerationActionsService, GroupsRepository, AnnouncementAckLinks],
})
export class GroupsModule {}
