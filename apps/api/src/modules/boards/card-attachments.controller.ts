import { Controller, Delete, Get, Param, Post, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiTags } from '@nestjs/swagger';
import { ApiFileResponse, ApiFileUpload } from '../../common/api-docs';
import type { Response } from 'express';
import type { Card, CardAttachment } from '@klasteris/contracts';
import { Authenticated, CurrentUser } from '../../common/auth.decorators';
import type { AuthUser } from '../../common/auth-user';
import { ObjectIdPipe } from '../../common/object-id';
import { downloadHeaders, type UploadedFileLike } from '../files/attachment-store';
import { CardAttachmentsService } from './card-attachments.service';

/** Files on cards: upload (multipart field `file`), download, remove. */
@ApiTags('boards')
@Authenticated()
@Controller('cards')
export class CardAttachmentsController {
  constructor(private readonly attachments: CardAttachmentsService) {}

  @Post(':id/attachments')
  @ApiFileUpload()
  @UseInterceptors(FileInterceptor('file'))
  upload(
    @CurrentUser() me: AuthUser,
    @Param('id', ObjectIdPipe) id: string,
    @UploadedFile() file: UploadedFileLike | undefined,
  ): Promise<{ card: Card; attachment: CardAttachment }> {
    return this.attachments.upload(me, id, file);
  }

  @Get(':id/attachments/:attachmentId')
  @ApiFileResponse(['*/*'])
  async download(
    @CurrentUser() me: AuthUser,
    @Param('id', ObjectIdPipe) id: string,
    @Param('attachmentId', ObjectIdPipe) attachmentId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const { attachment, stream } = await this.attachments.open(me, id, attachmentId);
    res.set(downloadHeaders(attachment));
    return new StreamableFile(stream);
  }

  @Delete(':id/attachments/:attachmentId')
  async remove(
    @CurrentUser() me: AuthUser,
    @Param('id', ObjectIdPipe) id: string,
    @Param('attachmentId', ObjectIdPipe) attachmentId: string,
  ): Promise<{ card: Card }> {
    return { card: await this.attachments.remove(me, id, attachmentId) };
  }
}
