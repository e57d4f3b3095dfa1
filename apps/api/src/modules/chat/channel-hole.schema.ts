import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';

/**
 * A reserved root `ord` that does not count as unread (read-state.ts): a deleted root message, a
 * root reservation given up as a void, or one whose writer died. Once per (channelId, ord), whoever
 * finds it first; the channel's `holeMax` says whether a reader need look here at all.
 */
@Schema({ collection: 'channel_holes', versionKey: false })
export class ChannelHoleDoc {
  @Prop({ type: Types.ObjectId, required: true }) channelId: Types.ObjectId;
  @Prop({ required: true }) ord: number;
}

export const ChannelHoleSchema = SchemaFactory.createForClass(ChannelHoleDoc);
ChannelHoleSchema.index({ channelId: 1, ord: 1 }, { unique: true });
