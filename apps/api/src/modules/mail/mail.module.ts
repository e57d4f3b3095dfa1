import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { LeasesModule } from '../leases/leases.module';
import { PreferencesModule } from '../preferences/preferences.module';
import { MailTransportService } from './mail-transport.service';
import { MailSuppressionDoc, MailSuppressionSchema, OutboxMailDoc, OutboxMailSchema } from './outbox-mail.schema';
import { OutboxController } from './outbox.controller';
import { OutboxRepository } from './outbox.repository';
import { OutboxService } from './outbox.service';
import { OutboxWakeup } from './outbox-wakeup';
import { OutboxWorker } from './outbox.worker';
import { UnsubscribeController } from './unsubscribe.controller';

/**
 * E-mail: the durable outbox (OutboxService.enqueue is the one way to send), its worker, the SMTP
 * transport (or the demo's Mailpit) and the admin view. Import this module and inject
 * OutboxService; see README.md here for adding a mail kind.
 */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: OutboxMailDoc.name, schema: OutboxMailSchema },
      { name: MailSuppressionDoc.name, schema: MailSuppressionSchema },
    ]),
    LeasesModule,
    PreferencesModule,
  ],
  controllers: [OutboxController, UnsubscribeController],
  providers: [OutboxRepository, OutboxService, OutboxWakeup, OutboxWorker, MailTransportService],
  exports: [OutboxService, MailTransportService],
})
export class MailModule {}
