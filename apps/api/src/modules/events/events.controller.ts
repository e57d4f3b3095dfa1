import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiFileResponse } from '../../common/api-docs';
import { AppConfig } from '../../config/app-config';
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
import type { AttendeesResponse, CheckInResponse, ClusterEvent, EventResponse, Page, RsvpResponse } from '@klasteris/contracts';
import { Authenticated, CurrentUser } from '../../common/auth.decorators';
import type { AuthUser } from '../../common/auth-user';
import { ObjectIdPipe } from '../../common/object-id';
import {
  AttendeesQueryDto,
  CancelEventDto,
  CheckInDto,
  CreateEventDto,
  EventListQueryDto,
  RsvpDto,
  UpdateEventDto,
} from './dto/events.dto';
import { EventsService } from './events.service';

const NOT_VISIBLE = 'NOT_FOUND: no such event, or not visible to the caller (drafts, other groups and projects)';

@ApiTags('events')
@Authenticated()
@Controller('events')
export class EventsController {
  constructor(
    private readonly events: EventsService,
    private readonly config: AppConfig,
  ) {}

  /** A new event (a draft unless `publish`); publishing with a resource venue books it in the same step. */
  @Post()
  @ApiCreatedResponse({ description: '{ event }; venue.bookingStatus is "pending" while the venue waits for approval' })
  @ApiBadRequestResponse({
    description:
      'VALIDATION_FAILED with details.fields (end before start, unknown time zone, a venue the organiser may not book, …); nothing written',
  })
  @ApiForbiddenResponse({
    description:
      'FORBIDDEN: the caller does not run this organiser (cluster: coordinators/admins; group: its coordinators; project: its owners; organisation: its admins)',
  })
  @ApiConflictResponse({ description: 'BOOKING_CONFLICT with details.conflicts: the venue is taken; no event and no booking created' })
  @ApiUnprocessableEntityResponse({ description: "BOOKING_RULE_VIOLATED with details.rule: the venue's booking rules refuse the time" })
  async create(@CurrentUser() me: AuthUser, @Body() body: CreateEventDto): Promise<EventResponse> {
    return { event: await this.events.create(me, body) };
  }

