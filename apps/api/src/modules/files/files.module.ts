import { Module } from '@nestjs/common';
import { AttachmentStore } from './attachment-store';

/**
 * The bytes of uploaded files (GridFS bucket `attachment_files`), shared by chat and boards. Each
 * feature keeps its own metadata and access rules; this module only checks and stores uploads.
 */
@Module({
  providers: [AttachmentStore],
  exports: [AttachmentStore],
})
export class FilesModule {}
