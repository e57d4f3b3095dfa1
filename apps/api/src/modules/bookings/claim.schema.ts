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

/**
 * One quarter unit-hour of an organisation's monthly fair share of a resource, held by one booking.
 * Token numbers run 0 … quota×4−1 under a unique index: the quota can never be overspent.
 */
@Schema({ collection: 'booking_quota_tokens', versionKey: false })
export class QuotaTokenDoc {
  @Prop({ type: Types.ObjectId, required: true }) resourceId: Types.ObjectId;
  @Prop({ required: true }) organisationKey: string;
  @Prop({ required: true }) month: string;
  @Prop({ required: true }) token: number;
  @Prop({ type: Types.ObjectId, required: true }) bookingId: Types.ObjectId;
}

export const QuotaTokenSchema = SchemaFactory.createForClass(QuotaTokenDoc);
QuotaTokenSchema.index({ resourceId: 1, organisationKey: 1, month: 1, token: 1 }, { unique: true });
QuotaTokenSchema.index({ bookingId: 1 });
