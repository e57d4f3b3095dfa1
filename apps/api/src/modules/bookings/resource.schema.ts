import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';
import {
  ResourceStatuses,
  ResourceTypes,
  type BookingPolicy,
  type ResourceAttribute,
  type ResourceStatus,
  type ResourceType,
} from '@klasteris/contracts';

@Schema({ collection: 'resources', timestamps: true, versionKey: false })
export class ResourceDoc {
  @Prop({ required: true }) name: string;
  @Prop({ required: true }) nameKey: string;
  @Prop({ type: String, enum: ResourceTypes, required: true }) type: ResourceType;
  @Prop({ type: Types.ObjectId, required: true }) organisationId: Types.ObjectId;
  @Prop({ required: true }) organisationName: string;
  @Prop({ type: String, default: null }) location: string | null;
  @Prop({ type: String, default: null }) description: string | null;
  @Prop({ type: [Object], default: [] }) attributes: ResourceAttribute[];
  /** Folded "key:value" pairs for attribute filters. */
  @Prop({ type: [String], default: [] }) attributeKeys: string[];
  @Prop({ required: true, min: 1 }) capacity: number;
  @Prop({ required: true }) timeZone: string;
  @Prop({ type: String, enum: ResourceStatuses, required: true }) status: ResourceStatus;
  /** The booking policy; validated by the DTOs, stored as one object (no dotted keys, no nested arrays). */
  @Prop({ type: Object, required: true }) policy: BookingPolicy;
  @Prop({ required: true }) searchText: string;
  createdAt: Date;
  updatedAt: Date;
}

export const ResourceSchema = SchemaFactory.createForClass(ResourceDoc);
ResourceSchema.index({ nameKey: 1, _id: 1 });
ResourceSchema.index({ type: 1, nameKey: 1 });
ResourceSchema.index({ organisationId: 1, nameKey: 1 });
ResourceSchema.index({ attributeKeys: 1 });

export interface ResourceRecord {
  id: string;
  name: string;
  nameKey: string;
  type: ResourceType;
  organisationId: string;
  organisationName: string;
  location: string | null;
  description: string | null;
  attributes: ResourceAttribute[];
  capacity: number;
  timeZone: string;
  status: ResourceStatus;
  policy: BookingPolicy;
  createdAt: Date;
}
