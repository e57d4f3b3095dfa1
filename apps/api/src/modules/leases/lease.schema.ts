import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** A named cluster-wide lease: one document per job, `_id` = the job's name. */
@Schema({ collection: 'leases', versionKey: false })
export class LeaseDoc {
  @Prop({ type: String, required: true }) _id: string;
  /** the node holding it (random per process) */
  @Prop({ required: true }) owner: string;
  @Prop({ required: true }) until: Date;
}

export const LeaseSchema = SchemaFactory.createForClass(LeaseDoc);
