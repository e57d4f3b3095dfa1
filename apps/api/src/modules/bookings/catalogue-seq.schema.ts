import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** How many times the resource catalogue changed (see ResourceCatalogue): one document, `_id: 'resources'`. */
@Schema({ collection: 'catalogue_seqs', versionKey: false })
export class CatalogueSeqDoc {
  @Prop({ type: String }) _id: string;
  @Prop({ type: Number, default: 0 }) seq: number;
}

export const CatalogueSeqSchema = SchemaFactory.createForClass(CatalogueSeqDoc);
