import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';

/**
 * One signed-in device. The refresh token is `<sessionId>.<secret>`; only the SHA-256 of the
 * current secret is stored. Rotation swaps the hash in a conditional update, so presenting an
 * older secret (a stolen, already-used token) is detected and revokes the whole session.
 */
@Schema({ collection: 'sessions', versionKey: false })
export class SessionDoc {
  @Prop({ type: Types.ObjectId, required: true, index: true }) userId: Types.ObjectId;
  @Prop({ required: true }) refreshHash: string;
  /** Hash of the secret rotated away last, accepted as "already rotated" (no revocation) for a few seconds. */
  @Prop({ type: String, default: null }) previousHash: string | null;
  @Prop({ type: Date, default: null }) rotatedAt: Date | null;
  @Prop({ default: 0 }) generation: number;
  @Prop({ required: true }) createdAt: Date;
  @Prop({ required: true }) lastUsedAt: Date;
  @Prop({ required: true, index: true }) expiresAt: Date;
  @Prop({ type: Date, default: null }) revokedAt: Date | null;
  @Prop({ type: String, default: null }) revokedReason: string | null;
  @Prop({ type: String, default: null }) userAgent: string | null;
  @Prop({ type: String, default: null }) ip: string | null;
}

export const SessionSchema = SchemaFactory.createForClass(SessionDoc);

export interface SessionRecord {
  id: string;
  userId: string;
  generation: number;
  expiresAt: Date;
  revokedAt: Date | null;
}
