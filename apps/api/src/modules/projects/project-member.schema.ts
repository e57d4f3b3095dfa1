import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';
import { ProjectRoles, type ProjectRole } from '@klasteris/contracts';

/** Membership of a user in a project; one row per (project, user). */
@Schema({ collection: 'project_members', versionKey: false })
export class ProjectMemberDoc {
  @Prop({ type: Types.ObjectId, required: true }) projectId: Types.ObjectId;
  @Prop({ type: Types.ObjectId, required: true }) userId: Types.ObjectId;
  @Prop({ type: String, enum: ProjectRoles, required: true }) role: ProjectRole;
  @Prop({ required: true }) joinedAt: Date;
}

export const ProjectMemberSchema = SchemaFactory.createForClass(ProjectMemberDoc);
ProjectMemberSchema.index({ projectId: 1, userId: 1 }, { unique: true });
ProjectMemberSchema.index({ userId: 1, projectId: 1 });

export interface ProjectMemberRecord {
  projectId: string;
  userId: string;
  role: ProjectRole;
  joinedAt: Date;
}
