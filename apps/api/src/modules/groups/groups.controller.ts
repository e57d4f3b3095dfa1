import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { GroupBan, GroupChannel, GroupMember, InviteOrganisationResponse, JoinRequest, MyGroup, Page } from '@klasteris/contracts';
import { Authenticated, CurrentUser } from '../../common/auth.decorators';
import type { AuthUser } from '../../common/auth-user';
import { ObjectIdPipe } from '../../common/object-id';
import { PageQueryDto, pageLimit } from '../../common/pagination';
import {
  AddOrganisationDto,
  ArchiveGroupDto,
  CreateGroupDto,
  DecideJoinDto,
  GroupPersonDto,
  GroupsQueryDto,
  InviteOrganisationDto,
  JoinGroupDto,
  OptionalReasonDto,
  ReasonPersonDto,
  ReasonQueryDto,
  RequestsQueryDto,
  RestoreGroupDto,
  UpdateGroupDto,
} from './dto/groups.dto';
import { GroupsService } from './groups.service';
import { MembershipService } from './membership.service';

@ApiTags('groups')
@Authenticated()
@Controller('groups')
export class GroupsController {
  constructor(
    private readonly groups: GroupsService,
    private readonly membership: MembershipService,
  ) {}

  @Authenticated({ roles: ['admin', 'coordinator'] })
  @Post()
  async create(@CurrentUser() me: AuthUser, @Body() body: CreateGroupDto): Promise<{ group: MyGroup }> {
    return { group: await this.groups.create(me, body) };
  }

  @Get()
  browse(@CurrentUser() me: AuthUser, @Query() q: GroupsQueryDto): Promise<Page<MyGroup>> {
    return this.groups.browse(me, { q: q.q, archived: q.archived, cursor: q.cursor, limit: pageLimit(q) });
  }

  @Get(':id')
  async get(
    @CurrentUser() me: AuthUser,
    @Param('id', ObjectIdPipe) id: string,
  ): Promise<{ group: MyGroup; coordinators: { userId: string; displayName: string; organisationName: string | null }[] }> {
    return { group: await this.groups.get(me, id), coordinators: await this.groups.coordinators(id) };
  }

  @Patch(':id')
  async update(
    @CurrentUser() me: AuthUser,
    @Param('id', ObjectIdPipe) id: string,
    @Body() body: UpdateGroupDto,
  ): Promise<{ group: MyGroup }> {
    return { group: await this.groups.update(me, id, body) };
  }

  /** Archives the group (cluster staff): read-only, its channels archived; 409 GROUP_ARCHIVED when it already is. */
  @Authenticated({ roles: ['admin', 'coordinator'] })
  @Post(':id/archive')
  @HttpCode(200)
  async archive(
    @CurrentUser() me: AuthUser,
    @Param('id', ObjectIdPipe) id: string,
    @Body() body: ArchiveGroupDto,
  ): Promise<{ group: MyGroup }> {
    return { group: await this.groups.archive(me, id, body.reason) };
  }

  @Authenticated({ roles: ['admin', 'coordinator'] })
  @Post(':id/restore')
  @HttpCode(200)
  async restore(
    @CurrentUser() me: AuthUser,
    @Param('id', ObjectIdPipe) id: string,
    @Body() body: RestoreGroupDto,
  ): Promise<{ group: MyGroup }> {
    return { group: await this.groups.restore(me, id, body.reason || null) };
  }

  /** The group's channels with their slow mode (its coordinators and cluster staff). */
  @Get(':id/channels')
  async channels(@CurrentUser() me: AuthUser, @Param('id', ObjectIdPipe) id: string): Promise<{ items: GroupChannel[] }> {
    return { items: await this.groups.channelSettings(me, id) };
  }

  @Get(':id/members')
  members(@CurrentUser() me: AuthUser, @Param('id', ObjectIdPipe) id: string, @Query() q: PageQueryDto): Promise<Page<GroupMember>> {
    return this.groups.members(me, id, { cursor: q.cursor, limit: pageLimit(q) });
  }

  @Authenticated({ roles: ['admin', 'coordinator'] })
  @Put(':id/coordinators/:userId')
  @HttpCode(204)
  appoint(
    @CurrentUser() me: AuthUser,
    @Param('id', ObjectIdPipe) id: string,
    @Param('userId', ObjectIdPipe) userId: string,
    @Body() body: OptionalReasonDto,
  ): Promise<void> {
    return this.groups.appoint(me, id, userId, body.reason || null);
  }

