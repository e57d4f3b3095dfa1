import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { CalendarResponse } from '@klasteris/contracts';
import { ApiErrors, ApiFileResponse } from '../../common/api-docs';
import { Authenticated, CurrentUser, Public } from '../../common/auth.decorators';
import type { AuthUser } from '../../common/auth-user';
import { CalendarQueryDto } from './calendar-range.dto';
import { CalendarService } from './calendar.service';

@ApiTags('calendar')
@Controller('calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  /** My calendar: the events I go to, may go to, wait for or organise; my bookings; my cards' due dates. */
  @Authenticated()
  @Get()
  @ApiOkResponse({
    description:
      '{ from, to, items: [{ kind: event | booking | card, id, title, start, end, date, allDay, timeZone, status, detail, path }] } by start',
  })
  @ApiErrors(400, 401)
  range(@CurrentUser() me: AuthUser, @Query() q: CalendarQueryDto): Promise<CalendarResponse> {
    return this.calendar.range(me, q.from, q.to);
  }

  /** The private per-user feed (`POST /api/bookings/feed` makes its URL): my bookings, events and cards' due dates. */
  @Public()
  @Get(':file')
  @ApiFileResponse(['text/calendar'], 200, 'The calendar (iCalendar with VTIMEZONE)')
  @ApiErrors(404)
  async personal(@Param('file') file: string, @Res() res: Response): Promise<void> {
    const body = await this.calendar.feed(file.replace(/\.ics$/, ''));
    res.setHeader('Content-Type', 'text/calendar; charset=utf-8');
    res.setHeader('Content-Disposition', 'inline; filename="klasteris.ics"');
    res.setHeader('Cache-Control', 'private, max-age=300');
    res.send(body);
  }
}
