import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';

@Schema({ collection: 'board_labels', versionKey: false })
export class LabelDoc {
  @Prop({ type: Types.ObjectId, required: true }) projectId: Types.ObjectId;
  @Prop({ required: true }) name: string;
  @Prop({ required: true }) color: string;
}

export const LabelSchema = SchemaFactory.createForClass(LabelDoc);
LabelSchema.index({ projectId: 1, name: 1 });

export type LeanLabel = LabelDoc & { _id: Types.ObjectId };
