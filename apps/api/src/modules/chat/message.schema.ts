import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';

@Schema({ _id: false, versionKey: false })
export class MessageEditEntry {
  @Prop({ required: true }) body: string;
  @Prop({ required: true }) editedAt: Date;
}

/**
 * A message. `(channelId, seq)` is unique: the seq is reserved on the channel, then written here.
 * `(channelId, authorId, clientMsgId)` is unique: a resend can never create a second message.
 * A `void` message fills a seq whose writer gave up (duplicate resend, crash); readers skip it.
 */
@Schema({ collection: 'messages', versionKey: false })
export class MessageDoc {
  @Prop({ type: Types.ObjectId, required: true }) channelId: Types.ObjectId;
  @Prop({ required: true }) seq: number;
  @Prop({ type: Types.ObjectId, default: null }) authorId: Types.ObjectId | null;
  @Prop({ required: true }) clientMsgId: string;
  @Prop({ default: '' }) body: string;
  @Prop({ required: true }) createdAt: Date;
  @Prop({ type: Date, default: null }) editedAt: Date | null;
  @Prop({ type: [MessageEditEntry], default: [] }) edits: MessageEditEntry[];
  @Prop({ type: Date, default: null }) deletedAt: Date | null;
  @Prop({ type: String, default: null }) deletedBy: 'author' | 'moderator' | null;
  @Prop({ type: Types.ObjectId, default: null }) threadRootId: Types.ObjectId | null;
  @Prop({ default: 0 }) replyCount: number;
  @Prop({ type: Date, default: null }) lastReplyAt: Date | null;
  /** `<userId>:<emoji>` keys, toggled atomically with $addToSet / $pull (no positional updates). */
  @Prop({ type: [String], default: [] }) reactionKeys: string[];
  @Prop({ type: [String], default: [] }) mentions: string[];
  @Prop({ default: false }) mentionsChannel: boolean;
  @Prop({ default: false }) pinned: boolean;
  @Prop({ type: [Types.ObjectId], default: [] }) attachmentIds: Types.ObjectId[];
  /** Folded words of the body, for index-backed prefix search (no $text on FerretDB). */
  @Prop({ type: [String], default: [] }) terms: string[];
  @Prop({ default: false }) void: boolean;
  /**
   * The channel's `roots` counter as this seq was reserved (a root message counts itself): the
   * message's place among root messages, for the unread counts (read-state.ts). A void records the
   * `ord` of its reservation, and `root` whether that was a root's; a void whose writer died has neither.
   */
  @Prop({ type: Number, default: undefined }) ord?: number;
  @Prop({ type: Boolean, default: undefined }) root?: boolean;
  @Prop({ type: String, default: null }) cardId: string | null;
}

export const MessageSchema = SchemaFactory.createForClass(MessageDoc);
MessageSchema.index({ channelId: 1, seq: 1 }, { unique: true });
MessageSchema.index({ channelId: 1, authorId: 1, clientMsgId: 1 }, { unique: true });
MessageSchema.index({ channelId: 1, threadRootId: 1, seq: 1 });
MessageSchema.index({ terms: 1, channelId: 1 });
MessageSchema.index({ channelId: 1, pinned: 1 });