  /** Events the caller may see that overlap [from, to), by start. */
  @Get()
  @ApiOkResponse({ description: '{ items: [event], nextCursor }' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED' })
  list(@CurrentUser() me: AuthUser, @Query() q: EventListQueryDto): Promise<Page<ClusterEvent>> {
    return this.events.list(me, q);
  }

  @Get(':id')
  @ApiOkResponse({ description: '{ event } with myRsvp and canManage' })
  @ApiNotFoundResponse({ description: NOT_VISIBLE })
  async get(@CurrentUser() me: AuthUser, @Param('id', ObjectIdPipe) id: string): Promise<EventResponse> {
    return { event: await this.events.get(me, id) };
  }

  @Patch(':id')
  @ApiOkResponse({ description: '{ event }; a new time or venue moved the booking' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED (e.g. capacity below the people already going); nothing written' })
  @ApiForbiddenResponse({ description: 'FORBIDDEN: not an organiser' })
  @ApiNotFoundResponse({ description: NOT_VISIBLE })
  @ApiConflictResponse({ description: 'BOOKING_CONFLICT (the new slot is taken; the old one is kept) or EVENT_STATE_CONFLICT (cancelled)' })
  @ApiUnprocessableEntityResponse({ description: 'BOOKING_RULE_VIOLATED' })
  async update(@CurrentUser() me: AuthUser, @Param('id', ObjectIdPipe) id: string, @Body() body: UpdateEventDto): Promise<EventResponse> {
    return { event: await this.events.update(me, id, body) };
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOkResponse({ description: '{ event } cancelled; the venue booking is released' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED' })
  @ApiForbiddenResponse({ description: 'FORBIDDEN: not an organiser' })
  @ApiNotFoundResponse({ description: NOT_VISIBLE })
  @ApiConflictResponse({ description: 'EVENT_STATE_CONFLICT: already cancelled' })
  async cancel(@CurrentUser() me: AuthUser, @Param('id', ObjectIdPipe) id: string, @Body() body: CancelEventDto): Promise<EventResponse> {
    return { event: await this.events.cancel(me, id, body.reason ?? null) };
  }

  /** going / maybe / declined; `going` when full answers `waitlisted` with the place in line. */
  @Post(':id/rsvp')
  @HttpCode(200)
  @ApiOkResponse({ description: '{ rsvp: { status: going | waitlisted | maybe | declined, position? } }' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED' })
  @ApiNotFoundResponse({ description: NOT_VISIBLE })
  @ApiConflictResponse({ description: 'EVENT_STATE_CONFLICT: the event is a draft, cancelled or over' })
  async rsvp(@CurrentUser() me: AuthUser, @Param('id', ObjectIdPipe) id: string, @Body() body: RsvpDto): Promise<RsvpResponse> {
    return { rsvp: await this.events.rsvp(me, id, body.status) };
  }

  /** Members and prospects who answered, with counts: organisers and staff only. */
  @Get(':id/attendees')
  @ApiOkResponse({ description: '{ items: [attendee], counts }' })
  @ApiForbiddenResponse({ description: 'FORBIDDEN: the caller sees the event but does not run it' })
  @ApiNotFoundResponse({ description: NOT_VISIBLE })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED' })
  attendees(@CurrentUser() me: AuthUser, @Param('id', ObjectIdPipe) id: string, @Query() q: AttendeesQueryDto): Promise<AttendeesResponse> {
    return this.events.attendees(me, id, q.q);
  }

  /** At the event: the organisers mark a member or prospect present or absent (the check-in list is GET …/attendees?q=). */
  @Post(':id/attendees/:attendeeId/check-in')
  @HttpCode(200)
  @ApiOkResponse({ description: '{ attendee } with checkedIn and checkedInAt' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED' })
  @ApiForbiddenResponse({ description: 'FORBIDDEN: the caller sees the event but does not run it' })
  @ApiNotFoundResponse({ description: `${NOT_VISIBLE}; or no such attendee of this event` })
  @ApiConflictResponse({ description: 'EVENT_STATE_CONFLICT: the event is a draft or cancelled' })
  async checkIn(
    @CurrentUser() me: AuthUser,
    @Param('id', ObjectIdPipe) id: string,
    @Param('attendeeId', ObjectIdPipe) attendeeId: string,
    @Body() body: CheckInDto,
  ): Promise<CheckInResponse> {
    return { attendee: await this.events.checkIn(me, id, attendeeId, body.present) };
  }

  /** The event as an iCalendar file (its own zone, VTIMEZONE included). */
  @Get(':id/calendar.ics')
  @ApiFileResponse(['text/calendar'], 200, 'The event (iCalendar with VTIMEZONE)')
  @ApiNotFoundResponse({ description: NOT_VISIBLE })
  async ics(@CurrentUser() me: AuthUser, @Param('id', ObjectIdPipe) id: string, @Res() res: Response): Promise<void> {
    const body = await this.events.ics(me, id, this.config.publicUrl);
    res.setHeader('Content-Type', 'text/calendar; charset=utf-8');
    res.setHeader('Content-Disposition', 'inline; filename="event.ics"');
    res.send(body);
  }

  /** The attendance as CSV (name, kind, organisation, country, status, position, respondedAt); cells starting =, +, -, @, tab or CR neutralised. */
  @Get(':id/attendees.csv')
  @ApiFileResponse(['text/csv'], 200, 'The attendance (CSV)')
  @ApiForbiddenResponse({ description: 'FORBIDDEN: the caller sees the event but does not run it' })
  @ApiNotFoundResponse({ description: NOT_VISIBLE })
  async csv(@CurrentUser() me: AuthUser, @Param('id', ObjectIdPipe) id: string, @Res() res: Response): Promise<void> {
    const body = await this.events.attendeesCsv(me, id);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', 'attachment; filename="attendees.csv"');
    res.send(body);
  }
}
