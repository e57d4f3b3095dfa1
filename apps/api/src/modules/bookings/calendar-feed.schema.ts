import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';

/** A user's private calendar feed: only the SHA-256 of the secret URL token is stored; one per user. */
@Schema({ collection: 'booking_feeds', versionKey: false })
export class CalendarFeedDoc {
  @Prop({ type: Types.ObjectId, required: true, unique: true }) userId: Types.ObjectId;
  @Prop({ required: true, unique: true }) tokenHash: string;
  @Prop({ required: true }) createdAt: Date;
}

export const CalendarFeedSchema = SchemaFactory.createForClass(CalendarFeedDoc);
