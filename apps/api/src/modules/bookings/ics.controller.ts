import { Controller, Delete, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiErrors, ApiFileResponse } from '../../common/api-docs';
import type { Response } from 'express';
import type { CalendarFeedResponse } from '@klasteris/contracts';
import { Authenticated, CurrentUser, Public } from '../../common/auth.decorators';
import { unauthenticated } from '../../common/api-exception';
import type { AuthUser } from '../../common/auth-user';
import { ObjectIdPipe } from '../../common/object-id';
import { IcsService } from './ics.service';

const sendIcs = (res: Response, body: string, filename: string): void => {
  res.setHeader('Content-Type', 'text/calendar; charset=utf-8');
  res.setHeader('Content-Disposition', `inline; filename="${filename}"`);
  res.setHeader('Cache-Control', 'private, max-age=300');
  res.send(body);
};

@ApiTags('bookings')
@Controller()
export class IcsController {
  constructor(private readonly ics: IcsService) {}

  /** A resource's calendar: with a bearer token, or `?token=` of the caller's personal feed (for calendar apps). */
  @Public()
  @ApiFileResponse(['text/calendar'], 200, 'The calendar (iCalendar with VTIMEZONE)')
  @ApiErrors(401, 403)
  @Get('resources/:id/calendar.ics')
  async resource(
    @Req() req: { user?: AuthUser },
    @Param('id', ObjectIdPipe) id: string,
    @Query('token') token: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const viewer = req.user ?? (typeof token === 'string' && token ? await this.ics.viewerByToken(token) : null);
    if (!viewer) throw unauthenticated();
    sendIcs(res, await this.ics.resourceCalendar(viewer, id), 'resource.ics');
  }

  /** Creates or replaces the caller's private feed URL (the old one stops working); the feed itself is served by the calendar module. */
  @Authenticated()
  @Post('bookings/feed')
  createFeed(@CurrentUser() me: AuthUser): Promise<CalendarFeedResponse> {
    return this.ics.createFeed(me);
  }

  @Authenticated()
  @Delete('bookings/feed')
  @HttpCode(204)
  revokeFeed(@CurrentUser() me: AuthUser): Promise<void> {
    return this.ics.revokeFeed(me);
  }
}
