import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Activity, Page, Project, ProjectMember } from '@klasteris/contracts';
import { Authenticated, CurrentUser } from '../../common/auth.decorators';
import type { AuthUser } from '../../common/auth-user';
import { ObjectIdPipe } from '../../common/object-id';
import { PageQueryDto, pageLimit } from '../../common/pagination';
import { AddProjectMemberDto, CreateProjectDto, ProjectListQueryDto, UpdateProjectDto, UpdateProjectMemberDto } from './dto/projects.dto';
import { ActivityService } from './activity.service';
import { ProjectAccessService } from './project-access.service';
import { ProjectMembersService } from './project-members.service';
import { ProjectsService } from './projects.service';

@ApiTags('projects')
@Authenticated()
@Controller('projects')
export class ProjectsController {
  constructor(
    private readonly projects: ProjectsService,
    private readonly members: ProjectMembersService,
    private readonly access: ProjectAccessService,
    private readonly activity: ActivityService,
  ) {}

  /** The caller's projects. */
  @Get()
  list(@CurrentUser() me: AuthUser, @Query() q: ProjectListQueryDto): Promise<Page<Project>> {
    return this.projects.listMine(me, { status: q.status, q: q.q, cursor: q.cursor, limit: pageLimit(q) });
  }

  /** A new project; the creator is its owner and the board starts with default columns. */
  @Post()
  async create(@CurrentUser() me: AuthUser, @Body() body: CreateProjectDto): Promise<{ project: Project }> {
    return { project: await this.projects.create(me, body) };
  }

  @Get(':id')
  async get(@CurrentUser() me: AuthUser, @Param('id', ObjectIdPipe) id: string): Promise<{ project: Project }> {
    return { project: await this.projects.get(me, id) };
  }

  @Patch(':id')
  async update(
    @CurrentUser() me: AuthUser,
    @Param('id', ObjectIdPipe) id: string,
    @Body() body: UpdateProjectDto,
  ): Promise<{ project: Project }> {
    return { project: await this.projects.update(me, id, body) };
  }

  @Get(':id/members')
  async listMembers(
    @CurrentUser() me: AuthUser,
    @Param('id', ObjectIdPipe) id: string,
  ): Promise<{ items: ProjectMember[]; nextCursor: null }> {
    return { items: await this.members.list(me, id), nextCursor: null };
  }

  /** Adds a member (201), or changes the role of an existing one (200). Owners only. */
  @Post(':id/members')
  @ApiResponse({ status: 201, description: 'Added' })
  @ApiResponse({ status: 200, description: 'Already a member: the role was changed' })
  async addMember(
    @CurrentUser() me: AuthUser,
    @Param('id', ObjectIdPipe) id: string,
    @Body() body: AddProjectMemberDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<{ member: ProjectMember }> {
    const { member, created } = await this.members.add(me, id, body.userId, body.role);
    res.status(created ? 201 : 200);
    return { member };
  }

  @Patch(':id/members/:userId')
  async setRole(
    @CurrentUser() me: AuthUser,
    @Param('id', ObjectIdPipe) id: string,
    @Param('userId', ObjectIdPipe) userId: string,
    @Body() body: UpdateProjectMemberDto,
  ): Promise<{ member: ProjectMember }> {
    return { member: await this.members.setRole(me, id, userId, body.role) };
  }

  /** Owners remove members; anyone may remove themselves. */
  @Delete(':id/members/:userId')
  @HttpCode(204)
  async removeMember(
    @CurrentUser() me: AuthUser,
    @Param('id', ObjectIdPipe) id: string,
    @Param('userId', ObjectIdPipe) userId: string,
  ): Promise<void> {
    await this.members.remove(me, id, userId);
  }

  /** The board's activity, newest first. */
  @Get(':id/activity')
  async boardActivity(
    @CurrentUser() me: AuthUser,
    @Param('id', ObjectIdPipe) id: string,
    @Query() q: PageQueryDto,
  ): Promise<Page<Activity>> {
    await this.access.require(me, id, 'read');
    return this.activity.list(id, { cursor: q.cursor, limit: pageLimit(q) });
  }
}
