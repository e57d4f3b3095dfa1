import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';
import type { Readable } from 'node:stream';
import type { Attachment } from '@klasteris/contracts';
import { oid } from '../../common/object-id';
import { AttachmentStore, isImageType } from '../files/attachment-store';
import { AttachmentDoc } from './attachment.schema';

export type LeanAttachment = AttachmentDoc & { _id: Types.ObjectId };

export const toAttachment = (d: LeanAttachment): Attachment => ({
  id: d._id.toHexString(),
  name: d.name,
  size: d.size,
  contentType: d.contentType,
  url: `/api/attachments/${d._id.toHexString()}`,
  isImage: isImageType(d.contentType),
});

/** File metadata of chat uploads in `attachments`, bytes in the shared AttachmentStore (GridFS bucket `attachment_files`). */
@Injectable()
export class AttachmentsRepository {
  constructor(
    @InjectModel(AttachmentDoc.name) private readonly model: Model<AttachmentDoc>,
    private readonly files: AttachmentStore,
  ) {}

  async store(input: { channelId: string; uploaderId: string; name: string; contentType: string; data: Buffer }): Promise<LeanAttachment> {
    const fileId = await this.files.put(input);
    const doc = await this.model.create({
      channelId: oid(input.channelId),
      uploaderId: oid(input.uploaderId),
      fileId,
      name: input.name,
      size: input.data.length,
      contentType: input.contentType,
      createdAt: new Date(),
    });
    return doc.toObject();
  }

  findById(id: string): Promise<LeanAttachment | null> {
    return this.model.findById(id).lean<LeanAttachment>();
  }

  async byIds(ids: Types.ObjectId[]): Promise<Map<string, Attachment>> {
    if (ids.length === 0) return new Map();
    const docs = await this.model.find({ _id: { $in: ids } }).lean<LeanAttachment[]>();
    return new Map(docs.map((d) => [d._id.toHexString(), toAttachment(d)]));
  }

  /** Links unattached uploads of this uploader in this channel to a message; returns how many matched. */
  async attach(ids: string[], channelId: string, uploaderId: string, messageId: Types.ObjectId): Promise<number> {
    if (ids.length === 0) return 0;
    const res = await this.model.updateMany(
      { _id: { $in: ids.map(oid) }, channelId: oid(channelId), uploaderId: oid(uploaderId), messageId: null },
      { $set: { messageId } },
    );
    return res.modifiedCount;
  }

  async countAttachable(ids: string[], channelId: string, uploaderId: string): Promise<number> {
    if (ids.length === 0) return 0;
    return this.model.countDocuments({
      _id: { $in: ids.map(oid) },
      channelId: oid(channelId),
      uploaderId: oid(uploaderId),
      messageId: null,
    });
  }

  openStream(fileId: Types.ObjectId): Readable {
    return this.files.open(fileId);
  }

  recent(channelId: string, limit: number): Promise<LeanAttachment[]> {
    return this.model
      .find({ channelId: oid(channelId), messageId: { $ne: null } })
      .sort({ createdAt: -1 })
      .limit(limit)
      .lean<LeanAttachment[]>();
  }
}