  @Authenticated({ roles: ['admin', 'coordinator'] })
  @Delete(':id/coordinators/:userId')
  @HttpCode(204)
  dismiss(
    @CurrentUser() me: AuthUser,
    @Param('id', ObjectIdPipe) id: string,
    @Param('userId', ObjectIdPipe) userId: string,
    @Query() q: ReasonQueryDto,
  ): Promise<void> {
    return this.groups.dismiss(me, id, userId, q.reason || null);
  }

  @Post(':id/join')
  @HttpCode(200)
  async join(@CurrentUser() me: AuthUser, @Param('id', ObjectIdPipe) id: string, @Body() body: JoinGroupDto): Promise<{ group: MyGroup }> {
    return { group: await this.membership.join(me, id, body.message ?? null) };
  }

  @Post(':id/leave')
  @HttpCode(204)
  leave(@CurrentUser() me: AuthUser, @Param('id', ObjectIdPipe) id: string): Promise<void> {
    return this.membership.leave(me, id);
  }

  @Get(':id/requests')
  requests(@CurrentUser() me: AuthUser, @Param('id', ObjectIdPipe) id: string, @Query() q: RequestsQueryDto): Promise<Page<JoinRequest>> {
    return this.membership.requests(me, id, { status: q.status, cursor: q.cursor, limit: pageLimit(q) });
  }

  @Post(':id/requests/:requestId/decision')
  @HttpCode(204)
  decide(
    @CurrentUser() me: AuthUser,
    @Param('id', ObjectIdPipe) id: string,
    @Param('requestId', ObjectIdPipe) requestId: string,
    @Body() body: DecideJoinDto,
  ): Promise<void> {
    return this.membership.decide(me, id, requestId, body.approve, body.reason ?? null);
  }

  @Post(':id/invitations')
  @HttpCode(204)
  invite(@CurrentUser() me: AuthUser, @Param('id', ObjectIdPipe) id: string, @Body() body: GroupPersonDto): Promise<void> {
    return this.membership.invite(me, id, body.userId, body.reason || null);
  }

  /** Invites every active person of an organisation (each accepts by joining). */
  @Post(':id/organisation-invitations')
  @HttpCode(200)
  inviteOrganisation(
    @CurrentUser() me: AuthUser,
    @Param('id', ObjectIdPipe) id: string,
    @Body() body: InviteOrganisationDto,
  ): Promise<InviteOrganisationResponse> {
    return this.membership.inviteOrganisation(me, id, body.organisationId, body.reason || null);
  }

  @Post(':id/organisations')
  addOrganisation(
    @CurrentUser() me: AuthUser,
    @Param('id', ObjectIdPipe) id: string,
    @Body() body: AddOrganisationDto,
  ): Promise<{ added: number }> {
    return this.membership.addOrganisation(me, id, body.organisationId);
  }

  @Post(':id/removals')
  @HttpCode(204)
  remove(@CurrentUser() me: AuthUser, @Param('id', ObjectIdPipe) id: string, @Body() body: ReasonPersonDto): Promise<void> {
    return this.membership.remove(me, id, body.userId, body.reason, false);
  }

  /** The group's bans, newest first (its coordinators and cluster staff). */
  @Get(':id/bans')
  async bans(@CurrentUser() me: AuthUser, @Param('id', ObjectIdPipe) id: string): Promise<{ items: GroupBan[] }> {
    return { items: await this.membership.bans(me, id) };
  }

  @Post(':id/bans')
  @HttpCode(204)
  ban(@CurrentUser() me: AuthUser, @Param('id', ObjectIdPipe) id: string, @Body() body: ReasonPersonDto): Promise<void> {
    return this.membership.remove(me, id, body.userId, body.reason, true);
  }

  @Delete(':id/bans/:userId')
  @HttpCode(204)
  unban(
    @CurrentUser() me: AuthUser,
    @Param('id', ObjectIdPipe) id: string,
    @Param('userId', ObjectIdPipe) userId: string,
    @Query() q: ReasonQueryDto,
  ): Promise<void> {
    return this.membership.unban(me, id, userId, q.reason || null);
  }
}
