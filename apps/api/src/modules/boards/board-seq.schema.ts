import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';

/** How many times a board's cards changed: one document per board, `_id` is the project's id. */
@Schema({ collection: 'board_seqs', versionKey: false })
export class BoardSeqDoc {
  @Prop({ type: Types.ObjectId }) _id: Types.ObjectId;
  @Prop({ type: Number, default: 0 }) seq: number;
}

export const BoardSeqSchema = SchemaFactory.createForClass(BoardSeqDoc);
