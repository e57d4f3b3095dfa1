import { Global, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { RedisStatus } from '../../realtime/redis-health';
import { MailModule } from '../mail/mail.module';
import { HealthController } from './health.controller';

@Global()
@Module({
  imports: [TerminusModule.forRoot({ logger: false }), MailModule],
  controllers: [HealthController],
  providers: [RedisStatus],
  exports: [RedisStatus],
})
export class HealthModule {}
