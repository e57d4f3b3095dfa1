import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';
import type { Language } from '@klasteris/contracts';

/**
 * An invitation to apply for membership, sent to a prospect of an event. One per e-mail address
 * (unique index): a second invitation to the same person is refused in the write, and an expired,
 * unused one is renewed in place by a compare-and-set. The link's token is single-use and only
 * its SHA-256 is stored; the event is kept as the source of the application that comes from it.
 */
@Schema({ collection: 'apply_invitations', versionKey: false })
export class ApplyInvitationDoc {
  @Prop({ required: true, unique: true }) email: string;
  @Prop({ required: true, unique: true }) tokenHash: string;
  @Prop({ required: true }) name: string;
  @Prop({ required: true }) organisationName: string;
  /** ISO 3166-1 alpha-2 */
  @Prop({ required: true }) country: string;
  @Prop({ type: String, required: true }) language: Language;
  @Prop({ type: Types.ObjectId, required: true }) eventId: Types.ObjectId;
  @Prop({ required: true }) eventTitle: string;
  /** the prospect's registration for that event */
  @Prop({ type: Types.ObjectId, required: true }) registrationId: Types.ObjectId;
  @Prop({ type: String, default: null }) message: string | null;
  @Prop({ type: Types.ObjectId, required: true }) invitedBy: Types.ObjectId;
  @Prop({ required: true }) invitedByName: string;
  @Prop({ required: true }) invitedAt: Date;
  @Prop({ required: true }) expiresAt: Date;
  /** claimed by an application being submitted (cleared again if that submission fails) */
  @Prop({ type: Date, default: null }) usedAt: Date | null;
  @Prop({ type: Types.ObjectId, default: null }) applicationId: Types.ObjectId | null;
  /** how many times it was sent (renewals of an expired one count) */
  @Prop({ type: Number, default: 1 }) sent: number;
}

export const ApplyInvitationSchema = SchemaFactory.createForClass(ApplyInvitationDoc);
ApplyInvitationSchema.index({ eventId: 1 });
export type LeanApplyInvitation = ApplyInvitationDoc & { _id: Types.ObjectId };
