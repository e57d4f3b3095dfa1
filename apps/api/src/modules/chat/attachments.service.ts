import { Injectable } from '@nestjs/common';
import type { Readable } from 'node:stream';
import type { Attachment } from '@klasteris/contracts';
import { notFound } from '../../common/api-exception';
import type { AuthUser } from '../../common/auth-user';
import { AttachmentStore, type UploadedFileLike } from '../files/attachment-store';
import { AttachmentsRepository, toAttachment } from './attachments.repository';
import { ChannelAccessService } from './channel-access.service';

@Injectable()
export class AttachmentsService {
  constructor(
    private readonly attachments: AttachmentsRepository,
    private readonly access: ChannelAccessService,
    private readonly files: AttachmentStore,
  ) {}

  async upload(me: AuthUser, channelId: string, file: UploadedFileLike | undefined): Promise<Attachment> {
    await this.access.forPost(me, channelId);
    const { name, contentType, data } = this.files.accept(file);
    const doc = await this.attachments.store({ channelId, uploaderId: me.id, name, contentType, data });
    return toAttachment(doc);
  }

  /** The file, for members of its channel only (404 otherwise). */
  async open(me: AuthUser, id: string): Promise<{ attachment: Attachment; stream: Readable }> {
    const doc = await this.attachments.findById(id);
    if (!doc) throw notFound('Attachment');
    const { member } = await this.access.forRead(me, doc.channelId.toHexString());
    if (!member && doc.uploaderId.toHexString() !== me.id) throw notFound('Attachment');
    return { attachment: toAttachment(doc), stream: this.attachments.openStream(doc.fileId) };
  }

  async recent(me: AuthUser, channelId: string): Promise<Attachment[]> {
    await this.access.forRead(me, channelId);
    return (await this.attachments.recent(channelId, 50)).map(toAttachment);
  }
}
