import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { MembershipStatuses, OrganisationTypes, type MembershipStatus, type OrganisationType } from '@klasteris/contracts';

@Schema({ collection: 'organisations', timestamps: true, versionKey: false })
export class OrganisationDoc {
  @Prop({ required: true }) name: string;
  /** Folded name, unique: "Duomenų centras" and "duomenu centras" are the same organisation. */
  @Prop({ required: true, unique: true }) nameKey: string;
  @Prop({ type: String, enum: OrganisationTypes, required: true }) type: OrganisationType;
  @Prop({ required: true }) country: string;
  @Prop({ type: String, default: null }) city: string | null;
  @Prop({ type: String, default: null }) website: string | null;
  @Prop({ type: [String], default: [] }) sectors: string[];
  /** Folded sectors, for filtering without case or diacritics. */
  @Prop({ type: [String], default: [] }) sectorKeys: string[];
  @Prop({ type: String, default: null }) description: string | null;
  @Prop({ type: String, enum: MembershipStatuses, required: true }) membershipStatus: MembershipStatus;
  @Prop({ type: Date, default: null }) joinedAt: Date | null;
  /** Folded name, city, country, sectors and description for directory search. */
  @Prop({ required: true }) searchText: string;
  createdAt: Date;
  updatedAt: Date;
}

export const OrganisationSchema = SchemaFactory.createForClass(OrganisationDoc);
OrganisationSchema.index({ membershipStatus: 1, nameKey: 1 });
OrganisationSchema.index({ country: 1, nameKey: 1 });
OrganisationSchema.index({ sectorKeys: 1 });

export interface OrganisationRecord {
  id: string;
  name: string;
  nameKey: string;
  type: OrganisationType;
  country: string;
  city: string | null;
  website: string | null;
  sectors: string[];
  description: string | null;
  membershipStatus: MembershipStatus;
  joinedAt: Date | null;
}
