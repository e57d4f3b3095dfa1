import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';

export const AccountTokenKinds = ['password_reset', 'email_change', 'email_verify'] as const;
export type AccountTokenKind = (typeof AccountTokenKinds)[number];

/**
 * Single-use links mailed to a person (password reset, e-mail change). Only the sha256 of the
 * token is stored; `usedAt` is set by the one conditional update that consumes it, so a token
 * works once whatever the concurrency. Kept past expiry for a day so that an old link answers
 * "expired" rather than "unknown".
 */
@Schema({ collection: 'account_tokens', versionKey: false })
export class AccountTokenDoc {
  @Prop({ type: String, required: true }) _id: string;
  @Prop({ type: String, enum: AccountTokenKinds, required: true }) kind: AccountTokenKind;
  @Prop({ type: Types.ObjectId, required: true }) userId: Types.ObjectId;
  /** e-mail change: the address to switch to */
  @Prop({ type: String, default: null }) newEmail: string | null;
  @Prop({ required: true }) createdAt: Date;
  @Prop({ required: true }) expiresAt: Date;
  @Prop({ type: Date, default: null }) usedAt: Date | null;
}
export const AccountTokenSchema = SchemaFactory.createForClass(AccountTokenDoc);
AccountTokenSchema.index({ userId: 1, kind: 1 });
AccountTokenSchema.index({ expiresAt: 1 });

/** Fixed-window counters (reset requests per e-mail and per client address), shared by every node. */
@Schema({ collection: 'account_rate_counters', versionKey: false })
export class RateCounterDoc {
  @Prop({ type: String, required: true }) _id: string;
  @Prop({ required: true }) count: number;
  @Prop({ required: true }) windowEnd: Date;
}
export const RateCounterSchema = SchemaFactory.createForClass(RateCounterDoc);
RateCounterSchema.index({ windowEnd: 1 });
