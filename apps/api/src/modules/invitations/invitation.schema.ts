import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';

/** An invitation into an organisation; the link's token is single-use and only its SHA-256 is stored. */
@Schema({ collection: 'invitations', versionKey: false })
export class InvitationDoc {
  @Prop({ required: true, unique: true }) tokenHash: string;
  @Prop({ type: Types.ObjectId, required: true }) organisationId: Types.ObjectId;
  @Prop({ required: true }) organisationName: string;
  @Prop({ required: true }) email: string;
  @Prop({ type: String, default: null }) message: string | null;
  @Prop({ type: Types.ObjectId, required: true }) invitedBy: Types.ObjectId;
  @Prop({ required: true }) invitedByName: string;
  @Prop({ required: true }) expiresAt: Date;
  @Prop({ type: Date, default: null }) acceptedAt: Date | null;
  @Prop({ type: Types.ObjectId, default: null }) acceptedUserId: Types.ObjectId | null;
  @Prop({ type: Date, default: null }) revokedAt: Date | null;
  @Prop({ required: true }) createdAt: Date;
}

export const InvitationSchema = SchemaFactory.createForClass(InvitationDoc);
InvitationSchema.index({ organisationId: 1, createdAt: -1, _id: -1 });
InvitationSchema.index({ organisationId: 1, email: 1 });
