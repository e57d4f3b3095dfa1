import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module';
import { AuthModule } from '../auth/auth.module';
import { BoardsModule } from '../boards/boards.module';
import { BookingsModule } from '../bookings/bookings.module';
import { ChatModule } from '../chat/chat.module';
import { EventsModule } from '../events/events.module';
import { GroupsModule } from '../groups/groups.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { ProjectsModule } from '../projects/projects.module';
import { UsersModule } from '../users/users.module';
import { DemoBoardsSeeder } from './demo-boards';
import { DemoBookingsSeeder } from './demo-bookings';
import { DemoChatSeeder } from './demo-chat';
import { DemoEventsSeeder } from './demo-events';
import { DemoGroupsSeeder } from './demo-groups';
import { DemoSeeder } from './demo-seeder.service';

@Module({
  imports: [
    ApplicationsModule,
    AuthModule,
    BookingsModule,
    OrganisationsModule,
    UsersModule,
    ProjectsModule,
    BoardsModule,
    ChatModule,
    GroupsModule,
    EventsModule,
  ],
  providers: [DemoSeeder, DemoBookingsSeeder, DemoBoardsSeeder, DemoChatSeeder, DemoGroupsSeeder, DemoEventsSeeder],
})
export class DemoModule {}
