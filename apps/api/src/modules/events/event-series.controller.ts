import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { EventSeriesResponse } from '@klasteris/contracts';
import { ApiFileResponse } from '../../common/api-docs';
import { Authenticated, CurrentUser } from '../../common/auth.decorators';
import type { AuthUser } from '../../common/auth-user';
import { ObjectIdPipe } from '../../common/object-id';
import { AppConfig } from '../../config/app-config';
import { CancelEventDto, CreateEventSeriesDto } from './dto/events.dto';
import { EventSeriesService } from './event-series.service';

const NOT_VISIBLE = 'NOT_FOUND: no such series, or none of its occurrences is visible to the caller';

/** Weekly or monthly series: each occurrence is an event (move one with PATCH /api/events/:id, cancel one with POST /api/events/:id/cancel). */
@ApiTags('events')
@Authenticated()
@Controller('event-series')
export class EventSeriesController {
  constructor(
    private readonly series: EventSeriesService,
    private readonly config: AppConfig,
  ) {}

  @Post()
  @ApiCreatedResponse({
    description: '{ series, events }: every occurrence created (drafts unless publish; publishing books a resource venue per occurrence)',
  })
  @ApiBadRequestResponse({
    description: 'VALIDATION_FAILED with details.fields (e.g. recurrence.until / recurrence.count: longer than two years); nothing written',
  })
  @ApiForbiddenResponse({ description: 'FORBIDDEN: the caller does not run this organiser' })
  @ApiConflictResponse({
    description:
      'BOOKING_CONFLICT: the venue is taken for some occurrences — details.occurrences [{ index, start, end, conflicts }]; nothing created, nothing booked',
  })
  @ApiUnprocessableEntityResponse({ description: "BOOKING_RULE_VIOLATED: the venue's booking rules refuse an occurrence; nothing created" })
  create(@CurrentUser() me: AuthUser, @Body() body: CreateEventSeriesDto): Promise<EventSeriesResponse> {
    return this.series.create(me, body);
  }

  @Get(':id')
  @ApiOkResponse({ description: '{ series, events }: the occurrences the caller may see, in order' })
  @ApiNotFoundResponse({ description: NOT_VISIBLE })
  get(@CurrentUser() me: AuthUser, @Param('id', ObjectIdPipe) id: string): Promise<EventSeriesResponse> {
    return this.series.get(me, id);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOkResponse({ description: '{ series, events }: every occurrence not over yet is cancelled (bookings released, attendees mailed)' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED' })
  @ApiForbiddenResponse({ description: 'FORBIDDEN: not an organiser' })
  @ApiNotFoundResponse({ description: NOT_VISIBLE })
  cancel(@CurrentUser() me: AuthUser, @Param('id', ObjectIdPipe) id: string, @Body() body: CancelEventDto): Promise<EventSeriesResponse> {
    return this.series.cancel(me, id, body.reason ?? null);
  }

  @Get(':id/calendar.ics')
  @ApiFileResponse(
    ['text/calendar'],
    200,
    'The series: one repeating VEVENT (RRULE, EXDATE for cancelled occurrences) and overrides (RECURRENCE-ID) for moved ones',
  )
  @ApiNotFoundResponse({ description: NOT_VISIBLE })
  async ics(@CurrentUser() me: AuthUser, @Param('id', ObjectIdPipe) id: string, @Res() res: Response): Promise<void> {
    const body = await this.series.ics(me, id, this.config.publicUrl);
    res.setHeader('Content-Type', 'text/calendar; charset=utf-8');
    res.setHeader('Content-Disposition', 'inline; filename="series.ics"');
    res.send(body);
  }
}
