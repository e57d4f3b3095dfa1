import { Module } from '@nestjs/common';
import { AuthModule } from '../modules/auth/auth.module';
import { ChatModule } from '../modules/chat/chat.module';
import { ChatGateway } from './chat.gateway';
import { ModerationGateway } from './moderation.gateway';
import { PresenceController } from './presence.controller';
import { PresenceService } from './presence.service';
import { RealtimeGateway } from './realtime.gateway';
import { SocketIdentityService } from './socket-identity.service';

/** Socket.IO: handshake auth, rooms, and the mapping of domain events to rooms. */
@Module({
  imports: [AuthModule, ChatModule],
  controllers: [PresenceController],
  providers: [RealtimeGateway, ChatGateway, ModerationGateway, PresenceService, SocketIdentityService],
})
export class RealtimeModule {}
