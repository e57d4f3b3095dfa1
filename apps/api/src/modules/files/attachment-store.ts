import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { MulterModuleOptions } from '@nestjs/platform-express';
import { GridFSBucket } from 'mongodb';
import { Connection, Types } from 'mongoose';
import type { Readable } from 'node:stream';
import { ErrorCode } from '@klasteris/contracts';
import { ApiException } from '../../common/api-exception';
import { AppConfig } from '../../config/app-config';

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

/** Magic numbers (bytes at an offset) of the image and PDF types, so a script renamed to .png is not served as an image. */
const SIGNATURES: Record<string, Array<{ at: number; bytes: number[] }>> = {
  'image/png': [{ at: 0, bytes: [0x89, 0x50, 0x4e, 0x47] }],
  'image/jpeg': [{ at: 0, bytes: [0xff, 0xd8, 0xff] }],
  'image/gif': [{ at: 0, bytes: [0x47, 0x49, 0x46] }],
  // "RIFF" <size> "WEBP"
  'image/webp': [
    { at: 0, bytes: [0x52, 0x49, 0x46, 0x46] },
    { at: 8, bytes: [0x57, 0x45, 0x42, 0x50] },
  ],
  'application/pdf': [{ at: 0, bytes: [0x25, 0x50, 0x44, 0x46] }],
};
const matchesSignature = (type: string, data: Buffer): boolean =>
  (SIGNATURES[type] ?? []).every((part) => part.bytes.every((b, i) => data[part.at + i] === b));

/** What multer hands over for one file (memory storage). */
export interface UploadedFileLike {
  originalname: string;
  mimetype: string;
  buffer: Buffer;
  size: number;
}

/** A file that passed the checks: a safe name, an accepted type, its bytes. */
export interface AcceptedFile {
  name: string;
  contentType: string;
  data: Buffer;
}

/**
 * Multer options for attachment uploads: the configured size limit (larger files → 413
 * PAYLOAD_TOO_LARGE) and UTF-8 file names (browsers send them as raw UTF-8; multer's default
 * latin1 turned "Ataskaita ąčę.pdf" into mojibake).
 */
export const attachmentUploadOptions = (config: AppConfig): MulterModuleOptions => ({
  limits: { fileSize: config.attachmentMaxBytes, files: 1 },
  defParamCharset: 'utf8',
});

export const isImageType = (contentType: string): boolean => contentType.startsWith('image/');

/**
 * Response headers for serving a stored file: images inline (only the raster types above are
 * ever stored), everything else as a download; never sniffed.
 */
export function downloadHeaders(file: { name: string; contentType: string }): Record<string, string> {
  return {
    'Content-Type': file.contentType,
    'X-Content-Type-Options': 'nosniff',
    'Content-Disposition': `${isImageType(file.contentType) ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(file.name)}`,
    'Cache-Control': 'private, max-age=3600',
  };
}

/**
 * The attachment store shared by chat and boards: checks an upload (type, content signature,
 * name) and keeps the bytes in the GridFS bucket `attachment_files`. It knows nothing about who
 * may read a file: each feature keeps its own metadata and checks access before `open`.
 */
@Injectable()
export class AttachmentStore {
  private readonly bucket: GridFSBucket;

  constructor(
    @InjectConnection() connection: Connection,
    private readonly config: AppConfig,
  ) {
    this.bucket = new GridFSBucket(connection.db!, { bucketName: 'attachment_files' });
  }

  /** Upload limit (multer refuses larger files with 413 PAYLOAD_TOO_LARGE). */
  get maxBytes(): number {
    return this.config.attachmentMaxBytes;
  }

  /** Checks an upload: 400 without a file, 415 for a type we do not take or content that does not match it. */
  accept(file: UploadedFileLike | undefined): AcceptedFile {
    if (!file)
      throw new ApiException(HttpStatus.BAD_REQUEST, ErrorCode.ValidationFailed, 'Send the file in the multipart field "file"', {
        fields: [{ field: 'file', message: 'is required' }],
      });
    if (!ATTACHMENT_TYPES.has(file.mimetype))
      throw new ApiException(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        ErrorCode.UnsupportedMediaType,
        `Files of type ${file.mimetype} are not accepted`,
      );
    if (!matchesSignature(file.mimetype, file.buffer))
      throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ErrorCode.UnsupportedMediaType, 'The file content does not match its type');
    if (file.buffer.length > this.maxBytes)
      throw new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, ErrorCode.PayloadTooLarge, 'The file is too large');
    // eslint-disable-next-line no-control-regex -- control characters are exactly what we strip from file names
    const name = file.originalname.replace(/[\u0000-\u001f/\\]/g, '_').slice(0, 200) || 'file';
    return { name, contentType: file.mimetype, data: file.buffer };
  }

  /** Stores the bytes; returns the new file id. */
  async put(file: AcceptedFile): Promise<Types.ObjectId> {
    const fileId = new Types.ObjectId();
    await new Promise<void>((ok, fail) => {
      const upload = this.bucket.openUploadStreamWithId(fileId, file.name, { metadata: { contentType: file.contentType } });
      upload.once('finish', () => ok());
      upload.once('error', fail);
      upload.end(file.data);
    });
    return fileId;
  }

  open(fileId: Types.ObjectId): Readable {
    return this.bucket.openDownloadStream(fileId);
  }

  /** Deletes the bytes; a file already gone is not an error. */
  async remove(fileId: Types.ObjectId): Promise<void> {
    await this.bucket.delete(fileId).catch(() => undefined);
  }
}
