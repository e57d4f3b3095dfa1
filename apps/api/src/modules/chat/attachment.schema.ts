import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';

/** Metadata of an uploaded file; the bytes live in GridFS (bucket `attachments`) under `fileId`. */
@Schema({ collection: 'attachments', versionKey: false })
export class AttachmentDoc {
  @Prop({ type: Types.ObjectId, required: true }) channelId: Types.ObjectId;
  @Prop({ type: Types.ObjectId, required: true }) uploaderId: Types.ObjectId;
  @Prop({ type: Types.ObjectId, required: true }) fileId: Types.ObjectId;
  @Prop({ required: true }) name: string;
  @Prop({ required: true }) size: number;
  @Prop({ required: true }) contentType: string;
  @Prop({ type: Types.ObjectId, default: null }) messageId: Types.ObjectId | null;
  @Prop({ required: true }) createdAt: Date;
}

export const AttachmentSchema = SchemaFactory.createForClass(AttachmentDoc);
AttachmentSchema.index({ channelId: 1, createdAt: -1 });
