import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Mute, Page, Report, ReportMessageResponse, WordFilterRule } from '@klasteris/contracts';
import { Authenticated, CurrentUser } from '../../common/auth.decorators';
import type { AuthUser } from '../../common/auth-user';
import { ObjectIdPipe } from '../../common/object-id';
import { pageLimit } from '../../common/pagination';
import {
  MuteDto,
  ReasonDto,
  ReasonQueryDto,
  ReportMessageDto,
  ReportsQueryDto,
  ResolveReportDto,
  SlowModeDto,
  WordFilterDto,
} from './dto/groups.dto';
import { ModerationActionsService } from './moderation-actions.service';

@ApiTags('groups')
@Authenticated()
@Controller()
export class GroupModerationController {
  constructor(private readonly moderation: ModerationActionsService) {}

  @Get('groups/:id/mutes')
  async mutes(@CurrentUser() me: AuthUser, @Param('id', ObjectIdPipe) id: string): Promise<{ items: Mute[] }> {
    return { items: await this.moderation.mutes(me, id) };
  }

  @Post('groups/:id/mutes')
  async mute(@CurrentUser() me: AuthUser, @Param('id', ObjectIdPipe) id: string, @Body() body: MuteDto): Promise<{ mute: Mute }> {
    return { mute: await this.moderation.mute(me, id, body.userId, body.durationSeconds, body.reason) };
  }

  @Delete('groups/:id/mutes/:userId')
  @HttpCode(204)
  unmute(
    @CurrentUser() me: AuthUser,
    @Param('id', ObjectIdPipe) id: string,
    @Param('userId', ObjectIdPipe) userId: string,
    @Query() q: ReasonQueryDto,
  ): Promise<void> {
    return this.moderation.unmute(me, id, userId, q.reason || null);
  }

  @Put('groups/:id/slow-mode')
  @HttpCode(204)
  slowMode(@CurrentUser() me: AuthUser, @Param('id', ObjectIdPipe) id: string, @Body() body: SlowModeDto): Promise<void> {
    return this.moderation.setSlowMode(me, id, body.channelId, body.seconds, body.reason || null);
  }

  @Get('groups/:id/word-filter')
  async wordFilter(@CurrentUser() me: AuthUser, @Param('id', ObjectIdPipe) id: string): Promise<{ rules: WordFilterRule[] }> {
    return { rules: await this.moderation.wordFilter(me, id) };
  }

  @Put('groups/:id/word-filter')
  async setWordFilter(
    @CurrentUser() me: AuthUser,
    @Param('id', ObjectIdPipe) id: string,
    @Body() body: WordFilterDto,
  ): Promise<{ rules: WordFilterRule[] }> {
    return {
      rules: await this.moderation.setWordFilter(
        me,
        id,
        body.rules.map((r) => ({ pattern: r.pattern, action: r.action })),
        body.reason || null,
      ),
    };
  }

  @Post('messages/:id/report')
  report(
    @CurrentUser() me: AuthUser,
    @Param('id', ObjectIdPipe) id: string,
    @Body() body: ReportMessageDto,
  ): Promise<ReportMessageResponse> {
    return this.moderation.report(me, id, body.reason);
  }

  @Get('groups/:id/reports')
  reports(@CurrentUser() me: AuthUser, @Param('id', ObjectIdPipe) id: string, @Query() q: ReportsQueryDto): Promise<Page<Report>> {
    return this.moderation.reports(me, id, { status: q.status, cursor: q.cursor, limit: pageLimit(q) });
  }

  @Post('groups/:id/reports/:reportId/resolve')
  async resolve(
    @CurrentUser() me: AuthUser,
    @Param('id', ObjectIdPipe) id: string,
    @Param('reportId', ObjectIdPipe) reportId: string,
    @Body() body: ResolveReportDto,
  ): Promise<{ report: Report }> {
    return { report: await this.moderation.resolve(me, id, reportId, body) };
  }

  @Post('groups/:id/messages/:messageId/remove')
  @HttpCode(204)
  removeMessage(
    @CurrentUser() me: AuthUser,
    @Param('id', ObjectIdPipe) id: string,
    @Param('messageId', ObjectIdPipe) messageId: string,
    @Body() body: ReasonDto,
  ): Promise<void> {
    return this.moderation.removeMessage(me, id, messageId, body.reason);
  }
}
