import { Body, Controller, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { ApplicationPage, MembershipApplication } from '@klasteris/contracts';
import { ApiErrors } from '../../common/api-docs';
import { Authenticated, CurrentUser, Public } from '../../common/auth.decorators';
import type { AuthUser } from '../../common/auth-user';
import { ObjectIdPipe } from '../../common/object-id';
import { pageLimit } from '../../common/pagination';
import { ApplicationListQueryDto, ApproveApplicationDto, CreateApplicationDto, RejectApplicationDto } from './dto/applications.dto';
import { ApplicationsService } from './applications.service';

@ApiTags('applications')
@Controller('applications')
export class ApplicationsController {
  constructor(private readonly applications: ApplicationsService) {}

  /** The public membership application form. */
  @Public()
  @UseGuards(ThrottlerGuard)
  @ApiErrors(404, 410, 429)
  @ApiOperation({
    description:
      "With `invitation` (the token of an invitation to apply): 404 INVITATION_INVALID, 410 INVITATION_USED / INVITATION_EXPIRED before anything is written; the application keeps the invitation's event as its source.",
  })
  @Post()
  async submit(@Body() body: CreateApplicationDto): Promise<{ application: MembershipApplication }> {
    return { application: await this.applications.submit(body) };
  }

  @Authenticated({ roles: ['admin', 'coordinator'] })
  @Get()
  list(@Query() q: ApplicationListQueryDto): Promise<ApplicationPage> {
    return this.applications.list({ status: q.status, cursor: q.cursor, limit: pageLimit(q) });
  }

  @Authenticated({ roles: ['admin', 'coordinator'] })
  @Get(':id')
  async get(@Param('id', ObjectIdPipe) id: string): Promise<{ application: MembershipApplication }> {
    return { application: await this.applications.get(id) };
  }

  @Authenticated({ roles: ['admin', 'coordinator'] })
  @Post(':id/approve')
  @HttpCode(200)
  async approve(
    @CurrentUser() me: AuthUser,
    @Param('id', ObjectIdPipe) id: string,
    @Body() body: ApproveApplicationDto,
  ): Promise<{ application: MembershipApplication }> {
    return { application: await this.applications.approve(me, id, body.reason ?? null) };
  }

  @Authenticated({ roles: ['admin', 'coordinator'] })
  @Post(':id/reject')
  @HttpCode(200)
  async reject(
    @CurrentUser() me: AuthUser,
    @Param('id', ObjectIdPipe) id: string,
    @Body() body: RejectApplicationDto,
  ): Promise<{ application: MembershipApplication }> {
    return { application: await this.applications.reject(me, id, body.reason) };
  }
}
