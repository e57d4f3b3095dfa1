import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';

/**
 * One person's digest schedule. `dueAt` (absent when nothing waits) is moved only earlier by new
 * messages ($min) and each of them bumps `bumps`, so the worker can tell that something arrived
 * while it was composing. `round` names the next digest: it is the outbox key, so a worker that
 * dies between queueing and recording it cannot queue a second one for the same round.
 */
@Schema({ collection: 'chat_digests', versionKey: false })
export class DigestStateDoc {
  @Prop({ type: Types.ObjectId, required: true, unique: true }) userId: Types.ObjectId;
  @Prop({ type: Date }) dueAt?: Date;
  @Prop({ type: Date, default: null }) lastSentAt: Date | null;
  @Prop({ default: 0 }) round: number;
  /** the newest message a digest reported: later digests report only what came after it */
  @Prop({ type: Date, default: null }) reportedUpTo: Date | null;
  @Prop({ default: 0 }) bumps: number;
}

export const DigestStateSchema = SchemaFactory.createForClass(DigestStateDoc);
DigestStateSchema.index({ dueAt: 1 });

export interface DigestState {
  userId: string;
  dueAt: Date | null;
  lastSentAt: Date | null;
  round: number;
  bumps: number;
  reportedUpTo: Date | null;
}
