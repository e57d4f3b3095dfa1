import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';
import { ChannelTypes, type ChannelType } from '@klasteris/contracts';

/**
 * A channel and its two sequence counters:
 * - `lastSeq`: the last seq handed out to a writer (reserved with $inc);
 * - `committedSeq`: every seq up to it is readable (or was voided). Readers never see beyond it,
 *   so a reader can never observe seq N+1 while N is still being written. See MessageWriter.
 * and, for the unread counts (read-state.ts), two root counters:
 * - `roots`: root messages reserved so far (taken with the seq, in the same $inc): a message's `ord`;
 * - `committedRoots`: the `ord` at `committedSeq` (moved by the watermark step);
 * - `holeMax`: the largest `ord` of a reserved root that does not count (deleted, void): see ChannelHoleDoc.
 */
@Schema({ collection: 'channels', versionKey: false })
export class ChannelDoc {
  @Prop({ type: String, enum: ChannelTypes, required: true }) type: ChannelType;
  @Prop({ required: true }) name: string;
  @Prop({ type: String, default: null }) topic: string | null;
  @Prop({ type: String, default: null }) description: string | null;
  @Prop({ type: Types.ObjectId, required: true }) createdBy: Types.ObjectId;
  @Prop({ required: true }) createdAt: Date;
  @Prop({ type: Date, default: null }) archivedAt: Date | null;
  @Prop({ default: 0 }) lastSeq: number;
  @Prop({ default: 0 }) committedSeq: number;
  @Prop({ default: 0 }) memberCount: number;
  @Prop({ default: 0 }) roots: number;
  @Prop({ default: 0 }) committedRoots: number;
  @Prop({ default: 0 }) holeMax: number;
  /** Unique key: `n:<name>` for named channels, `d:<sorted user ids>` for direct messages. */
  @Prop({ required: true, unique: true }) key: string;
  @Prop({ type: [Types.ObjectId], default: undefined }) directUserIds?: Types.ObjectId[];
  @Prop({ type: String, default: null }) groupId: string | null;
  @Prop({ type: String, default: null }) projectId: string | null;
  /** The event whose attendees' channel this is (modules/event-channels keeps its members in step). */
  @Prop({ type: String, default: null }) eventId: string | null;
  /**
   * Only its members see it, whatever its type: the channels of invite- and request-only groups
   * (their announcements too). Kept in step with the group's visibility by GroupsService.
   */
  @Prop({ default: false }) membersOnly: boolean;
  /** Everyone who becomes active joins it (e.g. #general, #announcements). */
  @Prop({ default: false }) autoJoin: boolean;
  /** Moderation hooks (working groups issue): seconds between posts per member. */
  @Prop({ default: 0 }) slowModeSeconds: number;
}

export const ChannelSchema = SchemaFactory.createForClass(ChannelDoc);
ChannelSchema.index({ type: 1, name: 1 });

export interface ChannelRecord {
  id: string;
  type: ChannelType;
  name: string;
  topic: string | null;
  description: string | null;
  createdBy: string;
  createdAt: Date;
  archivedAt: Date | null;
  lastSeq: number;
  committedSeq: number;
  committedRoots: number;
  holeMax: number;
  memberCount: number;
  directUserIds: string[] | null;
  groupId: string | null;
  projectId: string | null;
  eventId: string | null;
  membersOnly: boolean;
  slowModeSeconds: number;
}
