import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { OrganisationsModule } from '../organisations/organisations.module';
import { UsersModule } from '../users/users.module';
import { ActivityDoc, ActivitySchema } from './activity.schema';
import { ActivityService } from './activity.service';
import { ProjectDoc, ProjectSchema } from './project.schema';
import { ProjectAccessService } from './project-access.service';
import { ProjectMemberDoc, ProjectMemberSchema } from './project-member.schema';
import { ProjectMembersRepository } from './project-members.repository';
import { ProjectMembersService } from './project-members.service';
import { ProjectPresenter } from './project-presenter.service';
import { ProjectsController } from './projects.controller';
import { ProjectsRepository } from './projects.repository';
import { ProjectsService } from './projects.service';

@Module({
  imports: [
    MongooseModule.forFeature([
      { name: ProjectDoc.name, schema: ProjectSchema },
      { name: ProjectMemberDoc.name, schema: ProjectMemberSchema },
      { name: ActivityDoc.name, schema: ActivitySchema },
    ]),
    UsersModule,
    OrganisationsModule,
  ],
  controllers: [ProjectsController],
  providers: [
    ProjectsRepository,
    ProjectMembersRepository,
    ProjectAccessService,
    ProjectPresenter,
    ProjectsService,
    ProjectMembersService,
    ActivityService,
  ],
  exports: [
    ProjectsRepository,
    ProjectMembersRepository,
    ProjectAccessService,
    ProjectPresenter,
    ProjectsService,
    ProjectMembersService,
    ActivityService,
  ],
})
export class ProjectsModule {}
