import { HttpStatus, Injectable } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { ErrorCode, type Attachment } from '@klasteris/contracts';
import { ApiException, notFound } from '../../common/api-exception';
import type { AuthUser } from '../../common/auth-user';
import { AppConfig } from '../../config/app-config';
import { AttachmentsRepository, toAttachment } from './attachments.repository';
import { ChannelAccessService } from './channel-access.service';

/** Types we accept: documents, images, archives and text. Anything else is refused (no HTML, no scripts). */
export const ATTACHMENT_TYPES = new Set([
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'application/pdf',
  'text/plain',
  'text/csv',
  'application/zip',
  'application/json',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
]);

/** Magic numbers of the image types, so a script renamed to .png is not served as an image. */
const SIGNATURES: Record<string, number[]> = {
  'image/png': [0x89, 0x50, 0x4e, 0x47],
  'image/jpeg': [0xff, 0xd8, 0xff],
  'image/gif': [0x47, 0x49, 0x46],
  'application/pdf': [0x25, 0x50, 0x44, 0x46],
};

/** What multer hands over for one file (memory storage). */
export interface UploadedFileLike {
  originalname: string;
  mimetype: string;
  buffer: Buffer;
  size: number;
}

@Injectable()
export class AttachmentsService {
  constructor(
    private readonly attachments: AttachmentsRepository,
    private readonly access: ChannelAccessService,
    private readonly config: AppConfig,
  ) {}

  get maxBytes(): number {
    return this.config.attachmentMaxBytes;
  }

  async upload(me: AuthUser, channelId: string, file: UploadedFileLike | undefined): Promise<Attachment> {
    await this.access.forPost(me, channelId);
    if (!file) throw new ApiException(HttpStatus.BAD_REQUEST, ErrorCode.ValidationFailed, 'Send the file in the multipart field "file"', { fields: [{ field: 'file', message: 'is required' }] });
    if (!ATTACHMENT_TYPES.has(file.mimetype)) throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ErrorCode.UnsupportedMediaType, `Files of type ${file.mimetype} are not accepted`);
    const sig = SIGNATURES[file.mimetype];
    if (sig && !sig.every((b, i) => file.buffer[i] === b)) throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ErrorCode.UnsupportedMediaType, 'The file content does not match its type');
    // eslint-disable-next-line no-control-regex -- control characters are exactly what we strip from file names
    const name = file.originalname.replace(/[\u0000-\u001f/\\]/g, '_').slice(0, 200) || 'file';
    const doc = await this.attachments.store({ channelId, uploaderId: me.id, name, contentType: file.mimetype, data: file.buffer });
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
