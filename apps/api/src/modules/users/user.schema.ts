import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';
import { DEFAULT_TIME_ZONE, Languages, Roles, UserStatuses, type Language, type Role, type UserStatus } from '@klasteris/contracts';

@Schema({ collection: 'users', timestamps: true, versionKey: false })
export class UserDoc {
  /** Stored lower-cased; unique. */
  @Prop({ required: true, unique: true }) email: string;
  @Prop({ required: true }) passwordHash: string;
  @Prop({ required: true }) displayName: string;
  @Prop({ type: [String], enum: Roles, default: ['member'] }) roles: Role[];
  @Prop({ type: Types.ObjectId, default: null }) organisationId: Types.ObjectId | null;
  /** Denormalised for lists and chat; kept in step by OrganisationsService on rename. */
  @Prop({ type: String, default: null }) organisationName: string | null;
  @Prop({ type: String, enum: UserStatuses, default: 'active' }) status: UserStatus;
  @Prop({ type: String, default: null }) statusReason: string | null;
  @Prop({ type: String, enum: Languages, default: 'en' }) language: Language;
  /** IANA time zone (validated at the edge) */
  @Prop({ type: String, default: DEFAULT_TIME_ZONE }) timeZone: string;
  @Prop({ required: true }) avatarColor: string;
  @Prop({ required: true }) initials: string;
  @Prop({ type: String, default: null }) title: string | null;
  @Prop({ type: [String], default: [] }) expertise: string[];
  /** When the person proved the address (the verification link, or an e-mail change confirmed at it); null: not proven. */
  @Prop({ type: Date, default: null }) emailVerifiedAt: Date | null;
  /** Folded (lower-case, no diacritics) name, email, title and expertise for directory search. */
  @Prop({ required: true }) searchText: string;
  createdAt: Date;
  updatedAt: Date;
}

export const UserSchema = SchemaFactory.createForClass(UserDoc);
UserSchema.index({ organisationId: 1, displayName: 1 });
UserSchema.index({ status: 1, displayName: 1 });
UserSchema.index({ displayName: 1, _id: 1 });

/** A user as repositories hand it to services: plain data, string ids. */
export interface UserRecord {
  id: string;
  email: string;
  passwordHash: string;
  displayName: string;
  roles: Role[];
  organisationId: string | null;
  organisationName: string | null;
  status: UserStatus;
  statusReason: string | null;
  language: Language;
  timeZone: string;
  avatarColor: string;
  initials: string;
  title: string | null;
  expertise: string[];
  createdAt: Date;
  emailVerifiedAt: Date | null;
}
