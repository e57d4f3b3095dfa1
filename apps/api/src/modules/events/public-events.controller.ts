import { Body, Controller, Get, HttpCode, Param, Post, Query, Res, UseGuards } from '@nestjs/common';
import type { Response } from 'express';
import { ApiFileResponse } from '../../common/api-docs';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { Transform } from 'class-transformer';
import { IsString, Matches } from 'class-validator';
import { ApiProperty } from '@nestjs/swagger';
import type { ConfirmRegistrationResponse, Page, PublicEvent, PublicRegistrationResponse } from '@klasteris/contracts';
import { Public } from '../../common/auth.decorators';
import { ObjectIdPipe } from '../../common/object-id';
import { pageLimit } from '../../common/pagination';
import { EventListQueryDto, PublicRegistrationDto } from './dto/events.dto';
import { CANCEL_TOKEN, PublicEventsService } from './public-events.service';

export class CancelRegistrationDto {
  @ApiProperty({ description: 'the token of the cancel link in the confirmation mail' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Matches(CANCEL_TOKEN, { message: 'token is not valid' })
  token: string;
}

const sendIcs = (res: Response, body: string, filename: string): void => {
  res.setHeader('Content-Type', 'text/calendar; charset=utf-8');
  res.setHeader('Content-Disposition', `inline; filename="${filename}"`);
  res.setHeader('Cache-Control', 'public, max-age=300');
  res.send(body);
};

/** The visitor site's events: no sign-in. Prospects never see attendees. */
@ApiTags('public events')
@Public()
@Controller('public/events')
export class PublicEventsController {
  constructor(private readonly events: PublicEventsService) {}

  @Get()
  @ApiOkResponse({ description: '{ items: [public event], nextCursor }: published public events, by start' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED' })
  list(@Query() q: EventListQueryDto): Promise<Page<PublicEvent>> {
    return this.events.list({ from: q.from, to: q.to, cursor: q.cursor, limit: pageLimit(q) });
  }

  /** The visitor site's calendar: every upcoming public event, each in its own zone. */
  @Get('calendar.ics')
  @ApiFileResponse(['text/calendar'], 200, 'Upcoming public events (iCalendar with VTIMEZONEs)')
  async feed(@Res() res: Response): Promise<void> {
    sendIcs(res, await this.events.feed(), 'klasteris-events.ics');
  }

  @Get(':id/calendar.ics')
  @ApiFileResponse(['text/calendar'], 200, 'The event (iCalendar with VTIMEZONE)')
  @ApiNotFoundResponse({ description: 'NOT_FOUND: no such published public event' })
  async ics(@Param('id', ObjectIdPipe) id: string, @Res() res: Response): Promise<void> {
    sendIcs(res, await this.events.ics(id), 'event.ics');
  }

  @Get(':id')
  @ApiOkResponse({ description: '{ event }: the public page of an event (places left, no attendees)' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: no such published public event' })
  async get(@Param('id', ObjectIdPipe) id: string): Promise<{ event: PublicEvent }> {
    return { event: await this.events.get(id) };
  }

  /** A prospect registers with name, e-mail, organisation and country; a confirmation mail with the ICS follows. */
  @Post(':id/registrations')
  @UseGuards(ThrottlerGuard)
  @ApiCreatedResponse({ description: '{ registration: { id, eventId, status: going | waitlisted, position? } }' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: no such published public event' })
  @ApiConflictResponse({ description: 'ALREADY_REGISTERED (this e-mail, this event) or EVENT_STATE_CONFLICT (over)' })
  @ApiTooManyRequestsResponse({ description: 'TOO_MANY_REQUESTS: public writes are rate limited per client' })
  async register(@Param('id', ObjectIdPipe) id: string, @Body() body: PublicRegistrationDto): Promise<PublicRegistrationResponse> {
    return { registration: await this.events.register(id, body) };
  }

  /** The confirm link of an offer mail (a freed place held for the prospect; the web page posts its token here). */
  @Post('registrations/confirm')
  @HttpCode(200)
  @UseGuards(ThrottlerGuard)
  @ApiOkResponse({
    description:
      '{ registration, outcome }: outcome confirmed (the held place is taken up), already_confirmed (taken up before, or still in line), or expired (the hold had ended: registration.status going when a place was still free, else waitlisted with a position)',
  })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: unknown token' })
  @ApiConflictResponse({ description: 'EVENT_STATE_CONFLICT: the event was cancelled or is over' })
  @ApiTooManyRequestsResponse({ description: 'TOO_MANY_REQUESTS' })
  confirm(@Body() body: CancelRegistrationDto): Promise<ConfirmRegistrationResponse> {
    return this.events.confirm(body.token);
  }

  /** The cancel link of the confirmation mail, or the "I cannot come" link of an offer mail (the web page posts its token here). */
  @Post('registrations/cancel')
  @HttpCode(204)
  @UseGuards(ThrottlerGuard)
  @ApiNoContentResponse({ description: 'Cancelled (or already cancelled); the place goes to the first in line' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: unknown token' })
  @ApiTooManyRequestsResponse({ description: 'TOO_MANY_REQUESTS' })
  cancel(@Body() body: CancelRegistrationDto): Promise<void> {
    return this.events.cancel(body.token);
  }
}
