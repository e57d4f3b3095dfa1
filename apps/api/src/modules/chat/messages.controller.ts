import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  Res,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiTags } from '@nestjs/swagger';
import { ApiFileResponse, ApiFileUpload } from '../../common/api-docs';
import type { Response } from 'express';
import type { Attachment, Message, MessageEdit, MessageSearchHit, Page } from '@klasteris/contracts';
import { Authenticated, CurrentUser } from '../../common/auth.decorators';
import type { AuthUser } from '../../common/auth-user';
import { ObjectIdPipe } from '../../common/object-id';
import { pageLimit } from '../../common/pagination';
import { downloadHeaders, type UploadedFileLike } from '../files/attachment-store';
import { AttachmentsService } from './attachments.service';
import { EditMessageDto, MessageSearchQueryDto } from './dto/chat.dto';
import { MessagesService } from './messages.service';
import { SearchService } from './search.service';

@ApiTags('chat')
@Authenticated()
@Controller()
export class MessagesController {
  constructor(
    private readonly messages: MessagesService,
    private readonly search: SearchService,
    private readonly attachments: AttachmentsService,
  ) {}

  @Get('messages/:id')
  async get(@CurrentUser() me: AuthUser, @Param('id', ObjectIdPipe) id: string): Promise<{ message: Message }> {
    return { message: (await this.messages.get(me, id)).message };
  }

  @Patch('messages/:id')
  async edit(
    @CurrentUser() me: AuthUser,
    @Param('id', ObjectIdPipe) id: string,
    @Body() body: EditMessageDto,
  ): Promise<{ message: Message }> {
    return { message: await this.messages.edit(me, id, body.body) };
  }

  @Delete('messages/:id')
  @HttpCode(204)
  delete(@CurrentUser() me: AuthUser, @Param('id', ObjectIdPipe) id: string): Promise<void> {
    return this.messages.delete(me, id);
  }

  @Get('messages/:id/edits')
  async edits(@CurrentUser() me: AuthUser, @Param('id', ObjectIdPipe) id: string): Promise<{ items: MessageEdit[] }> {
    return { items: await this.messages.edits(me, id) };
  }

  @Post('messages/:id/pin')
  @HttpCode(200)
  async pin(@CurrentUser() me: AuthUser, @Param('id', ObjectIdPipe) id: string): Promise<{ message: Message }> {
    return { message: await this.messages.setPinned(me, id, true) };
  }

  @Delete('messages/:id/pin')
  async unpin(@CurrentUser() me: AuthUser, @Param('id', ObjectIdPipe) id: string): Promise<{ message: Message }> {
    return { message: await this.messages.setPinned(me, id, false) };
  }

  /** Searches messages in the caller's channels: partial words, case- and diacritic-insensitive. */
  @Get('search/messages')
  find(@CurrentUser() me: AuthUser, @Query() q: MessageSearchQueryDto): Promise<Page<MessageSearchHit>> {
    return this.search.search(me, { ...q, limit: pageLimit(q) });
  }

  @Post('channels/:id/attachments')
  @ApiFileUpload()
  @UseInterceptors(FileInterceptor('file'))
  async upload(
    @CurrentUser() me: AuthUser,
    @Param('id', ObjectIdPipe) id: string,
    @UploadedFile() file: UploadedFileLike | undefined,
  ): Promise<{ attachment: Attachment }> {
    return { attachment: await this.attachments.upload(me, id, file) };
  }

  @Get('attachments/:id')
  @ApiFileResponse(['*/*'])
  async download(
    @CurrentUser() me: AuthUser,
    @Param('id', ObjectIdPipe) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const { attachment, stream } = await this.attachments.open(me, id);
    res.set(downloadHeaders(attachment));
    return new StreamableFile(stream);
  }
}
