import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';
import {
  AttendeeKinds,
  EventKinds,
  EventOrganiserTypes,
  EventStates,
  EventVisibilities,
  RsvpStatuses,
  type AttendeeKind,
  type BookingStatus,
  type EventKind,
  type EventOrganiserType,
  type EventState,
  type EventVisibility,
  type Language,
  type RsvpStatus,
} from '@klasteris/contracts';

export interface StoredVenue {
  kind: 'resource' | 'address' | 'online';
  resourceId: Types.ObjectId | null;
  resourceName: string | null;
  bookingId: Types.ObjectId | null;
  bookingStatus: BookingStatus | null;
  address: string | null;
  city: string | null;
  country: string | null;
  url: string | null;
}

@Schema({ collection: 'events', timestamps: true, versionKey: false })
export class EventDoc {
  @Prop({ required: true }) title: string;
  @Prop({ type: String, default: null }) description: string | null;
  @Prop({ type: String, enum: EventKinds, required: true }) kind: EventKind;
  @Prop({ type: String, enum: EventOrganiserTypes, required: true }) organiserType: EventOrganiserType;
  @Prop({ type: Types.ObjectId, default: null }) groupId: Types.ObjectId | null;
  @Prop({ type: Types.ObjectId, default: null }) projectId: Types.ObjectId | null;
  @Prop({ type: Types.ObjectId, default: null }) organisationId: Types.ObjectId | null;
  @Prop({ required: true }) start: Date;
  @Prop({ required: true }) end: Date;
  @Prop({ required: true }) timeZone: string;
  @Prop({ type: Number, default: null }) capacity: number | null;
  /**
   * Places held (members going + prospects registered). Changed only by conditional $inc
   * (`free > 0` in the filter): see RsvpService for why that is race-safe.
   */
  @Prop({ type: Number, default: 0 }) going: number;
  /** capacity − going while there is a capacity (the field the guard of a place taker reads). */
  @Prop({ type: Number, default: 0 }) free: number;
  /** Numbers handed to people joining the waitlist, in order ($inc). */
  @Prop({ type: Number, default: 0 }) waitSeq: number;
  @Prop({ type: String, enum: EventVisibilities, required: true }) visibility: EventVisibility;
  @Prop({ type: String, enum: EventStates, required: true }) state: EventState;
  @Prop({ type: Object, required: true }) venue: StoredVenue;
  @Prop({ type: String, default: null }) cancelReason: string | null;
  @Prop({ type: Types.ObjectId, required: true }) createdBy: Types.ObjectId;
  /** One occurrence of a series (EventSeriesDoc): its number in the series and the start the rule gave it. */
  @Prop({ type: Types.ObjectId, default: null }) seriesId: Types.ObjectId | null;
  @Prop({ type: Number, default: null }) occurrence: number | null;
  @Prop({ type: Date, default: null }) originalStart: Date | null;
  /** Demo seeding key: makes seeding idempotent. */
  @Prop({ type: String, default: null }) seedKey: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export const EventSchema = SchemaFactory.createForClass(EventDoc);
EventSchema.index({ state: 1, start: 1 });
EventSchema.index({ end: 1, start: 1, _id: 1 });
EventSchema.index({ 'venue.bookingId': 1 });
EventSchema.index({ seedKey: 1 });
EventSchema.index({ seriesId: 1, occurrence: 1 });

export type LeanEvent = EventDoc & { _id: Types.ObjectId };

/**
 * One person's answer to one event: a member (key `u:<userId>`) or a prospect registered on the
 * visitor site (key `e:<email>`). Unique (eventId, key): one answer per person and event, and a
 * second registration with the same e-mail is refused by the index.
 */
@Schema({ collection: 'event_attendance', versionKey: false })
export class AttendanceDoc {
  @Prop({ type: Types.ObjectId, required: true }) eventId: Types.ObjectId;
  @Prop({ required: true }) key: string;
  @Prop({ type: String, enum: AttendeeKinds, required: true }) kind: AttendeeKind;
  @Prop({ type: Types.ObjectId, default: null }) userId: Types.ObjectId | null;
  @Prop({ type: String, default: null }) email: string | null;
  @Prop({ required: true }) name: string;
  @Prop({ type: Types.ObjectId, default: null }) organisationId: Types.ObjectId | null;
  @Prop({ type: String, default: null }) organisationName: string | null;
  @Prop({ type: String, default: null }) country: string | null;
  @Prop({ type: String, default: 'en' }) language: Language;
  /** Prospects: sha256 of the token in their mail's cancel link. */
  @Prop({ type: String, default: null }) cancelTokenHash: string | null;
  /**
   * `none` only while a first answer is being settled; `offered`: a freed place is held for this
   * person (first in line) until `offerExpiresAt`, to confirm — shown as waitlisted with an offer.
   */
  @Prop({ type: String, enum: [...RsvpStatuses, 'none', 'offered'], required: true }) status: StoredRsvpStatus;
  /** while offered: the hold lapses then (the next in line is offered the place) */
  @Prop({ type: Date, default: null }) offerExpiresAt: Date | null;
  /** prospects: sha256 of the token in the offer mail's links (confirm; it also cancels like the cancel link) */
  @Prop({ type: String, default: null }) offerTokenHash: string | null;
  /** at the event (organisers mark it): true present, false absent, null not marked */
  @Prop({ type: Boolean, default: null }) checkedIn: boolean | null;
  @Prop({ type: Date, default: null }) checkedInAt: Date | null;
  @Prop({ type: Types.ObjectId, default: null }) checkedInBy: Types.ObjectId | null;
  /** when a hold lapsed unconfirmed (the person left the line) */
  @Prop({ type: Date, default: null }) lapsedAt: Date | null;
  /** Place in line while waitlisted (from EventDoc.waitSeq); null otherwise. */
  @Prop({ type: Number, default: null }) waitSeq: number | null;
  /** Compare-and-set counter: every status change matches the version it read. */
  @Prop({ type: Number, default: 0 }) version: number;
  @Prop({ required: true }) respondedAt: Date;
  @Prop({ required: true }) createdAt: Date;
}

export type StoredRsvpStatus = RsvpStatus | 'none' | 'offered';

export const AttendanceSchema = SchemaFactory.createForClass(AttendanceDoc);
AttendanceSchema.index({ status: 1, offerExpiresAt: 1 });
AttendanceSchema.index({ offerTokenHash: 1 });
AttendanceSchema.index({ eventId: 1, key: 1 }, { unique: true });
AttendanceSchema.index({ eventId: 1, status: 1, waitSeq: 1 });
AttendanceSchema.index({ key: 1, eventId: 1 });
AttendanceSchema.index({ cancelTokenHash: 1 });

export type LeanAttendance = AttendanceDoc & { _id: Types.ObjectId };

/**
 * A weekly or monthly series: the rule it was made with. Its occurrences are materialised as events
 * (seriesId, occurrence, originalStart), so RSVP, venue booking, ICS and cancel work per occurrence.
 */
@Schema({ collection: 'event_series', versionKey: false })
export class EventSeriesDoc {
  @Prop({ type: Object, required: true }) recurrence: {
    freq: 'weekly' | 'monthly';
    interval: number;
    count: number | null;
    until: string | null;
  };
  @Prop({ required: true }) timeZone: string;
  @Prop({ required: true }) occurrences: number;
  @Prop({ type: Types.ObjectId, required: true }) createdBy: Types.ObjectId;
  @Prop({ required: true }) createdAt: Date;
}

export const EventSeriesSchema = SchemaFactory.createForClass(EventSeriesDoc);
export type LeanSeries = EventSeriesDoc & { _id: Types.ObjectId };
