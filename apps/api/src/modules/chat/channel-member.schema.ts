import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';
import { ChannelNotifyLevels, ChannelRoles, type ChannelNotifyLevel, type ChannelRole } from '@klasteris/contracts';

/** Membership and the member's read position: the one server-side truth for unread state. */
@Schema({ collection: 'channel_members', versionKey: false })
export class ChannelMemberDoc {
  @Prop({ type: Types.ObjectId, required: true }) channelId: Types.ObjectId;
  @Prop({ type: Types.ObjectId, required: true }) userId: Types.ObjectId;
  @Prop({ type: String, enum: ChannelRoles, default: 'member' }) role: ChannelRole;
  @Prop({ default: 0 }) lastReadSeq: number;
  /** the channel's root `ord` at my read position: unread = channel.committedRoots − readRoots − holes between (read-state.ts) */
  @Prop({ default: 0 }) readRoots: number;
  /** `ord`s of root messages that mention me (by name or @channel), put here when they are sent; those ≤ readRoots are read */
  @Prop({ type: [Number], default: [] }) mentionOrds: number[];
  /** my notification level here: all / mentions / muted (no badge, no mention notification, no digest) */
  @Prop({ type: String, enum: ChannelNotifyLevels, default: 'all' }) notify: ChannelNotifyLevel;
  @Prop({ required: true }) joinedAt: Date;
}

export const ChannelMemberSchema = SchemaFactory.createForClass(ChannelMemberDoc);
ChannelMemberSchema.index({ channelId: 1, userId: 1 }, { unique: true });
ChannelMemberSchema.index({ userId: 1 });

export interface MemberRecord {
  channelId: string;
  userId: string;
  role: ChannelRole;
  lastReadSeq: number;
  readRoots: number;
  mentionOrds: number[];
  notify: ChannelNotifyLevel;
  joinedAt: Date;
}
