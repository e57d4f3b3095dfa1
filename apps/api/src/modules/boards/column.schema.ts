import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';

/** A board column; `(projectId, rank)` is unique so two columns never share a position. */
@Schema({ collection: 'board_columns', timestamps: true, versionKey: false })
export class ColumnDoc {
  @Prop({ type: Types.ObjectId, required: true }) projectId: Types.ObjectId;
  @Prop({ required: true }) name: string;
  @Prop({ required: true }) rank: string;
  @Prop({ type: Number, default: null }) wipLimit: number | null;
  @Prop({ type: Boolean, default: false }) archived: boolean;
  /** Set while the column's card ranks are being re-spaced (a claim, so only one runs). */
  @Prop({ type: Date, default: null }) rebalancingAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export const ColumnSchema = SchemaFactory.createForClass(ColumnDoc);
ColumnSchema.index({ projectId: 1, rank: 1 }, { unique: true });

export type LeanColumn = ColumnDoc & { _id: Types.ObjectId };
