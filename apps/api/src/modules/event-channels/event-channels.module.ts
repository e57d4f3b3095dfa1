import { Module } from '@nestjs/common';
import { ChatModule } from '../chat/chat.module';
import { EventsModule } from '../events/events.module';
import { GroupsModule } from '../groups/groups.module';
import { ModerationModule } from '../moderation/moderation.module';
import { ProjectsModule } from '../projects/projects.module';
import { UsersModule } from '../users/users.module';
import { EventAnnouncementsService } from './event-announcements.service';
import { EventChannelService } from './event-channel.service';
import { EventChannelsController } from './event-channels.controller';

/** Joins events and chat: each event's attendees' channel, kept in step, and the organisers' post to it. Neither module imports the other. */
@Module({
  imports: [ChatModule, EventsModule, GroupsModule, ModerationModule, ProjectsModule, UsersModule],
  controllers: [EventChannelsController],
  providers: [EventChannelService, EventAnnouncementsService],
})
export class EventChannelsModule {}
