import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { ReportStatus, WordFilterAction } from '@klasteris/contracts';

/** Who moderates a working group (its coordinators). Written by the groups module. */
@Schema({ collection: 'group_moderators', versionKey: false })
export class ModeratorDoc {
  @Prop({ required: true }) groupId: string;
  @Prop({ required: true }) userId: string;
  @Prop({ required: true }) since: Date;
}
export const ModeratorSchema = SchemaFactory.createForClass(ModeratorDoc);
ModeratorSchema.index({ groupId: 1, userId: 1 }, { unique: true });
ModeratorSchema.index({ userId: 1 });

/** A timed mute in a group: reading goes on, posting waits until `until`. */
@Schema({ collection: 'group_mutes', versionKey: false })
export class MuteDoc {
  @Prop({ required: true }) groupId: string;
  @Prop({ required: true }) userId: string;
  @Prop({ required: true }) until: Date;
  @Prop({ required: true }) reason: string;
  @Prop({ required: true }) by: string;
}
export const MuteSchema = SchemaFactory.createForClass(MuteDoc);
MuteSchema.index({ groupId: 1, userId: 1 }, { unique: true });
MuteSchema.index({ userId: 1, until: 1 });

/** Slow mode: the last post time per (channel, person), claimed with a conditional upsert. */
@Schema({ collection: 'slow_mode_marks', versionKey: false })
export class SlowMarkDoc {
  @Prop({ required: true }) channelId: string;
  @Prop({ required: true }) userId: string;
  @Prop({ required: true }) lastAt: Date;
}
export const SlowMarkSchema = SchemaFactory.createForClass(SlowMarkDoc);
SlowMarkSchema.index({ channelId: 1, userId: 1 }, { unique: true });

@Schema({ _id: false, versionKey: false })
export class FilterRuleDoc {
  @Prop({ required: true }) pattern: string;
  @Prop({ type: String, enum: ['block', 'flag'], required: true }) action: WordFilterAction;
}
const FilterRuleSchema = SchemaFactory.createForClass(FilterRuleDoc);

@Schema({ collection: 'group_word_filters', versionKey: false })
export class WordFilterDoc {
  @Prop({ required: true, unique: true }) groupId: string;
  @Prop({ type: [FilterRuleSchema], default: [] }) rules: FilterRuleDoc[];
}
export const WordFilterSchema = SchemaFactory.createForClass(WordFilterDoc);

/** A reported (or word-filter flagged) message in a group's queue. */
@Schema({ collection: 'group_reports', versionKey: false })
export class ReportDoc {
  @Prop({ required: true }) groupId: string;
  @Prop({ required: true }) channelId: string;
  @Prop({ required: true }) messageId: string;
  @Prop({ required: true }) messageBody: string;
  @Prop({ type: Number, default: null }) messageSeq: number | null;
  @Prop({ type: String, default: null }) authorId: string | null;
  /** the reporter, or `filter` for word-filter flags (kept non-null for the unique index) */
  @Prop({ required: true }) reporterKey: string;
  @Prop({ required: true }) reason: string;
  @Prop({ type: String, enum: ['open', 'dismissed', 'deleted', 'muted'], default: 'open' }) status: ReportStatus;
  @Prop({ type: String, default: null }) resolvedBy: string | null;
  @Prop({ type: String, default: null }) resolutionNote: string | null;
  @Prop({ required: true }) createdAt: Date;
}
export const ReportSchema = SchemaFactory.createForClass(ReportDoc);
ReportSchema.index({ messageId: 1, reporterKey: 1 }, { unique: true });
ReportSchema.index({ groupId: 1, status: 1, createdAt: -1 });
