import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';
import { Languages, MailKinds, MailStates, type Language, type MailKind, type MailState } from '@klasteris/contracts';

export interface StoredAttachment {
  filename: string;
  contentType: string;
  content: string;
  /** an ICS invitation: sent as the calendar alternative with this METHOD (REQUEST, CANCEL, …) */
  icsMethod: string | null;
}

/**
 * One mail of the outbox, rendered when it is queued. `key` is the idempotency key (kind + cause +
 * recipient): unique, so the same cause never queues a second mail. A worker claims it by moving
 * it to `sending` with `leaseOwner`/`leaseUntil`; an expired lease may be claimed again.
 */
@Schema({ collection: 'mail_outbox', timestamps: true, versionKey: false })
export class OutboxMailDoc {
  @Prop({ required: true, unique: true }) key: string;
  @Prop({ type: String, enum: MailKinds, required: true }) kind: MailKind;
  @Prop({ required: true }) toEmail: string;
  @Prop({ type: String, default: null }) toName: string | null;
  @Prop({ type: Types.ObjectId, default: null }) toUserId: Types.ObjectId | null;
  @Prop({ type: String, enum: Languages, required: true }) language: Language;
  @Prop({ required: true }) subject: string;
  @Prop({ required: true }) html: string;
  @Prop({ required: true }) text: string;
  /** extra headers (List-Unsubscribe, …), already single-line */
  @Prop({ type: Object, default: {} }) headers: Record<string, string>;
  @Prop({ type: [Object], default: [] }) attachments: StoredAttachment[];
  @Prop({ required: true }) messageId: string;
  @Prop({ type: String, enum: MailStates, required: true }) state: MailState;
  @Prop({ default: 0 }) attempts: number;
  /** when a queued mail is due (also the next retry) */
  @Prop({ type: Date, default: null }) nextAttemptAt: Date | null;
  @Prop({ type: String, default: null }) leaseOwner: string | null;
  @Prop({ type: Date, default: null }) leaseUntil: Date | null;
  /** the claim (one batch of one worker) that holds the lease: how the worker reads back what it won */
  @Prop({ type: String, default: null }) claim: string | null;
  /** temporary failures are retried until then (queued + 24 h) */
  @Prop({ required: true }) giveUpAt: Date;
  @Prop({ type: String, default: null }) lastResponse: string | null;
  @Prop({ type: Date, default: null }) sentAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export const OutboxMailSchema = SchemaFactory.createForClass(OutboxMailDoc);
OutboxMailSchema.index({ state: 1, nextAttemptAt: 1 });
OutboxMailSchema.index({ state: 1, leaseUntil: 1 });
OutboxMailSchema.index({ createdAt: -1, _id: -1 });
OutboxMailSchema.index({ state: 1, createdAt: -1 });

export type LeanOutboxMail = OutboxMailDoc & { _id: Types.ObjectId };

/** Addresses that unsubscribed from a non-essential kind (RFC 8058 one-click). */
@Schema({ collection: 'mail_suppressions', timestamps: true, versionKey: false })
export class MailSuppressionDoc {
  @Prop({ required: true }) email: string;
  @Prop({ type: String, enum: MailKinds, required: true }) kind: MailKind;
  createdAt: Date;
}
export const MailSuppressionSchema = SchemaFactory.createForClass(MailSuppressionDoc);
MailSuppressionSchema.index({ email: 1, kind: 1 }, { unique: true });
