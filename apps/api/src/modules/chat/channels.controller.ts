import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Attachment, Channel, ChannelMember, Message, MessagePage, MyChannel, Page } from '@klasteris/contracts';
import { ApiErrors } from '../../common/api-docs';
import { Authenticated, CurrentUser } from '../../common/auth.decorators';
import type { AuthUser } from '../../common/auth-user';
import { ObjectIdPipe } from '../../common/object-id';
import { pageLimit } from '../../common/pagination';
import { AttachmentsService } from './attachments.service';
import { ChannelsService } from './channels.service';
import {
  AddMemberDto,
  ChannelBrowseQueryDto,
  CreateChannelDto,
  DirectChannelDto,
  MemberListQueryDto,
  MessageListQueryDto,
  PostMessageDto,
  UpdateChannelDto,
  UpdateMembershipDto,
} from './dto/chat.dto';
import { MessageWriterService } from './message-writer.service';
import { MessagesService } from './messages.service';

@ApiTags('chat')
@Authenticated()
@Controller('channels')
export class ChannelsController {
  constructor(
    private readonly channels: ChannelsService,
    private readonly messages: MessagesService,
    private readonly writer: MessageWriterService,
    private readonly attachments: AttachmentsService,
  ) {}

  /** My channels, each with `unread`, `mentions` and `lastSeq`. */
  @Get()
  async mine(@CurrentUser() me: AuthUser): Promise<Page<MyChannel>> {
    return { items: await this.channels.listMine(me), nextCursor: null };
  }

  @Get('browse')
  browse(@CurrentUser() me: AuthUser, @Query() q: ChannelBrowseQueryDto): Promise<Page<Channel & { isMember: boolean }>> {
    return this.channels.browse(me, { q: q.q, cursor: q.cursor, limit: pageLimit(q) });
  }

  @Post()
  async create(@CurrentUser() me: AuthUser, @Body() body: CreateChannelDto): Promise<{ channel: MyChannel }> {
    return { channel: await this.channels.create(me, body) };
  }

  @Post('direct')
  @ApiResponse({ status: 201, description: 'Created' })
  @ApiResponse({ status: 200, description: 'The existing conversation of these people' })
  async direct(
    @CurrentUser() me: AuthUser,
    @Body() body: DirectChannelDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<{ channel: MyChannel }> {
    const { channel, created } = await this.channels.direct(me, body.userIds);
    res.status(created ? 201 : 200);
    return { channel };
  }

  @Get(':id')
  async get(@CurrentUser() me: AuthUser, @Param('id', ObjectIdPipe) id: string): Promise<{ channel: Channel | MyChannel }> {
    return { channel: await this.channels.get(me, id) };
  }

  @Patch(':id')
  async update(
    @CurrentUser() me: AuthUser,
    @Param('id', ObjectIdPipe) id: string,
    @Body() body: UpdateChannelDto,
  ): Promise<{ channel: Channel }> {
    return { channel: await this.channels.update(me, id, body) };
  }

  /** My own membership settings: the notification level (all / mentions / muted). */
  @Patch(':id/membership')
  @ApiOkResponse({ description: '{ channel }: the channel as I see it, with `notify`' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED (notify not all / mentions / muted)' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: no such channel, or I am not a member' })
  async membership(
    @CurrentUser() me: AuthUser,
    @Param('id', ObjectIdPipe) id: string,
    @Body() body: UpdateMembershipDto,
  ): Promise<{ channel: MyChannel }> {
    return { channel: await this.channels.setNotify(me, id, body.notify) };
  }

  @Post(':id/archive')
  @HttpCode(200)
  async archive(@CurrentUser() me: AuthUser, @Param('id', ObjectIdPipe) id: string): Promise<{ channel: Channel }> {
    return { channel: await this.channels.setArchived(me, id, true) };
  }

  @Post(':id/unarchive')
  @HttpCode(200)
  async unarchive(@CurrentUser() me: AuthUser, @Param('id', ObjectIdPipe) id: string): Promise<{ channel: Channel }> {
    return { channel: await this.channels.setArchived(me, id, false) };
  }

  @Post(':id/join')
  @HttpCode(200)
  async join(@CurrentUser() me: AuthUser, @Param('id', ObjectIdPipe) id: string): Promise<{ channel: MyChannel }> {
    return { channel: await this.channels.join(me, id) };
  }

  @Post(':id/leave')
  @HttpCode(204)
  leave(@CurrentUser() me: AuthUser, @Param('id', ObjectIdPipe) id: string): Promise<void> {
    return this.channels.leave(me, id);
  }

  @Get(':id/members')
  members(
    @CurrentUser() me: AuthUser,
    @Param('id', ObjectIdPipe) id: string,
    @Query() q: MemberListQueryDto,
  ): Promise<Page<ChannelMember>> {
    return this.channels.listMembers(me, id, { q: q.q, cursor: q.cursor, limit: pageLimit(q) });
  }

  @Post(':id/members')
  @HttpCode(201)
  async addMember(@CurrentUser() me: AuthUser, @Param('id', ObjectIdPipe) id: string, @Body() body: AddMemberDto): Promise<{ ok: true }> {
    await this.channels.addMember(me, id, body.userId, body.role);
    return { ok: true };
  }

  @Delete(':id/members/:userId')
  @HttpCode(204)
  removeMember(
    @CurrentUser() me: AuthUser,
    @Param('id', ObjectIdPipe) id: string,
    @Param('userId', ObjectIdPipe) userId: string,
  ): Promise<void> {
    return this.channels.removeMember(me, id, userId);
  }

  /** `after=<seq>`: catch-up (oldest first); `before=<seq>`: page back; neither: newest page. */
  @Get(':id/messages')
  list(@CurrentUser() me: AuthUser, @Param('id', ObjectIdPipe) id: string, @Query() q: MessageListQueryDto): Promise<MessagePage> {
    return this.messages.list(me, id, q);
  }

  /** The HTTP twin of the socket event `message:send` (same rules, same idempotency). */
  @Post(':id/messages')
  @ApiErrors(422, 429)
  async post(
    @CurrentUser() me: AuthUser,
    @Param('id', ObjectIdPipe) id: string,
    @Body() body: PostMessageDto,
  ): Promise<{ message: Message }> {
    return { message: await this.writer.send(me, { ...body, channelId: id }) };
  }

  @Get(':id/pins')
  async pins(@CurrentUser() me: AuthUser, @Param('id', ObjectIdPipe) id: string): Promise<{ items: Message[] }> {
    return { items: await this.messages.pins(me, id) };
  }

  @Get(':id/files')
  async files(@CurrentUser() me: AuthUser, @Param('id', ObjectIdPipe) id: string): Promise<{ items: Attachment[] }> {
    return { items: await this.attachments.recent(me, id) };
  }
}
