import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';
import { GroupVisibilities, type GroupVisibility, type JoinRequestStatus } from '@klasteris/contracts';

/** A working group. Its coordinators live in the moderation module (group_moderators). */
@Schema({ collection: 'groups', versionKey: false })
export class GroupDoc {
  @Prop({ required: true }) name: string;
  @Prop({ required: true, unique: true }) slug: string;
  /** folded name for search */
  @Prop({ required: true }) search: string;
  @Prop({ default: '' }) description: string;
  @Prop({ type: [String], default: [] }) tags: string[];
  @Prop({ type: String, enum: GroupVisibilities, required: true }) visibility: GroupVisibility;
  @Prop({ type: String, default: null }) generalChannelId: string | null;
  @Prop({ type: String, default: null }) announcementsChannelId: string | null;
  @Prop({ default: 0 }) memberCount: number;
  @Prop({ type: Types.ObjectId, required: true }) createdBy: Types.ObjectId;
  @Prop({ required: true }) createdAt: Date;
  /** set while the group is archived (read-only) */
  @Prop({ type: Date, default: null }) archivedAt: Date | null;
}
export const GroupSchema = SchemaFactory.createForClass(GroupDoc);
GroupSchema.index({ name: 1, _id: 1 });

@Schema({ collection: 'group_members', versionKey: false })
export class GroupMemberDoc {
  @Prop({ required: true }) groupId: string;
  @Prop({ required: true }) userId: string;
  @Prop({ required: true }) joinedAt: Date;
}
export const GroupMemberSchema = SchemaFactory.createForClass(GroupMemberDoc);
GroupMemberSchema.index({ groupId: 1, userId: 1 }, { unique: true });
GroupMemberSchema.index({ userId: 1 });
GroupMemberSchema.index({ groupId: 1, joinedAt: 1, userId: 1 });

/** Join requests; `openKey` is 'open' while pending (one pending request per person), then the request id. */
@Schema({ collection: 'group_join_requests', versionKey: false })
export class JoinRequestDoc {
  @Prop({ required: true }) groupId: string;
  @Prop({ required: true }) userId: string;
  @Prop({ type: String, default: null }) message: string | null;
  @Prop({ type: String, enum: ['pending', 'approved', 'rejected'], default: 'pending' }) status: JoinRequestStatus;
  @Prop({ required: true }) openKey: string;
  @Prop({ type: String, default: null }) reason: string | null;
  @Prop({ type: String, default: null }) decidedBy: string | null;
  @Prop({ required: true }) createdAt: Date;
}
export const JoinRequestSchema = SchemaFactory.createForClass(JoinRequestDoc);
JoinRequestSchema.index({ groupId: 1, userId: 1, openKey: 1 }, { unique: true });
JoinRequestSchema.index({ groupId: 1, status: 1, createdAt: -1 });

@Schema({ collection: 'group_bans', versionKey: false })
export class GroupBanDoc {
  @Prop({ required: true }) groupId: string;
  @Prop({ required: true }) userId: string;
  @Prop({ required: true }) reason: string;
  @Prop({ required: true }) by: string;
  @Prop({ required: true }) at: Date;
}
export const GroupBanSchema = SchemaFactory.createForClass(GroupBanDoc);
GroupBanSchema.index({ groupId: 1, userId: 1 }, { unique: true });

@Schema({ collection: 'group_invites', versionKey: false })
export class GroupInviteDoc {
  @Prop({ required: true }) groupId: string;
  @Prop({ required: true }) userId: string;
  @Prop({ required: true }) by: string;
  @Prop({ required: true }) at: Date;
}
export const GroupInviteSchema = SchemaFactory.createForClass(GroupInviteDoc);
GroupInviteSchema.index({ groupId: 1, userId: 1 }, { unique: true });
