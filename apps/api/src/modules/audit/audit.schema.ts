import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';

/** Append-only record of an administrative or moderation action. No API updates or deletes it. */
@Schema({ collection: 'audit_log', versionKey: false })
export class AuditEntryDoc {
  @Prop({ type: Types.ObjectId, default: null }) actorId: Types.ObjectId | null;
  @Prop({ required: true }) action: string;
  @Prop({ required: true }) targetType: string;
  @Prop({ required: true }) targetId: string;
  /** Scope for who may read it later, e.g. an organisation or a working group id. */
  @Prop({ type: String, default: null }) scopeId: string | null;
  @Prop({ type: String, default: null }) reason: string | null;
  @Prop({ type: Object, default: null }) before: Record<string, unknown> | null;
  @Prop({ type: Object, default: null }) after: Record<string, unknown> | null;
  @Prop({ required: true }) at: Date;
}

export const AuditEntrySchema = SchemaFactory.createForClass(AuditEntryDoc);
AuditEntrySchema.index({ at: -1, _id: -1 });
AuditEntrySchema.index({ targetType: 1, targetId: 1, at: -1 });
AuditEntrySchema.index({ actorId: 1, at: -1 });
