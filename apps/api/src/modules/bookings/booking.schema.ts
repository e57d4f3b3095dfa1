import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';
import type { BookingApproval, BookingStatus } from '@klasteris/contracts';

/**
 * Internal statuses beyond the public ones: `claiming` while a request is inserting its claims (not
 * yet visible), `failed` when it gave up. Only `pending`, `confirmed` and `held` hold capacity.
 */
export type StoredBookingStatus = BookingStatus | 'claiming' | 'failed';
export const HOLDING_STATUSES: StoredBookingStatus[] = ['pending', 'confirmed', 'held'];
export const VISIBLE_STATUSES: StoredBookingStatus[] = ['pending', 'confirmed', 'held', 'rejected', 'cancelled', 'completed', 'expired'];

@Schema({ collection: 'bookings', versionKey: false })
export class BookingDoc {
  @Prop({ type: Types.ObjectId, required: true }) resourceId: Types.ObjectId;
  @Prop({ required: true }) resourceName: string;
  @Prop({ type: Types.ObjectId, required: true }) resourceOrganisationId: Types.ObjectId;
  @Prop({ required: true }) timeZone: string;
  @Prop({ type: Types.ObjectId, required: true }) userId: Types.ObjectId;
  @Prop({ required: true }) userName: string;
  @Prop({ type: Types.ObjectId, default: null }) organisationId: Types.ObjectId | null;
  @Prop({ type: String, default: null }) organisationName: string | null;
  @Prop({ required: true }) start: Date;
  @Prop({ required: true }) end: Date;
  @Prop({ required: true }) units: number;
  @Prop({ required: true }) purpose: string;
  @Prop({ type: Types.ObjectId, default: null }) projectId: Types.ObjectId | null;
  @Prop({ type: Types.ObjectId, default: null }) cardId: Types.ObjectId | null;
  @Prop({ type: String, required: true }) status: StoredBookingStatus;
  /** Approvals given so far; the conditional approve matches on this count. */
  @Prop({ required: true, default: 0 }) approvalStep: number;
  @Prop({ required: true, default: 1 }) approvalSteps: number;
  @Prop({ type: [Object], default: [] }) approvals: BookingApproval[];
  @Prop({ type: String, default: null }) decisionNote: string | null;
  @Prop({ type: Date, default: null }) decidedAt: Date | null;
  /** Number of state changes so far (BookingsRepository.transition); the ICS SEQUENCE and mail keys use it. */
  @Prop({ required: true, default: 0 }) version: number;
  @Prop({ type: Types.ObjectId, default: null }) seriesId: Types.ObjectId | null;
  @Prop({ type: Number, default: null }) seriesIndex: number | null;
  @Prop({ type: Types.ObjectId, default: null }) waitlistEntryId: Types.ObjectId | null;
  @Prop({ type: Date, default: null }) holdExpiresAt: Date | null;
  @Prop({ type: Date, default: null }) checkedInAt: Date | null;
  @Prop({ required: true }) createdAt: Date;
  @Prop({ required: true }) updatedAt: Date;
}

export const BookingSchema = SchemaFactory.createForClass(BookingDoc);
BookingSchema.index({ resourceId: 1, status: 1, start: 1 });
BookingSchema.index({ resourceId: 1, end: 1 });
BookingSchema.index({ userId: 1, start: -1, _id: -1 });
BookingSchema.index({ status: 1, createdAt: 1 });
BookingSchema.index({ resourceOrganisationId: 1, status: 1, createdAt: 1 });
BookingSchema.index({ seriesId: 1, start: 1 });
BookingSchema.index({ cardId: 1, start: 1, _id: 1 });

export type LeanBooking = BookingDoc & { _id: Types.ObjectId };
