import { Body, Controller, Get, Param, Patch, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Page, User } from '@klasteris/contracts';
import { Authenticated, CurrentUser } from '../../common/auth.decorators';
import type { AuthUser } from '../../common/auth-user';
import { ObjectIdPipe } from '../../common/object-id';
import { pageLimit } from '../../common/pagination';
import { UpdateRolesDto, UpdateStatusDto, UserListQueryDto } from './dto/users.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  /** Admins and coordinators see everyone; organisation admins their own organisation. */
  @Get()
  @Authenticated({ roles: ['admin', 'coordinator', 'org_admin'] })
  list(@CurrentUser() me: AuthUser, @Query() q: UserListQueryDto): Promise<Page<User>> {
    return this.users.list(me, {
      q: q.q,
      role: q.role,
      status: q.status,
      organisationId: q.organisationId,
      cursor: q.cursor,
      limit: pageLimit(q),
    });
  }

  @Patch(':id/roles')
  @Authenticated({ roles: ['admin'] })
  async setRoles(
    @CurrentUser() me: AuthUser,
    @Param('id', ObjectIdPipe) id: string,
    @Body() body: UpdateRolesDto,
  ): Promise<{ user: User }> {
    return { user: await this.users.setRoles(me, id, body.roles) };
  }

  @Patch(':id/status')
  @Authenticated({ roles: ['admin', 'coordinator', 'org_admin'] })
  async setStatus(
    @CurrentUser() me: AuthUser,
    @Param('id', ObjectIdPipe) id: string,
    @Body() body: UpdateStatusDto,
  ): Promise<{ user: User }> {
    return { user: await this.users.setStatus(me, id, body.status, body.reason ?? null) };
  }
}
