import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** An announcement posted in a group's announcements channel, optionally asking for acknowledgement. */
@Schema({ collection: 'group_announcements', versionKey: false })
export class AnnouncementDoc {
  @Prop({ required: true }) groupId: string;
  @Prop({ required: true, unique: true }) messageId: string;
  @Prop({ required: true }) body: string;
  @Prop({ default: false }) requireAck: boolean;
  @Prop({ default: 0 }) ackCount: number;
  @Prop({ required: true }) by: string;
  @Prop({ required: true }) createdAt: Date;
}
export const AnnouncementSchema = SchemaFactory.createForClass(AnnouncementDoc);
AnnouncementSchema.index({ groupId: 1, createdAt: -1 });

@Schema({ collection: 'group_announcement_acks', versionKey: false })
export class AckDoc {
  @Prop({ required: true }) announcementId: string;
  @Prop({ required: true }) userId: string;
  @Prop({ required: true }) at: Date;
}
export const AckSchema = SchemaFactory.createForClass(AckDoc);
AckSchema.index({ announcementId: 1, userId: 1 }, { unique: true });
