import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';

@Schema({ collection: 'card_comments', versionKey: false })
export class CommentDoc {
  @Prop({ type: Types.ObjectId, required: true }) projectId: Types.ObjectId;
  @Prop({ type: Types.ObjectId, required: true }) cardId: Types.ObjectId;
  @Prop({ type: Types.ObjectId, required: true }) authorId: Types.ObjectId;
  @Prop({ required: true }) authorName: string;
  @Prop({ required: true }) body: string;
  @Prop({ type: [Types.ObjectId], default: [] }) mentions: Types.ObjectId[];
  @Prop({ required: true }) createdAt: Date;
  @Prop({ type: Date, default: null }) editedAt: Date | null;
  /** earlier versions, oldest first (an edit keeps its history, as chat messages do); emptied when deleted */
  @Prop({ type: [{ body: String, at: Date, _id: false }], default: [] }) edits: { body: string; at: Date }[];
  @Prop({ type: Date, default: null }) deletedAt: Date | null;
  @Prop({ type: String, default: null }) deletedBy: 'author' | 'moderator' | null;
}

export const CommentSchema = SchemaFactory.createForClass(CommentDoc);
CommentSchema.index({ cardId: 1, createdAt: 1, _id: 1 });

export type LeanComment = CommentDoc & { _id: Types.ObjectId };
