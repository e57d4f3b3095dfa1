import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';
import type { Delivery, NotificationTopic, QuietHours } from '@klasteris/contracts';

/**
 * A person's notification preferences: only what differs from the defaults is stored (a topic
 * missing from `topics` has its default delivery). The one source of truth for whether a mail of a
 * non-essential kind reaches an account holder: the outbox asks it, a one-click unsubscribe writes it.
 */
@Schema({ collection: 'notification_preferences', versionKey: false })
export class NotificationPreferencesDoc {
  @Prop({ type: Types.ObjectId, required: true, unique: true }) userId: Types.ObjectId;
  @Prop({ type: Object, default: {} }) topics: Partial<Record<NotificationTopic, Delivery>>;
  @Prop({ type: Number, default: null }) digestDelayMinutes: number | null;
  @Prop({ type: Object, default: null }) quietHours: QuietHours | null;
}

export const NotificationPreferencesSchema = SchemaFactory.createForClass(NotificationPreferencesDoc);

export interface StoredPreferences {
  topics: Partial<Record<NotificationTopic, Delivery>>;
  digestDelayMinutes: number | null;
  quietHours: QuietHours | null;
}
