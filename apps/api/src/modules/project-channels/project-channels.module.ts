import { Module } from '@nestjs/common';
import { ChatModule } from '../chat/chat.module';
import { ProjectsModule } from '../projects/projects.module';
import { UsersModule } from '../users/users.module';
import { ProjectChannelsListener } from './project-channels.listener';

@Module({ imports: [ChatModule, ProjectsModule, UsersModule], providers: [ProjectChannelsListener] })
export class ProjectChannelsModule {}
