import { applyDecorators, Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiResponse, ApiTags } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, Matches } from 'class-validator';
import type { EventAnnouncementResponse, EventChannelResponse, PostEventAnnouncementRequest } from '@klasteris/contracts';
import { Authenticated, CurrentUser } from '../../common/auth.decorators';
import type { AuthUser } from '../../common/auth-user';
import { TextProperty } from '../../common/fields';
import { ObjectIdPipe } from '../../common/object-id';
import { EventAnnouncementsService } from './event-announcements.service';
import { EventChannelService } from './event-channel.service';

export class PostEventAnnouncementDto implements PostEventAnnouncementRequest {
  @TextProperty(4000) body: string;
  @ApiProperty({ description: 'client-generated id; resending it never posts twice' })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{8,64}$/, { message: 'clientMsgId must be 8–64 characters of A-Z a-z 0-9 _ -' })
  clientMsgId: string;
  @ApiPropertyOptional({ description: 'also e-mail everyone going (members and registered prospects)' })
  @IsOptional()
  @IsBoolean()
  email?: boolean;
}

const NOT_VISIBLE = 'NOT_FOUND: no such event, or not visible to the caller';

/** The answers of an operation, by status (the error ones with the error body, as the document completes them). */
const Answers = (answers: Record<number, string>): MethodDecorator =>
  applyDecorators(...Object.entries(answers).map(([status, description]) => ApiResponse({ status: Number(status), description })));

/** An event's attendees' chat: open it (people going, organisers) and the organisers' post to the people going. */
@ApiTags('events')
@Authenticated()
@Controller('events')
export class EventChannelsController {
  constructor(
    private readonly channels: EventChannelService,
    private readonly announcements: EventAnnouncementsService,
  ) {}

  @Get(':id/channel')
  @Answers({
    200: "{ channel }: the event's private channel, as its member sees it (organisers join it as owners)",
    400: 'VALIDATION_FAILED (the id)',
    403: 'FORBIDDEN: the caller sees the event but is neither going nor an organiser',
    404: `${NOT_VISIBLE}; or a cancelled event that never had a channel`,
    409: 'EVENT_STATE_CONFLICT: a draft has no chat',
  })
  async channel(@CurrentUser() me: AuthUser, @Param('id', ObjectIdPipe) id: string): Promise<EventChannelResponse> {
    return { channel: await this.channels.open(me, id) };
  }

  @Post(':id/announcements')
  @Answers({
    201: "{ message, notified, mailed }: posted (pinned) in the event's channel, the people going notified",
    400: 'VALIDATION_FAILED with details.fields (empty or too long body, bad clientMsgId, unknown fields); nothing written',
    403: 'FORBIDDEN: the caller sees the event but does not run it',
    404: NOT_VISIBLE,
    409: 'EVENT_STATE_CONFLICT: the event is a draft or cancelled',
  })
  post(
    @CurrentUser() me: AuthUser,
    @Param('id', ObjectIdPipe) id: string,
    @Body() body: PostEventAnnouncementDto,
  ): Promise<EventAnnouncementResponse> {
    return this.announcements.post(me, id, body);
  }
}
