import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';
import { ProjectStatuses, type ProjectStatus } from '@klasteris/contracts';

@Schema({ collection: 'projects', timestamps: true, versionKey: false })
export class ProjectDoc {
  @Prop({ required: true }) name: string;
  /** Folded name: sort and search without case or diacritics. */
  @Prop({ required: true }) nameKey: string;
  @Prop({ type: String, default: null }) summary: string | null;
  @Prop({ type: String, enum: ProjectStatuses, required: true }) status: ProjectStatus;
  @Prop({ type: [Types.ObjectId], default: [] }) organisationIds: Types.ObjectId[];
  /** The project's chat channel, set by the chat module once it exists. */
  @Prop({ type: Types.ObjectId, default: null }) channelId: Types.ObjectId | null;
  @Prop({ type: Types.ObjectId, default: null }) groupId: Types.ObjectId | null;
  @Prop({ type: Types.ObjectId, required: true }) createdBy: Types.ObjectId;
  @Prop({ type: Number, required: true }) memberCount: number;
  /** Kept by conditional $inc so a project can never lose its last owner, whatever the concurrency. */
  @Prop({ type: Number, required: true }) ownerCount: number;
  /** Demo seeding key: makes seeding idempotent. */
  @Prop({ type: String, default: null }) seedKey: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export const ProjectSchema = SchemaFactory.createForClass(ProjectDoc);
ProjectSchema.index({ nameKey: 1, _id: 1 });
ProjectSchema.index({ seedKey: 1 });

export interface ProjectRecord {
  id: string;
  name: string;
  nameKey: string;
  summary: string | null;
  status: ProjectStatus;
  organisationIds: string[];
  channelId: string | null;
  groupId: string | null;
  createdBy: string;
  memberCount: number;
  ownerCount: number;
  createdAt: Date;
  updatedAt: Date;
}
