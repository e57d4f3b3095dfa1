import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';
import { ActivityKinds, type ActivityKind } from '@klasteris/contracts';

/** The activity log of a board and its cards (who did what, when). */
@Schema({ collection: 'project_activity', versionKey: false })
export class ActivityDoc {
  @Prop({ type: Types.ObjectId, required: true }) projectId: Types.ObjectId;
  @Prop({ type: Types.ObjectId, default: null }) cardId: Types.ObjectId | null;
  @Prop({ type: Types.ObjectId, default: null }) actorId: Types.ObjectId | null;
  @Prop({ required: true }) actorName: string;
  @Prop({ type: String, enum: ActivityKinds, required: true }) kind: ActivityKind;
  @Prop({ type: Object, default: {} }) data: Record<string, unknown>;
  @Prop({ required: true }) at: Date;
}

export const ActivitySchema = SchemaFactory.createForClass(ActivityDoc);
ActivitySchema.index({ projectId: 1, at: -1, _id: -1 });
ActivitySchema.index({ cardId: 1, at: -1, _id: -1 });
