import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiForbiddenResponse, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsBoolean, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import type {
  AcknowledgeByLinkRequest,
  AcknowledgeByLinkResponse,
  AcknowledgementReport,
  Announcement,
  Page,
  PostAnnouncementRequest,
} from '@klasteris/contracts';
import { Authenticated, CurrentUser, Public } from '../../common/auth.decorators';
import type { AuthUser } from '../../common/auth-user';
import { TextProperty } from '../../common/fields';
import { ObjectIdPipe } from '../../common/object-id';
import { PageQueryDto, pageLimit } from '../../common/pagination';
import { AnnouncementsService } from './announcements.service';

export class PostAnnouncementDto implements PostAnnouncementRequest {
  @TextProperty(4000) body: string;
  @ApiProperty() @IsBoolean() requireAck: boolean;
  @ApiProperty() @IsString() @MaxLength(64) @Matches(/^[A-Za-z0-9_-]{8,64}$/, { message: 'clientMsgId is not valid' }) clientMsgId: string;
}

@ApiTags('groups')
@Authenticated()
@Controller('groups/:id/announcements')
export class AnnouncementsController {
  constructor(private readonly announcements: AnnouncementsService) {}

  @Post()
  async post(
    @CurrentUser() me: AuthUser,
    @Param('id', ObjectIdPipe) id: string,
    @Body() body: PostAnnouncementDto,
  ): Promise<{ announcement: Announcement }> {
    return { announcement: await this.announcements.post(me, id, body) };
  }

  @Get()
  list(@CurrentUser() me: AuthUser, @Param('id', ObjectIdPipe) id: string, @Query() q: PageQueryDto): Promise<Page<Announcement>> {
    return this.announcements.list(me, id, { cursor: q.cursor, limit: pageLimit(q) });
  }

  @Post(':announcementId/ack')
  async ack(
    @CurrentUser() me: AuthUser,
    @Param('id', ObjectIdPipe) id: string,
    @Param('announcementId', ObjectIdPipe) announcementId: string,
  ): Promise<{ announcement: Announcement }> {
    return { announcement: await this.announcements.acknowledge(me, id, announcementId) };
  }

  @Get(':announcementId/acks')
  report(
    @CurrentUser() me: AuthUser,
    @Param('id', ObjectIdPipe) id: string,
    @Param('announcementId', ObjectIdPipe) announcementId: string,
  ): Promise<AcknowledgementReport> {
    return this.announcements.report(me, id, announcementId);
  }
}

export class AcknowledgeByLinkDto implements AcknowledgeByLinkRequest {
  @ApiProperty({ description: 'the token of the mailed link', minLength: 1, maxLength: 500 })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  token: string;
}

/** The acknowledgement link of an announcement mail: works without signing in, for the person it was made for. */
@ApiTags('groups')
@Controller('announcements')
export class AnnouncementLinksController {
  constructor(private readonly announcements: AnnouncementsService) {}

  @Public()
  @Post('acknowledge')
  @HttpCode(200)
  @ApiOkResponse({ description: 'Acknowledged (again: the first time is kept)' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED, MAIL_TOKEN_INVALID' })
  @ApiForbiddenResponse({ description: 'FORBIDDEN: no longer a member of the group' })
  acknowledge(@Body() body: AcknowledgeByLinkDto): Promise<AcknowledgeByLinkResponse> {
    return this.announcements.acknowledgeByLink(body.token);
  }
}
