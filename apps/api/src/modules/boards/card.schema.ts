import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Schema as MongooseSchema, Types } from 'mongoose';
import type { ChecklistItem } from '@klasteris/contracts';
import type { ChangeEntry } from './merge';

const ChecklistItemSchema = new MongooseSchema<ChecklistItem>(
  { id: { type: String, required: true }, text: { type: String, required: true }, done: { type: Boolean, default: false } },
  { _id: false },
);
const ChangeEntrySchema = new MongooseSchema<ChangeEntry>(
  { v: { type: Number, required: true }, f: { type: String, required: true } },
  { _id: false },
);
/** A file attached to a card: metadata here, bytes in the chat attachment store under `fileId`. */
export interface StoredCardAttachment {
  fileId: Types.ObjectId;
  name: string;
  size: number;
  contentType: string;
  uploadedBy: Types.ObjectId;
  uploadedByName: string;
  uploadedAt: Date;
}
const CardAttachmentSchema = new MongooseSchema<StoredCardAttachment>(
  {
    fileId: { type: MongooseSchema.Types.ObjectId, required: true },
    name: { type: String, required: true },
    size: { type: Number, required: true },
    contentType: { type: String, required: true },
    uploadedBy: { type: MongooseSchema.Types.ObjectId, required: true },
    uploadedByName: { type: String, required: true },
    uploadedAt: { type: Date, required: true },
  },
  { _id: false },
);
const SourceMessageSchema = new MongooseSchema<{ channelId: string; messageId: string }>(
  { channelId: { type: String, required: true }, messageId: { type: String, required: true } },
  { _id: false },
);

/**
 * A card. `version` grows by one with every change; `changes` logs which fields each version
 * changed, so a stale edit that touches other fields can be merged instead of refused.
 * `(columnId, rank)` is unique: two cards can never share a position.
 */
@Schema({ collection: 'cards', timestamps: true, versionKey: false })
export class CardDoc {
  @Prop({ type: Types.ObjectId, required: true }) projectId: Types.ObjectId;
  @Prop({ type: Types.ObjectId, required: true }) columnId: Types.ObjectId;
  @Prop({ required: true }) rank: string;
  @Prop({ required: true }) title: string;
  @Prop({ type: String, default: '' }) description: string;
  @Prop({ type: [Types.ObjectId], default: [] }) assigneeIds: Types.ObjectId[];
  @Prop({ type: [Types.ObjectId], default: [] }) labelIds: Types.ObjectId[];
  @Prop({ type: String, default: null }) startDate: string | null;
  @Prop({ type: String, default: null }) dueDate: string | null;
  @Prop({ type: [ChecklistItemSchema], default: [] }) checklist: ChecklistItem[];
  @Prop({ type: Number, default: 0 }) commentCount: number;
  @Prop({ type: Boolean, default: false }) archived: boolean;
  @Prop({ type: Number, required: true }) version: number;
  @Prop({ type: [ChangeEntrySchema], default: [] }) changes: ChangeEntry[];
  @Prop({ type: SourceMessageSchema, default: null }) sourceMessage: { channelId: string; messageId: string } | null;
  @Prop({ type: [Types.ObjectId], default: [] }) bookingIds: Types.ObjectId[];
  @Prop({ type: [CardAttachmentSchema], default: [] }) attachments: StoredCardAttachment[];
  @Prop({ type: Types.ObjectId, required: true }) createdBy: Types.ObjectId;
  createdAt: Date;
  updatedAt: Date;
}

export const CardSchema = SchemaFactory.createForClass(CardDoc);
CardSchema.index({ columnId: 1, rank: 1 }, { unique: true });
CardSchema.index({ projectId: 1, archived: 1 });
CardSchema.index({ assigneeIds: 1, archived: 1 });
CardSchema.index({ dueDate: 1, archived: 1 });

export type LeanCard = CardDoc & { _id: Types.ObjectId };
