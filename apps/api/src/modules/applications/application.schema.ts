import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';
import { ApplicationStatuses, type ApplicationStatus, type OrganisationInput } from '@klasteris/contracts';

@Schema({ _id: false, versionKey: false })
class ApplicationContact {
  @Prop({ required: true }) displayName: string;
  @Prop({ required: true }) email: string;
  @Prop({ type: String, default: null }) title: string | null;
  @Prop({ type: Types.ObjectId, required: true }) userId: Types.ObjectId;
}

@Schema({ _id: false, versionKey: false })
class ApplicationSourceDoc {
  @Prop({ type: Types.ObjectId, required: true }) eventId: Types.ObjectId;
  @Prop({ required: true }) eventTitle: string;
  @Prop({ type: Types.ObjectId, required: true }) invitationId: Types.ObjectId;
}

@Schema({ collection: 'membership_applications', versionKey: false })
export class ApplicationDoc {
  /** The details as submitted (the organisation record may be edited later). */
  @Prop({ type: Object, required: true }) organisation: OrganisationInput;
  @Prop({ type: Types.ObjectId, required: true }) organisationId: Types.ObjectId;
  @Prop({ type: ApplicationContact, required: true }) contact: ApplicationContact;
  @Prop({ required: true }) motivation: string;
  @Prop({ type: String, enum: ApplicationStatuses, default: 'pending' }) status: ApplicationStatus;
  @Prop({ type: Types.ObjectId, default: null }) decidedBy: Types.ObjectId | null;
  @Prop({ type: Date, default: null }) decidedAt: Date | null;
  @Prop({ type: String, default: null }) reason: string | null;
  @Prop({ required: true }) createdAt: Date;
  /** the event whose prospect was invited to apply (null: the public form without an invitation) */
  @Prop({ type: ApplicationSourceDoc, default: null }) source: ApplicationSourceDoc | null;
}

export const ApplicationSchema = SchemaFactory.createForClass(ApplicationDoc);
ApplicationSchema.index({ status: 1, createdAt: -1, _id: -1 });
ApplicationSchema.index({ createdAt: -1, _id: -1 });
