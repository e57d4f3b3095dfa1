import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { MailModule } from '../mail/mail.module';
import { SessionsModule } from '../sessions/sessions.module';
import { UsersModule } from '../users/users.module';
import { AccountController } from './account.controller';
import { AccountTokenDoc, AccountTokenSchema, RateCounterDoc, RateCounterSchema } from './account-token.schema';
import { AccountTokensRepository } from './account-tokens.repository';
import { EmailChangeService } from './email-change.service';
import { EmailVerificationService } from './email-verification.service';
import { PasswordResetService } from './password-reset.service';

/** Account mails with single-use links: password reset, e-mail change, e-mail verification. */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: AccountTokenDoc.name, schema: AccountTokenSchema },
      { name: RateCounterDoc.name, schema: RateCounterSchema },
    ]),
    UsersModule,
    SessionsModule,
    MailModule,
  ],
  controllers: [AccountController],
  providers: [AccountTokensRepository, PasswordResetService, EmailChangeService, EmailVerificationService],
})
export class AccountModule {}
