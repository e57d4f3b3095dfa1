import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';

/**
 * One unit of a resource during one 15-minute step of absolute time, held by one booking. The unique
 * index on (resourceId, slot, unit) is what makes double booking impossible: see ClaimsService.
 */
@Schema({ collection: 'booking_claims', versionKey: false })
export class ClaimDoc {
  @Prop({ type: Types.ObjectId, required: true }) resourceId: Types.ObjectId;
  @Prop({ required: true }) slot: Date;
  @Prop({ required: true }) unit: number;
  @Prop({ type: Types.ObjectId, required: true }) bookingId: Types.ObjectId;
}

export const ClaimSchema = SchemaFactory.createForClass(ClaimDoc);
ClaimSchema.index({ resourceId: 1, slot: 1, unit: 1 }, { unique: true });
ClaimSchema.index({ bookingId: 1 });

/** Unit-minutes an organisation has booked of a resource in a local month; guarded by a conditional $inc. */
@Schema({ collection: 'booking_quota_usage', versionKey: false })
export class QuotaUsageDoc {
  @Prop({ type: Types.ObjectId, required: true }) resourceId: Types.ObjectId;
  @Prop({ required: true }) organisationKey: string;
  @Prop({ required: true }) month: string;
  @Prop({ required: true, default: 0 }) minutes: number;
}

export const QuotaUsageSchema = SchemaFactory.createForClass(QuotaUsageDoc);
QuotaUsageSchema.index({ resourceId: 1, organisationKey: 1, month: 1 }, { unique: true });
