import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import type { CreateInvitationResponse, Invitation, InvitationPreview, LoginResponse, Page } from '@klasteris/contracts';
import { ApiErrors } from '../../common/api-docs';
import { Authenticated, CurrentUser, Public } from '../../common/auth.decorators';
import type { AuthUser } from '../../common/auth-user';
import { ObjectIdPipe } from '../../common/object-id';
import { PageQueryDto, pageLimit } from '../../common/pagination';
import { AppConfig } from '../../config/app-config';
import { clientMeta } from '../auth/auth.controller';
import { setRefreshCookie } from '../auth/refresh-cookie';
import { AcceptInvitationDto, CreateInvitationDto } from './dto/invitations.dto';
import { InvitationsService } from './invitations.service';

@ApiTags('invitations')
@Controller()
export class InvitationsController {
  constructor(
    private readonly invitations: InvitationsService,
    private readonly config: AppConfig,
  ) {}

  @Authenticated()
  @Post('organisations/:id/invitations')
  create(
    @CurrentUser() me: AuthUser,
    @Param('id', ObjectIdPipe) id: string,
    @Body() body: CreateInvitationDto,
  ): Promise<CreateInvitationResponse> {
    return this.invitations.create(me, id, body.email, body.message ?? null);
  }

  @Authenticated()
  @Get('organisations/:id/invitations')
  list(@CurrentUser() me: AuthUser, @Param('id', ObjectIdPipe) id: string, @Query() q: PageQueryDto): Promise<Page<Invitation>> {
    return this.invitations.list(me, id, q.cursor, pageLimit(q));
  }

  @Authenticated()
  @Delete('organisations/:id/invitations/:invitationId')
  @HttpCode(204)
  revoke(
    @CurrentUser() me: AuthUser,
    @Param('id', ObjectIdPipe) id: string,
    @Param('invitationId', ObjectIdPipe) invitationId: string,
  ): Promise<void> {
    return this.invitations.revoke(me, id, invitationId);
  }

  @Public()
  @Get('invitations/:token')
  @ApiErrors(404, 410)
  async preview(@Param('token') token: string): Promise<{ invitation: InvitationPreview }> {
    return { invitation: await this.invitations.preview(token) };
  }

  @Public()
  @UseGuards(ThrottlerGuard)
  @ApiErrors(404, 410, 429)
  @Post('invitations/:token/accept')
  async accept(
    @Param('token') token: string,
    @Body() body: AcceptInvitationDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<LoginResponse> {
    const { refreshToken, ...result } = await this.invitations.accept(
      token,
      body.displayName,
      body.password,
      clientMeta(req),
      body.language,
    );
    setRefreshCookie(res, refreshToken, this.config);
    return result;
  }
}
