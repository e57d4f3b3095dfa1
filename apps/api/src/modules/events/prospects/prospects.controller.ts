import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { EventProspectsResponse, InviteProspectResponse } from '@klasteris/contracts';
import { Authenticated, CurrentUser } from '../../../common/auth.decorators';
import type { AuthUser } from '../../../common/auth-user';
import { ObjectIdPipe } from '../../../common/object-id';
import { InviteProspectDto } from './prospects.dto';
import { ProspectsService } from './prospects.service';

const NOT_VISIBLE = 'NOT_FOUND: no such event, or not visible to the caller';
const NOT_ORGANISER = 'FORBIDDEN: the caller sees the event but does not run it';

/** An event's prospects (visitor-site registrations) and their invitations to apply for membership: the organisers only. */
@ApiTags('events')
@Authenticated()
@Controller('events/:id/prospects')
export class ProspectsController {
  constructor(private readonly prospects: ProspectsService) {}

  @Get()
  @ApiOkResponse({ description: '{ items: [prospect] }: each with where they stand (new, invited, expired, applied, member); no e-mails' })
  @ApiForbiddenResponse({ description: NOT_ORGANISER })
  @ApiNotFoundResponse({ description: NOT_VISIBLE })
  list(@CurrentUser() me: AuthUser, @Param('id', ObjectIdPipe) id: string): Promise<EventProspectsResponse> {
    return this.prospects.list(me, id);
  }

  /** Mails the prospect an invitation to apply for membership: a link to the apply page, prefilled, with this event as the source. */
  @Post(':registrationId/invite')
  @HttpCode(200)
  @ApiOkResponse({ description: '{ prospect } with state invited' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED (a message over 500 characters, a malformed id); nothing written' })
  @ApiForbiddenResponse({ description: NOT_ORGANISER })
  @ApiNotFoundResponse({ description: `${NOT_VISIBLE}; or no such prospect of this event` })
  @ApiConflictResponse({
    description:
      'ALREADY_INVITED (an invitation to this person is open or was used; details.state) or ALREADY_MEMBER (the e-mail has an account: a member or an applicant); nothing sent',
  })
  async invite(
    @CurrentUser() me: AuthUser,
    @Param('id', ObjectIdPipe) id: string,
    @Param('registrationId', ObjectIdPipe) registrationId: string,
    @Body() body: InviteProspectDto,
  ): Promise<InviteProspectResponse> {
    return { prospect: await this.prospects.invite(me, id, registrationId, body.message || null) };
  }
}
