import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';
import { NotificationKinds, type NotificationKind } from '@klasteris/contracts';

@Schema({ collection: 'notifications', versionKey: false })
export class NotificationDoc {
  @Prop({ type: Types.ObjectId, required: true }) userId: Types.ObjectId;
  @Prop({ type: String, enum: NotificationKinds, required: true }) kind: NotificationKind;
  @Prop({ required: true }) title: string;
  @Prop({ type: String, default: null }) body: string | null;
  @Prop({ type: String, default: null }) link: string | null;
  @Prop({ type: Date, default: null }) readAt: Date | null;
  @Prop({ required: true }) createdAt: Date;
}

export const NotificationSchema = SchemaFactory.createForClass(NotificationDoc);
NotificationSchema.index({ userId: 1, createdAt: -1, _id: -1 });
NotificationSchema.index({ userId: 1, readAt: 1 });
