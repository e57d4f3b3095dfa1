import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ChatModule } from '../chat/chat.module';
import { LeasesModule } from '../leases/leases.module';
import { MailModule } from '../mail/mail.module';
import { PreferencesModule } from '../preferences/preferences.module';
import { UsersModule } from '../users/users.module';
import { DigestStateDoc, DigestStateSchema } from './digest-state.schema';
import { DigestRepository } from './digest.repository';
import { DigestService } from './digest.service';
import { DigestWorker } from './digest.worker';

/** The offline e-mail digest of unread mentions and direct messages (see DigestService). */
@Module({
  imports: [
    MongooseModule.forFeature([{ name: DigestStateDoc.name, schema: DigestStateSchema }]),
    ChatModule,
    MailModule,
    PreferencesModule,
    UsersModule,
    LeasesModule,
  ],
  providers: [DigestRepository, DigestService, DigestWorker],
})
export class DigestModule {}
