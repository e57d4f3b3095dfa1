import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';
import { WaitlistStatuses, type WaitlistStatus } from '@klasteris/contracts';

/** A member waiting for a taken time of a resource; offered it (as a held booking) when it frees up. */
@Schema({ collection: 'booking_waitlist', versionKey: false })
export class WaitlistDoc {
  @Prop({ type: Types.ObjectId, required: true }) resourceId: Types.ObjectId;
  @Prop({ type: Types.ObjectId, required: true }) userId: Types.ObjectId;
  @Prop({ required: true }) userName: string;
  @Prop({ type: Types.ObjectId, default: null }) organisationId: Types.ObjectId | null;
  @Prop({ type: String, default: null }) organisationName: string | null;
  @Prop({ required: true }) start: Date;
  @Prop({ required: true }) end: Date;
  @Prop({ required: true }) units: number;
  @Prop({ required: true }) purpose: string;
  @Prop({ type: String, enum: WaitlistStatuses, required: true }) status: WaitlistStatus;
  /** Number of state changes so far (WaitlistRepository.transition, a conditional update like bookings'). */
  @Prop({ required: true, default: 0 }) version: number;
  @Prop({ type: Types.ObjectId, default: null }) offerBookingId: Types.ObjectId | null;
  @Prop({ type: Date, default: null }) offerExpiresAt: Date | null;
  @Prop({ required: true }) createdAt: Date;
}

export const WaitlistSchema = SchemaFactory.createForClass(WaitlistDoc);
WaitlistSchema.index({ resourceId: 1, status: 1, createdAt: 1 });
WaitlistSchema.index({ userId: 1, createdAt: -1 });

export type LeanWaitlist = WaitlistDoc & { _id: Types.ObjectId };
