import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** Failed sign-ins per (e-mail, client address); shared by every API node through the database. */
@Schema({ collection: 'login_failures', versionKey: false })
export class LoginFailureDoc {
  @Prop({ type: String, required: true }) _id: string;
  @Prop({ required: true }) count: number;
  @Prop({ required: true }) firstAt: Date;
  @Prop({ type: Date, default: null }) lockedUntil: Date | null;
}

export const LoginFailureSchema = SchemaFactory.createForClass(LoginFailureDoc);
LoginFailureSchema.index({ firstAt: 1 });
